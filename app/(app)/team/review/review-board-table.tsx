"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useId, useState } from "react";
import { DataTable, type SortableFeatures } from "@/components/data-table";
import { ExposureBadge } from "@/components/exposure-badge";
import { type AttentionReason, type ExposureClass, formatIndex, formatIndexChange } from "@/lib/ladder";

export type ReviewStage = "not_started" | "self_draft" | "returned" | "awaiting_review" | "reviewed" | "finalized";

export type ReviewBoardTableRow = {
  personId: number;
  name: string;
  teamName: string;
  role: string | null;
  stage: ReviewStage;
  selfIndex: number | null;
  managerIndex: number | null;
  gap: number | null;
  exposure: ExposureClass | null;
  previousIndex: number | null;
  change: number | null;
  attention: AttentionReason[];
  /** "26 Nov 2026" when the employee said they have read the finalized review. */
  acknowledgedOn: string | null;
};

const STAGE_LABELS: Record<ReviewStage, string> = {
  not_started: "Not started",
  self_draft: "Self draft",
  returned: "Returned for changes",
  awaiting_review: "Awaiting your review",
  reviewed: "Reviewed",
  finalized: "Finalized",
};

const ATTENTION_LABELS: Record<AttentionReason, string> = {
  no_self_assessment: "No self-assessment yet",
  returned: "Returned for changes",
  calibration_gap: "Gap over 0.5 levels",
  dropped: "Dropped since last quarter",
};

const column = createColumnHelper<SortableFeatures, ReviewBoardTableRow>();

const numberCell = (value: number | null) =>
  value === null ? <span className="text-muted">—</span> : formatIndex(value);

function signedCell(value: number | null, flag: boolean) {
  if (value === null) return <span className="text-muted">—</span>;
  return <span className={flag ? "font-semibold text-red-700 dark:text-red-400" : ""}>{formatIndexChange(value)}</span>;
}

const columns = [
  column.accessor("name", {
    header: "Person",
    cell: (info) => {
      const row = info.row.original;
      return (
        <div className="min-w-36">
          <Link
            href={`/team/review/${row.personId}`}
            className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline"
          >
            {row.name}
          </Link>
          {row.attention.length > 0 && (
            <ul className="mt-1 flex flex-wrap gap-1" aria-label={`Needs attention: ${row.name}`}>
              {row.attention.map((reason) => (
                <li
                  key={reason}
                  className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200"
                >
                  {ATTENTION_LABELS[reason]}
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    },
  }),
  column.accessor("role", {
    header: "Role",
    meta: { className: "hidden md:table-cell" },
    cell: (info) => info.getValue() ?? <span className="text-muted">No role</span>,
  }),
  column.accessor("stage", {
    header: "Status",
    cell: (info) => {
      const row = info.row.original;
      if (row.stage !== "finalized") return STAGE_LABELS[row.stage];
      return (
        <div>
          {STAGE_LABELS.finalized}
          <p
            className={`mt-1 text-xs whitespace-nowrap ${row.acknowledgedOn ? "text-green-800 dark:text-green-300" : "text-muted"}`}
            data-testid="acknowledgement"
            title={row.acknowledgedOn ? `${row.name} has read the final review` : `${row.name} has not said so yet`}
          >
            {row.acknowledgedOn ? `✓ Read ${row.acknowledgedOn}` : "Not read yet"}
          </p>
        </div>
      );
    },
  }),
  column.accessor("selfIndex", {
    header: "Self index",
    meta: { numeric: true },
    sortUndefined: "last",
    cell: (info) => numberCell(info.getValue()),
  }),
  column.accessor("managerIndex", {
    header: "Your index",
    meta: { numeric: true },
    sortUndefined: "last",
    cell: (info) => numberCell(info.getValue()),
  }),
  column.accessor("gap", {
    header: "Gap",
    meta: { numeric: true },
    sortUndefined: "last",
    cell: (info) => signedCell(info.getValue(), info.row.original.attention.includes("calibration_gap")),
  }),
  column.accessor("exposure", {
    header: "Exposure",
    meta: { className: "hidden lg:table-cell" },
    sortUndefined: "last",
    cell: (info) => {
      const value = info.getValue();
      return value ? <ExposureBadge exposureClass={value} /> : <span className="text-muted">—</span>;
    },
  }),
  column.accessor("previousIndex", {
    header: "Last quarter",
    meta: { numeric: true, className: "hidden sm:table-cell" },
    sortUndefined: "last",
    cell: (info) => numberCell(info.getValue()),
  }),
  column.accessor("change", {
    header: "Change",
    meta: { numeric: true },
    sortUndefined: "last",
    cell: (info) => signedCell(info.getValue(), info.row.original.attention.includes("dropped")),
  }),
];

const STAGE_FILTERS: { value: string; label: string }[] = [
  { value: "", label: "All statuses" },
  { value: "attention", label: "Needs attention" },
  ...(Object.entries(STAGE_LABELS) as [ReviewStage, string][]).map(([value, label]) => ({ value, label })),
];

/** The team's review board: sortable by any column, filtered by status and by role. */
export function ReviewBoardTable({ rows, caption }: { rows: ReviewBoardTableRow[]; caption: string }) {
  const [stage, setStage] = useState("");
  const [role, setRole] = useState("");
  const id = useId();
  const roles = [...new Set(rows.map((r) => r.role ?? ""))].sort();
  const shown = rows.filter(
    (r) =>
      (stage === "" || (stage === "attention" ? r.attention.length > 0 : r.stage === stage)) &&
      (role === "" || (r.role ?? "") === role),
  );
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-stage`} className="text-sm font-medium">
            Status
          </label>
          <select id={`${id}-stage`} className="input mt-1" value={stage} onChange={(e) => setStage(e.target.value)}>
            {STAGE_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-role`} className="text-sm font-medium">
            Role
          </label>
          <select id={`${id}-role`} className="input mt-1" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">All roles</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r || "No role"}
              </option>
            ))}
          </select>
        </div>
        <p className="text-muted pb-2 text-sm" aria-live="polite">
          Showing {shown.length} of {rows.length}
        </p>
      </div>
      <DataTable
        columns={columns}
        data={shown}
        caption={caption}
        initialSort={{ id: "name", desc: false }}
        rowClassName={(row) =>
          row.attention.length > 0 ? "bg-amber-50/70 shadow-[inset_3px_0_0_#d97706] dark:bg-amber-950/30" : ""
        }
      />
    </div>
  );
}
