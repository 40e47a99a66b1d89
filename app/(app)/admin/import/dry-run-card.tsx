import { Card } from "@/components/ui/card";
import type { DryRunPlan, RowOutcome } from "@/lib/import/people-csv";
import { DryRunTable } from "./dry-run-table";
import { type ImportPreview, outcomeLabels, outcomeStyles } from "./use-import-preview";

function DryRunSummary({ plan, preview }: { plan: DryRunPlan; preview: ImportPreview }) {
  const { filter, setFilter } = preview;
  return (
    <>
      <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Summary">
        {(Object.keys(outcomeLabels) as RowOutcome[]).map((o) => (
          <li key={o} className={`rounded-full px-3 py-1 font-medium ${outcomeStyles[o]}`}>
            {outcomeLabels[o]}: {plan.counts[o]}
          </li>
        ))}
      </ul>
      {(plan.newTeams.length > 0 || plan.newDepartments.length > 0) && (
        <p className="mb-4 text-sm">
          New teams: {plan.newTeams.map((t) => `${t.name} (${t.department})`).join(", ") || "none"}.
          {plan.newDepartments.length > 0 && ` New departments: ${plan.newDepartments.join(", ")}.`}
        </p>
      )}
      <fieldset className="mb-3 flex gap-4 text-sm">
        <legend className="sr-only">Rows to show</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="show" checked={filter === "all"} onChange={() => setFilter("all")} /> All rows
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="show" checked={filter === "reject"} onChange={() => setFilter("reject")} /> Rejected
          only
        </label>
      </fieldset>
    </>
  );
}

/** Step 2: what the file would do, before anything is written. */
export function DryRunCard({ plan, preview }: { plan: DryRunPlan; preview: ImportPreview }) {
  return (
    <Card
      title="2. Check the dry run"
      description={
        preview.stale ? "The file changed since this dry run: run it again." : "Nothing has been written yet."
      }
    >
      {plan.missingColumns.length > 0 ? (
        <p className="text-sm text-red-700 dark:text-red-400" data-testid="missing-columns">
          The file lacks the column(s): {plan.missingColumns.join(", ")}. The first line must name the columns.
        </p>
      ) : (
        <>
          <DryRunSummary plan={plan} preview={preview} />
          <DryRunTable plan={plan} shown={preview.shown} />
        </>
      )}
    </Card>
  );
}
