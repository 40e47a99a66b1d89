"use client";

import { useActionState, useState } from "react";
import { PendingButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { RETURN_MESSAGE_MAX } from "@/lib/limits";

type Values = { message: string };

/** Re-opens the employee's submitted self-assessment, with a message saying what to change. */
export function ReturnForChangesForm({
  action,
  personId,
  selfVersion,
  firstName,
}: {
  action: (state: ActionState<Values>, formData: FormData) => Promise<ActionState<Values>>;
  personId: number;
  selfVersion: number;
  firstName: string;
}) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" } as ActionState<Values>);
  const [message, setMessage] = useState("");
  const error = state.status === "error" ? (state.fieldErrors?.message ?? []) : [];
  return (
    <details className="mt-6 rounded-md border border-line p-3" open={state.status === "error"}>
      <summary className="cursor-pointer text-sm font-medium">Return to {firstName} for changes</summary>
      <form action={dispatch} className="mt-3 space-y-2" noValidate>
        <input type="hidden" name="personId" value={personId} />
        <input type="hidden" name="selfVersion" value={selfVersion} />
        <label htmlFor="return-message" className="text-sm font-medium">
          What should {firstName} change?
        </label>
        <textarea
          id="return-message"
          name="message"
          rows={3}
          maxLength={RETURN_MESSAGE_MAX}
          className="input"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          aria-invalid={error.length > 0}
          aria-describedby="return-message-error"
        />
        <p id="return-message-error" className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
          {error.join(" ") || (state.status === "error" ? state.message : "")}
        </p>
        <PendingButton
          pending={pending}
          pendingText="Returning…"
          className="rounded-md border border-line px-3 py-1.5 text-sm font-semibold hover:border-[var(--color-accent)] disabled:opacity-60"
        >
          {"Return for changes"}
        </PendingButton>
      </form>
    </details>
  );
}
