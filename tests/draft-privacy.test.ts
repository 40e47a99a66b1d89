import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveSelfAssessmentDraft, submitSelfAssessment } from "@/db/queries/assessments";
import { getReview, returnForChanges } from "@/db/queries/reviews";
import type { Actor } from "@/lib/authz";
import { completeValues, demoSeason } from "./helpers/demo";
import { driverUnderTest } from "./helpers/test-db";

let demo: Awaited<ReturnType<typeof demoSeason>>;
let daniel: Actor;
let cycleId: number;
let fpaId: number;

beforeAll(async () => {
  demo = await demoSeason();
  ({ daniel, cycleId, fpaId } = demo);
});
afterAll(() => demo.testDb.dispose());

describe(`a returned self-assessment's new draft (${driverUnderTest})`, () => {
  it("stays the employee's own: the manager sees the last submitted version until it is resubmitted", async () => {
    const ines = await demo.addMember("Ines Draft", fpaId);
    const submitted = completeValues({
      task: "Reconcile the monthly forecast",
      notes: "As submitted.",
      mix: [10, 20, 40, 20, 10],
    });
    const first = await submitSelfAssessment(ines, { cycleId, assessmentId: null, version: 0, values: submitted });
    const returned = await returnForChanges(daniel, {
      personId: ines.id,
      expectedSelfVersion: first.version,
      message: "Add the treasury work, please.",
    });
    const draft = completeValues({
      task: "Private unsent draft task",
      notes: "Not for my manager yet.",
      mix: [50, 50, 0, 0, 0],
    });
    await saveSelfAssessmentDraft(ines, {
      cycleId,
      assessmentId: first.assessmentId,
      version: returned.version,
      values: draft,
    });

    const review = await getReview(daniel, ines.id);
    expect(review.self?.status).toBe("returned");
    expect(review.self?.values?.tasks.map((t) => t.text)).toEqual(["Reconcile the monthly forecast"]);
    expect(review.self?.values?.notes).toBe("As submitted.");
    expect(review.self?.mix).toEqual({ s1: 10, s2: 20, s3: 40, s4: 20, s5: 10 });
    expect(JSON.stringify(review)).not.toContain("Private unsent draft task");
    expect(JSON.stringify(review)).not.toContain("Not for my manager yet.");

    const resubmitted = completeValues({ task: "Now with treasury work", notes: "Resubmitted." });
    const latest = await saveSelfAssessmentDraft(ines, {
      cycleId,
      assessmentId: first.assessmentId,
      version: returned.version + 1,
      values: draft,
    });
    await submitSelfAssessment(ines, {
      cycleId,
      assessmentId: first.assessmentId,
      version: latest.version,
      values: resubmitted,
    });
    const after = await getReview(daniel, ines.id);
    expect(after.self?.values?.tasks.map((t) => t.text)).toEqual(["Now with treasury work"]);
  });

  it("a never-submitted draft shows nothing to the manager", async () => {
    const otto = await demo.addMember("Otto Draft", fpaId);
    await saveSelfAssessmentDraft(otto, {
      cycleId,
      assessmentId: null,
      version: 0,
      values: completeValues({ task: "Secret first draft" }),
    });
    const review = await getReview(daniel, otto.id);
    expect(review.self?.status).toBe("draft");
    expect(review.self?.values).toBeNull();
    expect(review.self?.mix).toBeNull();
    expect(JSON.stringify(review)).not.toContain("Secret first draft");
  });
});
