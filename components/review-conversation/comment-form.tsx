"use client";

import { type FormAction, TextareaForm } from "@/components/ui/textarea-form";
import { formatLimit, REVIEW_COMMENT_MAX } from "@/lib/limits";

type Values = { body: string };

/** Adds a comment to a review's conversation; what was typed stays after a refusal. */
export function CommentForm({
  action,
  cycleId,
  subjectId,
  label,
}: {
  action: FormAction<Values>;
  cycleId: number;
  subjectId: number;
  label: string;
}) {
  return (
    <TextareaForm
      action={action}
      className="mt-4 space-y-2"
      id="review-comment"
      name="body"
      label={label}
      rows={3}
      maxLength={REVIEW_COMMENT_MAX}
      hint={
        <>Plain text, up to {formatLimit(REVIEW_COMMENT_MAX)} characters. Only the two of you read this conversation.</>
      }
      submit={{ label: "Send comment", pendingText: "Sending…", tone: "primary" }}
    >
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="subjectId" value={subjectId} />
    </TextareaForm>
  );
}
