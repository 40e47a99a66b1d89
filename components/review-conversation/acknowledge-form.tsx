"use client";

import { useActionState, useState } from "react";
import { PendingButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { formatLimit, REVIEW_COMMENT_MAX } from "@/lib/limits";

type Values = { comment: string };

/** "I have read my review", with an optional comment that joins the conversation. */
export function AcknowledgeForm({
  action,
  cycleId,
  managerName,
}: {
  action: (state: ActionState<Values>, formData: FormData) => Promise<ActionState<Values>>;
  cycleId: number;
  managerName: string;
}) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" } as ActionState<Values>);
  const [comment, setComment] = useState("");
  const errors = state.status === "error" ? (state.fieldErrors?.comment ?? []) : [];
  const message = errors.join(" ") || (state.status === "error" ? state.message : "");
  return (
    <form
      action={dispatch}
      className="mt-4 space-y-2 rounded-lg border border-[var(--color-accent)]/40 p-4"
      noValidate
      aria-labelledby="acknowledge-heading"
    >
      <h3 id="acknowledge-heading" className="text-sm font-semibold">
        {managerName} finalized your review
      </h3>
      <p className="text-muted text-sm">
        Tell them you have read it. You can add a comment; it joins the conversation above.
      </p>
      <input type="hidden" name="cycleId" value={cycleId} />
      <label htmlFor="acknowledge-comment" className="block text-sm font-medium">
        Comment (optional)
      </label>
      <textarea
        id="acknowledge-comment"
        name="comment"
        rows={2}
        maxLength={REVIEW_COMMENT_MAX}
        className="input"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        aria-invalid={errors.length > 0}
        aria-describedby="acknowledge-comment-hint acknowledge-comment-error"
      />
      <p id="acknowledge-comment-hint" className="text-muted text-xs">
        Up to {formatLimit(REVIEW_COMMENT_MAX)} characters. You acknowledge once.
      </p>
      <p id="acknowledge-comment-error" className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
        {message}
      </p>
      <PendingButton
        pending={pending}
        pendingText="Saving…"
        className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
      >
        I have read my review
      </PendingButton>
    </form>
  );
}
