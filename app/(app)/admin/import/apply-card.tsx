import { Card } from "@/components/ui/card";
import type { DryRunPlan } from "@/lib/import/people-csv";
import type { ImportPreview } from "./use-import-preview";

/** Step 3: apply the file in one transaction, with progress while it runs. */
export function ApplyCard({ plan, preview }: { plan: DryRunPlan; preview: ImportPreview }) {
  const { progress } = preview;
  return (
    <Card title="3. Apply" description="All rows in one transaction: if anything fails, nothing is imported.">
      {plan.counts.reject > 0 && (
        <p className="mb-3 text-sm">
          Fix or remove the {plan.counts.reject} rejected row(s) above, then run the dry run again.
        </p>
      )}
      {plan.counts.reject === 0 && plan.counts.create + plan.counts.change === 0 && (
        <p className="mb-3 text-sm">Nothing to do: every row matches what is already there.</p>
      )}
      {progress && (
        <div className="mb-3">
          <label htmlFor="import-progress" className="text-sm">
            {progress.phase}: {progress.done} of {progress.total}
          </label>
          <progress
            id="import-progress"
            max={Math.max(progress.total, 1)}
            value={progress.done}
            className="mt-1 block h-2 w-full"
          />
        </div>
      )}
      <button
        type="button"
        onClick={preview.apply}
        disabled={!preview.canApply || preview.busy !== null}
        className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
      >
        {preview.busy === "apply" ? "Importing…" : `Import ${plan.counts.create + plan.counts.change} row(s)`}
      </button>
    </Card>
  );
}
