"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { returnForChanges, saveManagerReview } from "@/db/queries/reviews";
import type { ActionState } from "@/lib/action-state";
import { formAction } from "@/lib/actions";
import {
  type AssessmentFormEcho,
  assessmentDraftSchema,
  contentOf,
  readAssessmentFormData,
} from "@/lib/assessment-schema";
import { CALIBRATION_REASON_MAX, formatLimit, RETURN_MESSAGE_MAX } from "@/lib/limits";
import { recordId, recordVersion } from "@/lib/record-id";

const reviewForm = assessmentDraftSchema.extend({
  intent: z.enum(["draft", "submit", "finalize"], { error: "Choose Save draft, Save review or Finalize." }),
  version: recordVersion,
  assessmentId: z.union([z.literal("").transform(() => null), recordId()]),
  personId: recordId(),
  calibrationReason: z
    .string()
    .max(CALIBRATION_REASON_MAX, { error: `Keep the reason under ${formatLimit(CALIBRATION_REASON_MAX)} characters.` }),
});

const MESSAGES = { draft: "Draft saved at", review: "Review saved at", finalize: "Finalized at" } as const;

const saveReview = formAction({
  roles: ["manager"],
  schema: reviewForm,
  readValues: (formData): AssessmentFormEcho => ({
    version: Number(formData.get("version")) || 0,
    assessmentId: Number(formData.get("assessmentId")) || null,
  }),
  toInput: (_values, formData) => readAssessmentFormData(formData),
  handler: async (input, actor): Promise<ActionState<AssessmentFormEcho>> => {
    const intent = input.intent === "submit" ? "review" : input.intent;
    const saved = await saveManagerReview(
      actor,
      {
        personId: input.personId,
        version: input.version,
        values: contentOf(input),
        calibrationReason: input.calibrationReason,
      },
      intent,
    );
    // A finalized review changes the page's shape (locked, the way on to the next report) and a new
    // calibration record adds to it: those re-render it. Other saves answer with the action's state
    // only; the form and the compared mixes show it (your-view.tsx), sparing the page's queries.
    if (intent === "finalize" || saved.calibrated) revalidatePath("/team", "layout");
    return {
      status: "success",
      values: { version: saved.version, assessmentId: saved.assessmentId, savedAt: saved.updatedAt.toISOString() },
      message: MESSAGES[intent],
    };
  },
});

/** Saves the manager's own assessment of a report: draft, review, or finalize (from the button pressed). */
export async function saveManagerReviewAction(previous: ActionState<AssessmentFormEcho>, formData: FormData) {
  return saveReview(previous, formData);
}

type ReturnValues = { message: string };

const returnForm = z.object({
  personId: recordId(),
  selfVersion: recordId(),
  message: z
    .string()
    .trim()
    .min(1, { error: "Tell them what to change." })
    .max(RETURN_MESSAGE_MAX, { error: `Keep the message under ${formatLimit(RETURN_MESSAGE_MAX)} characters.` }),
});

const returnSelf = formAction({
  roles: ["manager"],
  schema: returnForm,
  readValues: (formData): ReturnValues => ({ message: String(formData.get("message") ?? "") }),
  toInput: (values, formData) => ({
    personId: formData.get("personId"),
    selfVersion: formData.get("selfVersion"),
    message: values.message,
  }),
  handler: async (input, actor): Promise<ActionState<ReturnValues>> => {
    await returnForChanges(actor, {
      personId: input.personId,
      expectedSelfVersion: input.selfVersion,
      message: input.message,
    });
    revalidatePath("/team", "layout");
    return {
      status: "success",
      values: { message: "" },
      message: "Returned for changes. They can edit and submit again.",
    };
  },
});

export async function returnForChangesAction(previous: ActionState<ReturnValues>, formData: FormData) {
  return returnSelf(previous, formData);
}
