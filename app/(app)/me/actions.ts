"use server";

import { z } from "zod";
import { SELF_ASSESSMENT_ROLES, saveSelfAssessmentDraft, submitSelfAssessment } from "@/db/queries/assessments";
import type { ActionState } from "@/lib/action-state";
import { formAction } from "@/lib/actions";
import {
  type AssessmentFormEcho,
  assessmentFormSchema,
  contentOf,
  readAssessmentFormData,
} from "@/lib/assessment-schema";
import { recordId } from "@/lib/record-id";

const selfAssessmentForm = assessmentFormSchema({
  cycleId: recordId(),
  assessmentId: z.union([z.literal("").transform(() => null), recordId()]),
});

const saveOrSubmit = formAction({
  roles: SELF_ASSESSMENT_ROLES,
  schema: selfAssessmentForm,
  readValues: (formData): AssessmentFormEcho => ({
    version: Number(formData.get("version")) || 0,
    assessmentId: Number(formData.get("assessmentId")) || null,
  }),
  toInput: (_values, formData) => readAssessmentFormData(formData),
  handler: async (input, actor): Promise<ActionState<AssessmentFormEcho>> => {
    const write = {
      cycleId: input.cycleId,
      assessmentId: input.assessmentId,
      version: input.version,
      values: contentOf(input),
    };
    const saved =
      input.intent === "submit"
        ? await submitSelfAssessment(actor, write)
        : await saveSelfAssessmentDraft(actor, write);
    // No revalidatePath: the page shows the saved state from this answer (me/saved-state.tsx), so the
    // response carries the action's state only, not the page re-rendered with all its queries.
    return {
      status: "success",
      values: {
        version: saved.version,
        assessmentId: saved.assessmentId,
        savedAt: saved.updatedAt.toISOString(),
        intent: input.intent,
      },
      message: input.intent === "submit" ? "Submitted at" : "Draft saved at",
    };
  },
});

/** Saves the signed-in person's self-assessment as a draft, or submits it. */
export async function saveMySelfAssessment(previous: ActionState<AssessmentFormEcho>, formData: FormData) {
  return saveOrSubmit(previous, formData);
}
