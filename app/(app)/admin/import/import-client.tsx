"use client";

import { ApplyCard } from "./apply-card";
import { ChooseFileCard } from "./choose-file-card";
import { DryRunCard } from "./dry-run-card";
import { InviteNewPeople } from "./invite-new-people";
import { useImportPreview } from "./use-import-preview";

/** The people-and-teams import: choose a file, check its dry run, then apply it. */
export function ImportClient({ template }: { template: string }) {
  const preview = useImportPreview();
  const { plan, error, done } = preview;
  return (
    <div className="space-y-6">
      <ChooseFileCard preview={preview} template={template} />
      <div aria-live="polite">
        {error && (
          <p
            data-testid="import-error"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            {error}
          </p>
        )}
        {done && (
          <p
            data-testid="import-done"
            className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
          >
            Imported: {done.created} created, {done.changed} changed, {done.unchanged} unchanged; {done.teamsCreated}{" "}
            new teams. It is in the audit log.
          </p>
        )}
        {done && done.createdIds.length > 0 && <InviteNewPeople personIds={done.createdIds} />}
      </div>
      {plan && <DryRunCard plan={plan} preview={preview} />}
      {plan && plan.missingColumns.length === 0 && <ApplyCard plan={plan} preview={preview} />}
    </div>
  );
}
