import { ScrollRegion } from "@/components/ui/scroll-region";
import type { DryRunPlan, PlannedRow } from "@/lib/import/people-csv";
import { outcomeLabels, outcomeStyles } from "./use-import-preview";

/** The dry run row by row, in a scrolling region of its own. */
export function DryRunTable({ plan, shown }: { plan: DryRunPlan; shown: PlannedRow[] }) {
  return (
    <ScrollRegion label="Dry run, row by row" className="max-h-[28rem] overflow-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">What each row of the file would do</caption>
        <thead>
          <tr className="border-b border-line text-left">
            <th scope="col" className="px-2 py-1 font-medium">
              Line
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              Outcome
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              Person
            </th>
            <th scope="col" className="hidden px-2 py-1 font-medium md:table-cell">
              Team
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              Why / what changes
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
      {plan.total > plan.rows.length && (
        <p className="text-muted mt-2 text-xs">
          Showing every rejected row and the first {plan.rows.length - plan.counts.reject} others of {plan.total}.
        </p>
      )}
    </ScrollRegion>
  );
}
