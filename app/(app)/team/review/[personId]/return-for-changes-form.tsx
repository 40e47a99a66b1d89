"use client";

import { type FormAction, TextareaForm } from "@/components/ui/textarea-form";
import { RETURN_MESSAGE_MAX } from "@/lib/limits";

type Values = { message: string };

/** Re-opens the employee's submitted self-assessment, with a message saying what to change. */
export function ReturnForChangesForm({
  action,
  personId,
  selfVersion,
  firstName,
}: {
  action: FormAction<Values>;
  personId: number;
  selfVersion: number;
  firstName: string;
}) {
  return (
    <TextareaForm
      action={action}
      summary={<>Return to {firstName} for changes</>}
      className="mt-3 space-y-2"
      id="return-message"
      name="message"
      label={<>What should {firstName} change?</>}
      // Inline, as it has always been: the box sits right under it.
      labelClassName="text-sm font-medium"
      rows={3}
      maxLength={RETURN_MESSAGE_MAX}
      submit={{ label: "Return for changes", pendingText: "Returning…", tone: "plain" }}
    >
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="selfVersion" value={selfVersion} />
    </TextareaForm>
  );
}
