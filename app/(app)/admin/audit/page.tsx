import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { listAuditActions, listAuditEntries } from "@/db/queries/audit";
import { requireRole } from "@/lib/dal";
import { dateFormatters } from "@/lib/locale";
import { parseCalendarDate, parseId, parseText } from "@/lib/params";

export const metadata: Metadata = { title: "Audit log · Admin" };

type Search = { action?: string; actor?: string; target?: string; from?: string; to?: string; before?: string };

function describeDetails(details: unknown) {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireRole("admin");
  const params = await searchParams;
  const filter = {
    action: parseText(params.action, 60),
    actor: parseText(params.actor, 100),
    target: parseText(params.target, 60),
    from: parseCalendarDate(params.from),
    to: parseCalendarDate(params.to),
    // The audit log's ids are bigints.
    before: parseId(params.before, Number.MAX_SAFE_INTEGER) ?? undefined,
  };
  const [{ rows, hasMore }, actions, { exactDateTime: time }] = await Promise.all([
    listAuditEntries(actor, filter),
    listAuditActions(actor),
    dateFormatters(),
  ]);
  const older = new URLSearchParams(
    Object.entries({ ...params, before: String(rows.at(-1)?.id ?? "") }).filter(([, v]) => v) as [string, string][],
  );
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, when, to what. Append-only: the database refuses to change or delete an entry."
      />
      <Card>
        <form method="get" className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
          <div>
            <label htmlFor="action" className="block text-sm font-medium">
              Action
            </label>
            <select id="action" name="action" defaultValue={filter.action ?? ""} className="input mt-1">
              <option value="">Any</option>
              {[...new Set(actions.map((a) => a.split(".")[0]!))].map((prefix) => (
                <optgroup key={prefix} label={prefix}>
                  {actions
                    .filter((a) => a.split(".")[0] === prefix)
                    .map((a) => (
                      <option key={a} value={a}>
                        {a}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="actor" className="block text-sm font-medium">
              Who
            </label>
            <input
              id="actor"
              name="actor"
              defaultValue={filter.actor ?? ""}
              placeholder="Name or email"
              className="input mt-1"
            />
          </div>
          <div>
            <label htmlFor="target" className="block text-sm font-medium">
              Target
            </label>
            <input
              id="target"
              name="target"
              defaultValue={filter.target ?? ""}
              placeholder="Id or type (cycle)"
              className="input mt-1"
            />
          </div>
          <div>
            <label htmlFor="from" className="block text-sm font-medium">
              From
            </label>
            <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className="input mt-1" />
          </div>
          <div>
            <label htmlFor="to" className="block text-sm font-medium">
              To
            </label>
            <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className="input mt-1" />
          </div>
          <div className="flex gap-2">
            <button
              type="submit"
              className="rounded-md border border-line px-4 py-2 text-sm font-medium hover:border-[var(--color-accent)]"
            >
              Filter
            </button>
            <Link
              href="/admin/audit"
              className="rounded-md px-3 py-2 text-sm text-[var(--color-accent)] hover:underline dark:text-indigo-300"
            >
              Clear
            </Link>
          </div>
        </form>
        <SimpleTable
          label="Audit entries"
          caption="Audit entries, newest first"
          pad="px-2 py-2"
          columns={["When", "Who", "Action", "Target", { label: "Details", className: "hidden lg:table-cell" }]}
        >
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top last:border-0">
              <td className="whitespace-nowrap px-2 py-2 tabular-nums">{time.format(row.at)}</td>
              <td className="px-2 py-2">
                {row.actorName ?? (
                  <span className="text-muted">{(row.details as { email?: string })?.email ?? "unknown"}</span>
                )}
              </td>
              <td className="px-2 py-2 font-mono text-xs">{row.action}</td>
              <td className="px-2 py-2">{row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : "—"}</td>
              <td className="text-muted hidden max-w-md break-words px-2 py-2 text-xs lg:table-cell">
                {describeDetails(row.details)}
              </td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="text-muted px-3 py-6 text-center">
                No entries match.
              </td>
            </tr>
          )}
        </SimpleTable>
        <div className="mt-4 flex gap-4 text-sm">
          {filter.before && (
            <Link
              href={`/admin/audit?${new URLSearchParams(Object.entries({ ...params, before: "" }).filter(([, v]) => v) as [string, string][])}`}
              className="text-[var(--color-accent)] hover:underline dark:text-indigo-300"
            >
              Newest
            </Link>
          )}
          {hasMore && (
            <Link
              href={`/admin/audit?${older}`}
              className="text-[var(--color-accent)] hover:underline dark:text-indigo-300"
            >
              Older entries →
            </Link>
          )}
        </div>
      </Card>
    </>
  );
}
