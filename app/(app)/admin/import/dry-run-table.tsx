import { SimpleTable } from "@/components/ui/simple-table";
import type { DryRunPlan, PlannedRow } from "@/lib/import/people-csv";
import { outcomeLabels, outcomeStyles } from "./use-import-preview";

/** The dry run row by row, in a scrolling region of its own. */
export function DryRunTable({ plan, shown }: { plan: DryRunPlan; shown: PlannedRow[] }) {
  return (
    <SimpleTable
      label="Dry run, row by row"
      regionClassName="max-h-[28rem] overflow-auto"
      caption="What each row of the file would do"
      pad="px-2 py-1"
      columns={[
        "Line",
        "Outcome",
        "Person",
        { label: "Team", className: "hidden md:table-cell" },
        "Why / what changes",
      ]}
      footer={
        plan.total > plan.rows.length && (
          <p className="text-muted mt-2 text-xs">
            Showing every rejected row and the first {plan.rows.length - plan.counts.reject} others of {plan.total}.
          </p>
        )
      }
    >
      {shown.map((r) => (
        <tr key={r.line} data-outcome={r.outcome} className="border-b border-line align-top last:border-0">
          <td className="px-2 py-1 tabular-nums">{r.line}</td>
          <td className="px-2 py-1">
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${outcomeStyles[r.outcome]}`}>
              {outcomeLabels[r.outcome]}
            </span>
          </td>
          <td className="px-2 py-1">
            {r.name || <span className="text-muted">(no name)</span>}
            <span className="text-muted block text-xs">{r.email}</span>
          </td>
          <td className="hidden px-2 py-1 md:table-cell">{r.team}</td>
          <td className="px-2 py-1">{r.notes.join(" ")}</td>
        </tr>
      ))}
    </SimpleTable>
  );
}
