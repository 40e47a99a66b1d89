"use client";

import { useActionState, useEffect, useState } from "react";
import { PendingButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { formatLimit, REVIEW_COMMENT_MAX } from "@/lib/limits";

type Values = { body: string };

/** Adds a comment to a review's conversation; what was typed stays after a refusal. */
export function CommentForm({
  action,
  cycleId,
  subjectId,
  label,
}: {
  action: (state: ActionState<Values>, formData: FormData) => Promise<ActionState<Values>>;
  cycleId: number;
  subjectId: number;
  label: string;
}) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" } as ActionState<Values>);
  const [body, setBody] = useState("");
  useEffect(() => {
    if (state.status === "success") setBody("");
  }, [state]);
  const errors = state.status === "error" ? (state.fieldErrors?.body ?? []) : [];
  const message = errors.join(" ") || (state.status === "error" ? state.message : "");
  return (
    <form action={dispatch} className="mt-4 space-y-2" noValidate>
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <label htmlFor="review-comment" className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id="review-comment"
        name="body"
        rows={3}
        maxLength={REVIEW_COMMENT_MAX}
        className="input"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={errors.length > 0}
        aria-describedby="review-comment-hint review-comment-error"
      />
      <p id="review-comment-hint" className="text-muted text-xs">
        Plain text, up to {formatLimit(REVIEW_COMMENT_MAX)} characters. Only the two of you read this conversation.
      </p>
      <p id="review-comment-error" className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
        {message}
      </p>
      <PendingButton
        pending={pending}
        pendingText="Sending…"
        className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
      >
        Send comment
      </PendingButton>
    </form>
  );
}
