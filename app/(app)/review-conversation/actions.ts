"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { acknowledgeReview, addReviewComment } from "@/db/queries/review-conversation";
import type { ActionState } from "@/lib/action-state";
import { formAction } from "@/lib/actions";
import { formatLimit, REVIEW_COMMENT_MAX } from "@/lib/limits";
import { recordId } from "@/lib/record-id";

const commentText = z
  .string()
  .max(REVIEW_COMMENT_MAX, { error: `Keep the comment under ${formatLimit(REVIEW_COMMENT_MAX)} characters.` });

type CommentValues = { body: string };

const comment = formAction({
  schema: z.object({
    cycleId: recordId(),
    subjectId: recordId(),
    body: commentText.trim().min(1, { error: "Write something before you send it." }),
  }),
  readValues: (formData): CommentValues => ({ body: String(formData.get("body") ?? "") }),
  toInput: (values, formData) => ({
    cycleId: formData.get("cycleId"),
    subjectId: formData.get("subjectId"),
    body: values.body,
  }),
  handler: async (input, actor): Promise<ActionState<CommentValues>> => {
    await addReviewComment(actor, input);
    revalidatePath("/me");
    revalidatePath(`/team/review/${input.subjectId}`);
    return { status: "success", values: { body: "" }, message: "Comment sent." };
  },
});

/** Adds a comment to a review's conversation: the subject's or their reviewer's (checked in the data layer). */
export async function addReviewCommentAction(previous: ActionState<CommentValues>, formData: FormData) {
  return comment(previous, formData);
}

type AcknowledgeValues = { comment: string };

const acknowledge = formAction({
  schema: z.object({ cycleId: recordId(), comment: commentText }),
  readValues: (formData): AcknowledgeValues => ({ comment: String(formData.get("comment") ?? "") }),
  toInput: (values, formData) => ({ cycleId: formData.get("cycleId"), comment: values.comment }),
  handler: async (input, actor): Promise<ActionState<AcknowledgeValues>> => {
    await acknowledgeReview(actor, input);
    revalidatePath("/me");
    return { status: "success", values: { comment: "" }, message: "Thank you: your manager is told you have read it." };
  },
});

/** "I have read my review" on the signed-in person's finalized review, with an optional comment. */
export async function acknowledgeReviewAction(previous: ActionState<AcknowledgeValues>, formData: FormData) {
  return acknowledge(previous, formData);
}
