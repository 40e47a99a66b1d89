/**
 * The assessment instrument's validation, shared by the employee's self-assessment and the
 * manager's review: one definition of what a draft may hold and what a submission must hold.
 * Safe for the browser too (no server imports), so the form can show the same rules.
 */
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/action-state";
import {
  CAPABILITIES,
  type CapabilityKey,
  LEVELS,
  type LevelMix,
  mixTotal,
  needsCalibration,
  SHARE_KEYS,
} from "@/lib/ladder";
import { ASSESSMENT_TASKS_MAX, CALIBRATION_REASON_MIN, formatLimit, NOTES_MAX, TASK_TEXT_MAX } from "@/lib/limits";
import { recordVersion } from "@/lib/record-id";

// Zod compiles fast parsers with `new Function`, which the CSP forbids in the browser (proxy.ts).
z.config({ jitless: true });

const count = formatLimit;

const share = z
  .number({ error: "Use a whole percent from 0 to 100." })
  .int({ error: "Use a whole percent from 0 to 100." })
  .min(0, { error: "Use a whole percent from 0 to 100." })
  .max(100, { error: "Use a whole percent from 0 to 100." })
  .nullable();

const level = z
  .number({ error: "Choose a level from 1 to 5." })
  .int({ error: "Choose a level from 1 to 5." })
  .min(1, { error: "Choose a level from 1 to 5." })
  .max(5, { error: "Choose a level from 1 to 5." })
  .nullable();

const rating = z
  .number({ error: "Choose a rating from 1 to 5." })
  .int({ error: "Choose a rating from 1 to 5." })
  .min(1, { error: "Choose a rating from 1 to 5." })
  .max(5, { error: "Choose a rating from 1 to 5." })
  .nullable();

const taskSchema = z.strictObject({
  text: z.string().refine((t) => t.length <= TASK_TEXT_MAX, {
    error: (issue) => `Keep the task to ${TASK_TEXT_MAX} characters (now ${count(String(issue.input).length)}).`,
  }),
  level,
  aiUsed: z.boolean(),
});

/** The instrument's fields: everything a draft may hold, each within its bounds, nothing else. */
const assessmentContentShape = {
  mix: z.strictObject({ s1: share, s2: share, s3: share, s4: share, s5: share }),
  tasks: z.array(taskSchema).max(ASSESSMENT_TASKS_MAX, { error: `Keep to ${ASSESSMENT_TASKS_MAX} tasks at most.` }),
  ratings: z.strictObject({
    judgment: rating,
    communication: rating,
    stakeholders: rating,
    systemsThinking: rating,
    ownership: rating,
  }),
  notes: z.string().refine((t) => t.length <= NOTES_MAX, {
    error: (issue) => `Keep notes to ${count(NOTES_MAX)} characters (now ${count(String(issue.input).length)}).`,
  }),
};

/** A draft: any subset filled in, shares need not add up yet. */
export const assessmentDraftSchema = z.strictObject(assessmentContentShape);

export type AssessmentDraftValues = z.infer<typeof assessmentDraftSchema>;
export type AssessmentTaskValues = AssessmentDraftValues["tasks"][number];

/** A complete assessment, as stored when submitted. */
export type CompleteAssessment = {
  mix: LevelMix;
  tasks: { text: string; level: number; aiUsed: boolean }[];
  ratings: Record<CapabilityKey, number>;
  notes: string;
};

export function emptyAssessmentValues(): AssessmentDraftValues {
  return {
    mix: { s1: null, s2: null, s3: null, s4: null, s5: null },
    tasks: [],
    ratings: { judgment: null, communication: null, stakeholders: null, systemsThinking: null, ownership: null },
    notes: "",
  };
}

/** "Your shares add up to 90%; 10% left to place." — or null when the total is exactly 100. */
export function shareTotalMessage(total: number) {
  if (total === 100) return null;
  if (total < 100) return `Your shares add up to ${total}%; ${100 - total}% left to place.`;
  return `Your shares add up to ${total}%; take ${total - 100}% away.`;
}

/**
 * What a submission needs beyond a draft: every share (summing to exactly 100), 1–20 tasks each
 * described and levelled, all five ratings. Adds one issue per problem, at the field's path.
 */
function checkComplete(values: AssessmentDraftValues, ctx: z.RefinementCtx) {
  let sharesFilled = true;
  SHARE_KEYS.forEach((key, i) => {
    if (values.mix[key] === null) {
      sharesFilled = false;
      ctx.addIssue({
        code: "custom",
        path: ["mix", key],
        message: `Enter a share for ${LEVELS[i]!.name} (0 if none).`,
      });
    }
  });
  if (sharesFilled) {
    const message = shareTotalMessage(mixTotal(values.mix as LevelMix));
    if (message) ctx.addIssue({ code: "custom", path: ["mix"], message });
  }
  if (values.tasks.length === 0) {
    ctx.addIssue({ code: "custom", path: ["tasks"], message: "Add at least one representative task." });
  }
  values.tasks.forEach((task, i) => {
    if (task.text.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["tasks", i, "text"], message: "Describe the task, or remove this row." });
    }
    if (task.level === null) {
      ctx.addIssue({ code: "custom", path: ["tasks", i, "level"], message: "Choose a level for this task." });
    }
  });
  for (const capability of CAPABILITIES) {
    if (values.ratings[capability.key] === null) {
      ctx.addIssue({
        code: "custom",
        path: ["ratings", capability.key],
        message: `Rate ${capability.name.toLowerCase()} from 1 to 5.`,
      });
    }
  }
}

/** A submission: the draft's bounds plus completeness. */
export const assessmentSubmitSchema = assessmentDraftSchema.superRefine(checkComplete);

export const REVIEW_INCOMPLETE_MESSAGE = "Complete the review before you finish it.";
export const CALIBRATION_REASON_ERROR = `Give a reason of at least ${CALIBRATION_REASON_MIN} characters for changing the employee's level mix.`;

/** A manager's complete mix departs from the submitted self-assessment's, and the reason is too short. */
export function calibrationReasonMissing(selfMix: LevelMix | null, mix: LevelMix, reason: string) {
  return !!selfMix && needsCalibration(selfMix, mix) && reason.trim().length < CALIBRATION_REASON_MIN;
}

/**
 * What the server refuses to save, by field: a draft outside the fields' bounds (a task over its
 * length, a share that is no whole percent), or a submission that is also incomplete (shares not
 * adding up to 100, a rating missing). The browser runs it before sending; the server still checks.
 */
export function assessmentSaveErrors(values: AssessmentDraftValues, intent: "draft" | "submit") {
  const parsed = (intent === "draft" ? assessmentDraftSchema : assessmentSubmitSchema).safeParse(values);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

/**
 * What stops a manager's review from being saved as a review or finished, by field: the server's
 * rules (completeness, then the calibration reason), so the browser can show them before sending.
 */
export function reviewCompletionErrors(values: AssessmentDraftValues, selfMix: LevelMix | null, reason: string) {
  const incomplete = assessmentSaveErrors(values, "submit");
  if (Object.keys(incomplete).length > 0) return incomplete;
  return calibrationReasonMissing(selfMix, values.mix as LevelMix, reason)
    ? { calibrationReason: [CALIBRATION_REASON_ERROR] }
    : {};
}

/** A draft that passed the submit schema, with its nulls narrowed away and task text trimmed. */
export function toCompleteAssessment(values: AssessmentDraftValues): CompleteAssessment {
  const { mix, ratings } = values;
  if (SHARE_KEYS.some((k) => mix[k] === null) || CAPABILITIES.some((c) => ratings[c.key] === null)) {
    throw new Error("toCompleteAssessment needs values that passed assessmentSubmitSchema");
  }
  return {
    mix: mix as LevelMix,
    tasks: values.tasks.map((t) => ({ text: t.text.trim(), level: t.level!, aiUsed: t.aiUsed })),
    ratings: ratings as Record<CapabilityKey, number>,
    notes: values.notes,
  };
}

/** The form's envelope around the instrument: which assessment, at which version, to do what. */
const assessmentIntent = z.enum(["draft", "submit"], { error: "Choose Save draft or Submit." });
type AssessmentIntent = z.infer<typeof assessmentIntent>;

/**
 * The form's whole schema: the instrument's fields plus an envelope (which assessment, the version
 * the form loaded, draft or submit). Strict throughout, so any unknown field is refused.
 */
export function assessmentFormSchema<Envelope extends z.ZodRawShape>(envelope: Envelope) {
  return assessmentDraftSchema
    .extend({ intent: assessmentIntent, version: recordVersion, ...envelope })
    .superRefine((values, ctx) => {
      if ((values as { intent?: unknown }).intent === "submit")
        checkComplete(values as unknown as AssessmentDraftValues, ctx);
    });
}

/** The instrument's fields out of a parsed form. */
export function contentOf(values: AssessmentDraftValues): AssessmentDraftValues {
  return { mix: values.mix, tasks: values.tasks, ratings: values.ratings, notes: values.notes };
}

/** The form fields that carry JSON: the instrument's structured parts. */
const JSON_FORM_FIELDS = ["mix", "tasks", "ratings"] as const;

/**
 * Every field the browser sent, with the structured parts parsed from JSON. Nothing is dropped, so
 * the strict schema sees (and refuses) any field it does not know. Next's own action fields aside.
 */
export function readAssessmentFormData(formData: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if ((JSON_FORM_FIELDS as readonly string[]).includes(key) && typeof value === "string") {
      try {
        fields[key] = JSON.parse(value);
      } catch {
        fields[key] = value;
      }
    } else {
      fields[key] = typeof value === "string" ? value : "(file)";
    }
  }
  return fields;
}

/** What the form's action echoes back: the version and id to send next time. */
export type AssessmentFormEcho = {
  version: number;
  assessmentId: number | null;
  savedAt?: string;
  intent?: AssessmentIntent;
};
