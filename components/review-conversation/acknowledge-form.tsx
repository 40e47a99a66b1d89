"use client";

import { type FormAction, TextareaForm } from "@/components/ui/textarea-form";
import { formatLimit, REVIEW_COMMENT_MAX } from "@/lib/limits";

type Values = { comment: string };

/** "I have read my review", with an optional comment that joins the conversation. */
export function AcknowledgeForm({
  action,
  cycleId,
  managerName,
}: {
  action: FormAction<Values>;
  cycleId: number;
  managerName: string;
}) {
  return (
    <TextareaForm
      action={action}
      className="mt-4 space-y-2 rounded-lg border border-[var(--color-accent)]/40 p-4"
      aria-labelledby="acknowledge-heading"
      id="acknowledge-comment"
      name="comment"
      label="Comment (optional)"
      rows={2}
      maxLength={REVIEW_COMMENT_MAX}
      hint={<>Up to {formatLimit(REVIEW_COMMENT_MAX)} characters. You acknowledge once.</>}
      submit={{ label: "I have read my review", pendingText: "Saving…", tone: "primary" }}
    >
      <h3 id="acknowledge-heading" className="text-sm font-semibold">
        {managerName} finalized your review
      </h3>
      <p className="text-muted text-sm">
        Tell them you have read it. You can add a comment; it joins the conversation above.
      </p>
      <input type="hidden" name="cycleId" value={cycleId} />
    </TextareaForm>
  );
}
