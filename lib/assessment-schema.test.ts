import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/action-state";
import {
  type AssessmentDraftValues,
  assessmentDraftSchema,
  assessmentFormSchema,
  assessmentSaveErrors,
  assessmentSubmitSchema,
  contentOf,
  emptyAssessmentValues,
  readAssessmentFormData,
  reviewCompletionErrors,
  shareTotalMessage,
  toCompleteAssessment,
} from "@/lib/assessment-schema";

const complete = (): AssessmentDraftValues => ({
  mix: { s1: 10, s2: 20, s3: 40, s4: 20, s5: 10 },
  tasks: [{ text: "  Recommend a supplier  ", level: 3, aiUsed: false }],
  ratings: { judgment: 4, communication: 3, stakeholders: 3, systemsThinking: 2, ownership: 5 },
  notes: "",
});

function errorsOf(schema: typeof assessmentDraftSchema | typeof assessmentSubmitSchema, values: unknown) {
  const result = schema.safeParse(values);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("draft schema", () => {
  it("accepts an empty draft and a partial one with unbalanced shares", () => {
    expect(assessmentDraftSchema.safeParse(emptyAssessmentValues()).success).toBe(true);
    const partial = {
      ...emptyAssessmentValues(),
      mix: { s1: 30, s2: 30, s3: 20, s4: 10, s5: null },
      tasks: [{ text: "", level: null, aiUsed: true }],
    };
    expect(assessmentDraftSchema.parse(partial)).toEqual(partial);
  });

  it("refuses values out of bounds at their own path", () => {
    const values = {
      ...complete(),
      mix: { s1: 10.5, s2: -1, s3: 101, s4: 20, s5: 10 },
      tasks: [
        { text: "x".repeat(201), level: 0, aiUsed: false },
        { text: "ok", level: 6, aiUsed: "yes" },
      ],
      ratings: { ...complete().ratings, judgment: 6, ownership: 2.5 },
      notes: "n".repeat(4001),
    };
    const errors = errorsOf(assessmentDraftSchema, values);
    expect(errors["mix.s1"]).toEqual(["Use a whole percent from 0 to 100."]);
    expect(errors["mix.s2"]).toBeDefined();
    expect(errors["mix.s3"]).toBeDefined();
    expect(errors["tasks.0.text"]).toEqual(["Keep the task to 200 characters (now 201)."]);
    expect(errors["tasks.0.level"]).toEqual(["Choose a level from 1 to 5."]);
    expect(errors["tasks.1.level"]).toBeDefined();
    expect(errors["tasks.1.aiUsed"]).toBeDefined();
    expect(errors["ratings.judgment"]).toEqual(["Choose a rating from 1 to 5."]);
    expect(errors["ratings.ownership"]).toBeDefined();
    expect(errors.notes).toEqual(["Keep notes to 4,000 characters (now 4,001)."]);
  });

  it("accepts text at exactly the limits", () => {
    const values = {
      ...complete(),
      tasks: [{ text: "x".repeat(200), level: 1, aiUsed: false }],
      notes: "n".repeat(4000),
    };
    expect(assessmentSubmitSchema.safeParse(values).success).toBe(true);
  });

  it("refuses unknown fields anywhere", () => {
    expect(errorsOf(assessmentDraftSchema, { ...complete(), status: "submitted" })._form).toBeDefined();
    expect(errorsOf(assessmentDraftSchema, { ...complete(), mix: { ...complete().mix, s6: 0 } }).mix).toBeDefined();
    expect(
      errorsOf(assessmentDraftSchema, { ...complete(), tasks: [{ text: "a", level: 1, aiUsed: false, id: 4 }] })[
        "tasks.0"
      ],
    ).toBeDefined();
    expect(
      errorsOf(assessmentDraftSchema, { ...complete(), ratings: { ...complete().ratings, charm: 5 } }).ratings,
    ).toBeDefined();
  });

  it("refuses more than 20 tasks and missing fields", () => {
    const tasks = Array.from({ length: 21 }, () => ({ text: "a", level: 1, aiUsed: false }));
    expect(errorsOf(assessmentDraftSchema, { ...complete(), tasks }).tasks).toEqual(["Keep to 20 tasks at most."]);
    const { notes: _notes, ...withoutNotes } = complete();
    expect(errorsOf(assessmentDraftSchema, withoutNotes).notes).toBeDefined();
  });
});

describe("submit schema", () => {
  it("accepts a complete assessment and trims task text", () => {
    const parsed = assessmentSubmitSchema.parse(complete());
    expect(toCompleteAssessment(parsed).tasks[0]!.text).toBe("Recommend a supplier");
  });

  it("says how far the shares are from 100", () => {
    expect(
      errorsOf(assessmentSubmitSchema, { ...complete(), mix: { s1: 30, s2: 30, s3: 20, s4: 10, s5: 0 } }).mix,
    ).toEqual(["Your shares add up to 90%; 10% left to place."]);
    expect(
      errorsOf(assessmentSubmitSchema, { ...complete(), mix: { s1: 30, s2: 30, s3: 30, s4: 10, s5: 10 } }).mix,
    ).toEqual(["Your shares add up to 110%; take 10% away."]);
    expect(shareTotalMessage(100)).toBeNull();
  });

  it("needs every share, 1–20 described and levelled tasks, and all five ratings", () => {
    const errors = errorsOf(assessmentSubmitSchema, emptyAssessmentValues());
    expect(errors["mix.s1"]).toEqual(["Enter a share for Task Execution (0 if none)."]);
    expect(errors["mix.s5"]).toBeDefined();
    expect(errors.mix).toBeUndefined();
    expect(errors.tasks).toEqual(["Add at least one representative task."]);
    expect(errors["ratings.systemsThinking"]).toEqual(["Rate system-level thinking from 1 to 5."]);
    const blankTask = errorsOf(assessmentSubmitSchema, {
      ...complete(),
      tasks: [{ text: "   ", level: null, aiUsed: false }],
    });
    expect(blankTask["tasks.0.text"]).toEqual(["Describe the task, or remove this row."]);
    expect(blankTask["tasks.0.level"]).toEqual(["Choose a level for this task."]);
  });

  it("refuses the same out-of-bounds values as a draft", () => {
    expect(
      errorsOf(assessmentSubmitSchema, { ...complete(), mix: { s1: 0, s2: 0, s3: 0, s4: 0, s5: 100.0001 } })["mix.s5"],
    ).toBeDefined();
    expect(errorsOf(assessmentSubmitSchema, { ...complete(), extra: true })._form).toBeDefined();
  });
});

describe("the form's envelope and FormData", () => {
  // The employee's form: the same shape app/(app)/me/actions.ts parses.
  const schema = assessmentFormSchema({
    cycleId: z.coerce.number().int().positive(),
    assessmentId: z.union([z.literal("").transform(() => null), z.coerce.number().int().positive()]),
  });
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };
  const valid = () => ({
    intent: "submit",
    version: "3",
    cycleId: "8",
    assessmentId: "",
    mix: JSON.stringify(complete().mix),
    tasks: JSON.stringify(complete().tasks),
    ratings: JSON.stringify(complete().ratings),
    notes: "",
  });

  it("reads the structured fields from JSON and parses a genuine submission", () => {
    const parsed = schema.parse(readAssessmentFormData(form(valid())));
    expect(parsed).toMatchObject({ intent: "submit", version: 3, cycleId: 8, assessmentId: null, mix: complete().mix });
    expect(contentOf(parsed)).toEqual(complete());
  });

  it("refuses forged fields, ids, intents and broken JSON", () => {
    const refused = (fields: Record<string, string>) => errorsOf(schema as never, readAssessmentFormData(form(fields)));
    expect(refused({ ...valid(), subjectId: "12" })._form).toEqual(['Unrecognized key: "subjectId"']);
    expect(refused({ ...valid(), assessmentId: "abc" }).assessmentId).toBeDefined();
    expect(refused({ ...valid(), intent: "finalize" }).intent).toEqual(["Choose Save draft or Submit."]);
    expect(refused({ ...valid(), version: "-1" }).version).toBeDefined();
    expect(refused({ ...valid(), mix: "{not json" }).mix).toBeDefined();
    expect(
      refused({ ...valid(), tasks: JSON.stringify([{ text: "x", level: 9, aiUsed: false }]) })["tasks.0.level"],
    ).toBeDefined();
  });

  it("checks completeness only when submitting", () => {
    const unbalanced = { ...valid(), mix: JSON.stringify({ s1: 30, s2: 30, s3: 20, s4: 10, s5: 0 }) };
    expect(schema.safeParse(readAssessmentFormData(form({ ...unbalanced, intent: "draft" }))).success).toBe(true);
    expect(errorsOf(schema as never, readAssessmentFormData(form(unbalanced))).mix).toEqual([
      "Your shares add up to 90%; 10% left to place.",
    ]);
  });
});

describe("what stops a manager's review from being finished (checked in the browser before Finalize)", () => {
  const selfMix = { s1: 10, s2: 20, s3: 40, s4: 20, s5: 10 };
  const farMix = { s1: 60, s2: 20, s3: 10, s4: 10, s5: 0 };

  it("names each missing answer at its field, as the server does", () => {
    const values = { ...complete(), ratings: { ...complete().ratings, judgment: null } };
    expect(reviewCompletionErrors(values, selfMix, "")).toEqual(errorsOf(assessmentSubmitSchema, values));
    expect(reviewCompletionErrors(values, selfMix, "")["ratings.judgment"]).toEqual([
      "Rate contextual judgment from 1 to 5.",
    ]);
  });

  it("asks for a reason of at least ten characters only when the mix departs from the self-assessment's", () => {
    expect(reviewCompletionErrors(complete(), selfMix, "")).toEqual({});
    const far = { ...complete(), mix: farMix };
    expect(reviewCompletionErrors(far, selfMix, "  too high ").calibrationReason?.[0]).toMatch(
      /at least 10 characters/,
    );
    expect(reviewCompletionErrors(far, selfMix, "Most of it was compiling actuals.")).toEqual({});
    expect(reviewCompletionErrors(far, null, "")).toEqual({});
  });
});

describe("what a save would be refused for (checked in the browser before Save draft and Save review)", () => {
  it("refuses a draft only outside the fields' bounds, a submission also when incomplete", () => {
    const unbalanced = { ...complete(), mix: { s1: 50, s2: 20, s3: 10, s4: 10, s5: 0 } };
    expect(assessmentSaveErrors(unbalanced, "draft")).toEqual({});
    expect(assessmentSaveErrors(unbalanced, "submit")).toEqual({
      mix: ["Your shares add up to 90%; 10% left to place."],
    });
    const long = { ...complete(), tasks: [{ text: "x".repeat(201), level: 3, aiUsed: false }] };
    expect(assessmentSaveErrors(long, "draft")).toEqual({
      "tasks.0.text": ["Keep the task to 200 characters (now 201)."],
    });
    expect(assessmentSaveErrors(long, "submit")).toEqual(assessmentSaveErrors(long, "draft"));
    expect(assessmentSaveErrors(complete(), "submit")).toEqual({});
  });
});
