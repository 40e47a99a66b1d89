"use client";

import {
  columnVisibilityFeature,
  createColumnHelper,
  functionalUpdate,
  type PaginationState,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { StatusBadge } from "@/components/ui/status-badge";
import { invitePeopleAction } from "../actions";

export type PersonRow = {
  id: number;
  name: string;
  email: string;
  role: string;
  active: boolean;
  team: string | null;
  department: string | null;
  /** "Invited on 3 Mar 2026", "Active · last signed in …", "Never signed in", … */
  access: string;
  invitable: boolean;
};

// Manual mode: the server pages, searches and sorts; the table only reports what was asked for.
const features = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });
const column = createColumnHelper<typeof features, PersonRow>();

const columns = column.columns([
  column.accessor("name", {
    header: "Name",
    cell: (info) => (
      <>
        <Link
          href={`/admin/people/${info.row.original.id}`}
          className="font-medium text-[var(--color-accent)] underline underline-offset-2 dark:text-indigo-300"
        >
          {info.getValue()}
        </Link>
        <span className="text-muted block text-xs md:hidden">
          {info.row.original.email}
          <span className="sm:hidden">
            {" "}
            · {info.row.original.team ?? "no team"}
            {info.row.original.active ? "" : " · deactivated"}
          </span>
        </span>
      </>
    ),
  }),
  column.accessor("email", { header: "Email", meta: { className: "hidden md:table-cell" } }),
  column.accessor("role", { header: "Role", cell: (info) => <span className="capitalize">{info.getValue()}</span> }),
  column.accessor("team", {
    header: "Team",
    meta: { className: "hidden sm:table-cell" },
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("department", {
    header: "Department",
    meta: { className: "hidden lg:table-cell" },
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("active", {
    id: "status",
    header: "Status",
    meta: { className: "hidden sm:table-cell" },
    cell: (info) => <StatusBadge status={info.getValue() ? "active" : "inactive"} />,
  }),
  column.accessor("access", {
    header: "Access",
    meta: { className: "hidden md:table-cell" },
    cell: (info) => <span className="text-xs">{info.getValue()}</span>,
  }),
]);

export function PeopleTable({
  rows,
  total,
  page,
  pageSize,
  sort,
  desc,
}: {
  rows: PersonRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  desc: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  function navigate(changes: Record<string, string | null>) {
    const params = new URLSearchParams(searchParams.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) params.delete(k);
      else params.set(k, v);
    }
    startTransition(() => router.push(`${pathname}?${params.toString()}`));
  }

  const sorting: SortingState = [{ id: sort, desc }];
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };
  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting)[0];
      navigate({ sort: next?.id ?? "name", dir: next?.desc ? "desc" : null, page: null });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      navigate({ page: next.pageIndex === 0 ? null : String(next.pageIndex + 1) });
    },
  });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [inviteState, invite] = useActionState(invitePeopleAction, {
    status: "idle" as const,
    values: { personIds: [] },
  });
  const invitableIds = rows.filter((r) => r.invitable).map((r) => r.id);
  const chosen = invitableIds.filter((id) => selected.has(id));
  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const meta = (m: unknown) => (m as { className?: string } | undefined)?.className ?? "";

  return (
    <div aria-busy={pending}>
      <form
        action={async (data) => {
          invite(data);
          setSelected(new Set());
        }}
        className="mb-3 flex flex-wrap items-center gap-3"
      >
        {chosen.map((id) => (
          <input key={id} type="hidden" name="personId" value={id} />
        ))}
        <SubmitButton tone="plain" pendingText="Sending…" disabled={chosen.length === 0}>
          {chosen.length ? `Invite ${chosen.length} selected` : "Invite selected"}
        </SubmitButton>
        <span className="text-muted text-xs">Tick people who have no access yet to send them an invitation.</span>
        <div className="basis-full">
          <FormMessage state={inviteState} />
        </div>
      </form>
      <ScrollRegion label="People">
        <table className={`w-full border-collapse text-sm ${pending ? "opacity-60" : ""}`}>
          <caption className="sr-only">
            People, sorted by {sort} {desc ? "descending" : "ascending"}, page {page} of {pageCount}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="border-b border-line">
                <th scope="col" className="w-8 px-2 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select everyone on this page who can be invited"
                    checked={invitableIds.length > 0 && chosen.length === invitableIds.length}
                    disabled={invitableIds.length === 0}
                    onChange={(event) => setSelected(event.target.checked ? new Set(invitableIds) : new Set())}
                  />
                </th>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                      className={`px-2 py-2 text-left font-medium sm:px-3 ${meta(header.column.columnDef.meta)}`}
                    >
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 hover:text-[var(--color-accent)]"
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="text-muted w-3 text-xs">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className="border-b border-line last:border-0 hover:bg-black/[0.02] dark:hover:bg-white/[0.03]"
              >
                <td className="w-8 px-2 py-2">
                  {row.original.invitable && (
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.original.name}`}
                      checked={selected.has(row.original.id)}
                      onChange={(event) => toggle(row.original.id, event.target.checked)}
                    />
                  )}
                </td>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-2 py-2 sm:px-3 ${meta(cell.column.columnDef.meta)}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + 1} className="text-muted px-3 py-6 text-center">
                  Nobody matches.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-muted" aria-live="polite">
          {total === 0
            ? "No people"
            : `${(page - 1) * pageSize + 1}–${Math.min(page * pageSize, total)} of ${total.toLocaleString("en")} people`}
        </p>
        <div className="flex items-center gap-2">
          <button
            type="button"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
            className="rounded-md border border-line px-3 py-1.5 font-medium disabled:opacity-50"
          >
            Previous
          </button>
          <span className="tabular-nums">
            Page {page} of {pageCount}
          </span>
          <button
            type="button"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
            className="rounded-md border border-line px-3 py-1.5 font-medium disabled:opacity-50"
          >
            Next
          </button>
        </div>
      </div>
    </div>
  );
}
