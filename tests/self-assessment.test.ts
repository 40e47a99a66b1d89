import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mySelfAssessmentInOpenCycle, saveSelfAssessmentDraft, submitSelfAssessment } from "@/db/queries/assessments";
import { myClosedQuarters, myLatestTasks, teamTasksDoneWithAi } from "@/db/queries/my-history";
import { assessments, assessmentTasks, auditLog, people, reviewCycles, teamMemberships, teams } from "@/db/schema";
import { ActionError, ConflictError } from "@/lib/action-state";
import { type AssessmentDraftValues, emptyAssessmentValues } from "@/lib/assessment-schema";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { actorByEmail } from "./helpers/actors";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let openCycleId: number;
let closedCycleId: number;

/** An employee with no self-assessment in the open cycle yet. */
async function notStartedEmployee(): Promise<Actor> {
  const rows = await testDb.db
    .select({ email: people.email })
    .from(people)
    .innerJoin(teamMemberships, eq(teamMemberships.personId, people.id))
    .where(eq(people.appRole, "employee"));
  for (const { email } of rows) {
    const actor = await actorByEmail(email);
    const [row] = await testDb.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(
        and(eq(assessments.subjectId, actor.id), eq(assessments.cycleId, openCycleId), eq(assessments.kind, "self")),
      );
    if (!row) return actor;
  }
  throw new Error("no employee without a self-assessment in the open cycle");
}

const complete = (): AssessmentDraftValues => ({
  mix: { s1: 10, s2: 20, s3: 40, s4: 20, s5: 10 },
  tasks: [
    { text: "Recommend where to reallocate the opex budget", level: 3, aiUsed: false },
    { text: "Format the board pack", level: 1, aiUsed: true },
  ],
  ratings: { judgment: 4, communication: 3, stakeholders: 3, systemsThinking: 2, ownership: 4 },
  notes: "Took over the forecast review.",
});

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  const cycles = await testDb.db.select().from(reviewCycles);
  openCycleId = cycles.find((c) => c.status === "open")!.id;
  closedCycleId = cycles.find((c) => c.name === "2026 Q3")!.id;
});
afterAll(() => testDb.dispose());

describe("self-assessment: draft → submit → read-only", () => {
  it("starts a draft that keeps unbalanced shares and blank rows exactly as typed, then submits it", async () => {
    const actor = await notStartedEmployee();
    const before = await mySelfAssessmentInOpenCycle(actor);
    expect(before?.assessment).toBeNull();
    expect(before?.values).toEqual(emptyAssessmentValues());

    const draft: AssessmentDraftValues = {
      ...emptyAssessmentValues(),
      mix: { s1: 30, s2: 30, s3: 20, s4: 10, s5: 0 },
      tasks: [
        { text: "Compile the weekly cash report", level: null, aiUsed: false },
        { text: "", level: 3, aiUsed: true },
      ],
      ratings: { ...emptyAssessmentValues().ratings, judgment: 2 },
      notes: "half done",
    };
    const first = await saveSelfAssessmentDraft(actor, {
      cycleId: openCycleId,
      assessmentId: null,
      version: 0,
      values: draft,
    });
    expect(first.status).toBe("draft");
    expect(first.version).toBe(1);

    const reread = await mySelfAssessmentInOpenCycle(actor);
    expect(reread?.values).toEqual(draft);
    expect(reread?.assessment?.version).toBe(1);
    expect(reread?.editable).toBe(true);

    const second = await saveSelfAssessmentDraft(actor, {
      cycleId: openCycleId,
      assessmentId: first.assessmentId,
      version: 1,
      values: { ...draft, notes: "more" },
    });
    expect(second.version).toBe(2);

    const submitted = await submitSelfAssessment(actor, {
      cycleId: openCycleId,
      assessmentId: first.assessmentId,
      version: 2,
      values: complete(),
    });
    expect(submitted.status).toBe("submitted");
    expect(submitted.submittedAt).toBeInstanceOf(Date);

    const [row] = await testDb.db.select().from(assessments).where(eq(assessments.id, first.assessmentId));
    expect(row).toMatchObject({
      s1: 10,
      s2: 20,
      s3: 40,
      s4: 20,
      s5: 10,
      judgment: 4,
      systemsThinking: 2,
      draftValues: null,
      notes: "Took over the forecast review.",
    });
    const tasks = await testDb.db
      .select()
      .from(assessmentTasks)
      .where(eq(assessmentTasks.assessmentId, first.assessmentId));
    expect(tasks.map((t) => [t.position, t.level, t.aiUsed])).toEqual([
      [0, 3, false],
      [1, 1, true],
    ]);

    const after = await mySelfAssessmentInOpenCycle(actor);
    expect(after?.editable).toBe(false);
    expect(after?.values).toEqual(complete());

    // Read-only now: both a draft save and a second submission are refused, and nothing changes.
    await expect(
      saveSelfAssessmentDraft(actor, {
        cycleId: openCycleId,
        assessmentId: first.assessmentId,
        version: submitted.version,
        values: draft,
      }),
    ).rejects.toThrow(/read-only unless your manager returns it/);
    await expect(
      submitSelfAssessment(actor, {
        cycleId: openCycleId,
        assessmentId: first.assessmentId,
        version: submitted.version,
        values: complete(),
      }),
    ).rejects.toBeInstanceOf(ActionError);
    const [unchanged] = await testDb.db.select().from(assessments).where(eq(assessments.id, first.assessmentId));
    expect(unchanged!.version).toBe(submitted.version);

    const audit = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(first.assessmentId)));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "assessment.draft_saved",
      "assessment.draft_saved",
      "assessment.submitted",
    ]);
  });

  it("submits straight from not started, and a second 'not started' tab then conflicts", async () => {
    const actor = await notStartedEmployee();
    const result = await submitSelfAssessment(actor, {
      cycleId: openCycleId,
      assessmentId: null,
      version: 0,
      values: complete(),
    });
    expect(result.status).toBe("submitted");
    await expect(
      saveSelfAssessmentDraft(actor, {
        cycleId: openCycleId,
        assessmentId: null,
        version: 0,
        values: emptyAssessmentValues(),
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("reads a seeded draft back from its columns", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    const mine = await mySelfAssessmentInOpenCycle(maya);
    expect(mine?.assessment?.status).toBe("draft");
    expect(mine?.values.notes).toMatch(/variance commentary/);
    const { s1, s2, s3, s4, s5 } = mine!.values.mix;
    expect(s1! + s2! + s3! + s4! + s5!).toBe(100);
    expect(mine!.values.tasks.length).toBeGreaterThan(0);
  });
});

describe("returned for changes", () => {
  it("is editable again, keeps the submitted columns while the draft is edited, and resubmits", async () => {
    const actor = await notStartedEmployee();
    const first = await submitSelfAssessment(actor, {
      cycleId: openCycleId,
      assessmentId: null,
      version: 0,
      values: complete(),
    });
    await testDb.db
      .update(assessments)
      .set({ status: "returned", returnMessage: "Please add the forecast work.", version: first.version + 1 })
      .where(eq(assessments.id, first.assessmentId));
    const returned = await mySelfAssessmentInOpenCycle(actor);
    expect(returned?.editable).toBe(true);
    expect(returned?.assessment?.returnMessage).toBe("Please add the forecast work.");
    expect(returned?.values).toEqual(complete());

    const edited = { ...complete(), mix: { s1: 50, s2: 0, s3: 0, s4: 0, s5: 0 } };
    const draft = await saveSelfAssessmentDraft(actor, {
      cycleId: openCycleId,
      assessmentId: first.assessmentId,
      version: first.version + 1,
      values: edited,
    });
    expect(draft.status).toBe("returned");
    const [row] = await testDb.db.select().from(assessments).where(eq(assessments.id, first.assessmentId));
    expect(row!.s1).toBe(10);
    expect((await mySelfAssessmentInOpenCycle(actor))?.values.mix.s1).toBe(50);

    const again = await submitSelfAssessment(actor, {
      cycleId: openCycleId,
      assessmentId: first.assessmentId,
      version: draft.version,
      values: complete(),
    });
    expect(again.status).toBe("submitted");
    expect((await mySelfAssessmentInOpenCycle(actor))?.editable).toBe(false);
  });
});

describe("self-assessment refusals", () => {
  it("refuses incomplete or unbalanced submissions with field errors, and keeps the saved draft", async () => {
    const actor = await notStartedEmployee();
    const draft = { ...complete(), mix: { s1: 30, s2: 30, s3: 20, s4: 10, s5: 0 } };
    const saved = await saveSelfAssessmentDraft(actor, {
      cycleId: openCycleId,
      assessmentId: null,
      version: 0,
      values: draft,
    });
    const error = await submitSelfAssessment(actor, {
      cycleId: openCycleId,
      assessmentId: saved.assessmentId,
      version: saved.version,
      values: draft,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect(error.fieldErrors.mix).toEqual(["Your shares add up to 90%; 10% left to place."]);
    const reread = await mySelfAssessmentInOpenCycle(actor);
    expect(reread?.values).toEqual(draft);
    expect(reread?.assessment?.status).toBe("draft");
  });

  it("refuses a level outside 1–5, oversize text, unknown fields and too many tasks, even in a draft", async () => {
    const actor = await notStartedEmployee();
    const base = { cycleId: openCycleId, assessmentId: null, version: 0 };
    const bad: [unknown, string][] = [
      [{ ...complete(), tasks: [{ text: "x", level: 6, aiUsed: false }] }, "tasks.0.level"],
      [{ ...complete(), tasks: [{ text: "x".repeat(201), level: 1, aiUsed: false }] }, "tasks.0.text"],
      [{ ...complete(), notes: "n".repeat(4001) }, "notes"],
      [{ ...complete(), mix: { ...complete().mix, s1: 101 } }, "mix.s1"],
      [{ ...complete(), ratings: { ...complete().ratings, ownership: 0 } }, "ratings.ownership"],
      [{ ...complete(), tasks: Array.from({ length: 21 }, () => ({ text: "x", level: 1, aiUsed: false })) }, "tasks"],
      [{ ...complete(), status: "finalized" }, "_form"],
      [{ ...complete(), mix: { ...complete().mix, s6: 0 } }, "mix"],
    ];
    for (const [values, path] of bad) {
      for (const write of [saveSelfAssessmentDraft, submitSelfAssessment]) {
        const error = await write(actor, { ...base, values }).catch((e) => e);
        expect(error, path).toBeInstanceOf(ActionError);
        expect(Object.keys(error.fieldErrors ?? {}), path).toContain(path);
      }
    }
    const after = await mySelfAssessmentInOpenCycle(actor);
    expect(after?.assessment).toBeNull();
  });

  it("refuses a stale version: the second tab's save gets 'changed elsewhere — reload'", async () => {
    const actor = await notStartedEmployee();
    const first = await saveSelfAssessmentDraft(actor, {
      cycleId: openCycleId,
      assessmentId: null,
      version: 0,
      values: emptyAssessmentValues(),
    });
    const tabA = { cycleId: openCycleId, assessmentId: first.assessmentId, version: first.version };
    const tabB = { ...tabA };
    await saveSelfAssessmentDraft(actor, { ...tabA, values: { ...emptyAssessmentValues(), notes: "from tab A" } });
    const conflict = await saveSelfAssessmentDraft(actor, {
      ...tabB,
      values: { ...emptyAssessmentValues(), notes: "from tab B" },
    }).catch((e) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.message).toMatch(/changed elsewhere .* reload/);
    await expect(submitSelfAssessment(actor, { ...tabB, values: complete() })).rejects.toBeInstanceOf(ConflictError);
    const reread = await mySelfAssessmentInOpenCycle(actor);
    expect(reread?.values.notes).toBe("from tab A");
  });

  it("refuses writes to a closed cycle", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    const [closedOwn] = await testDb.db
      .select()
      .from(assessments)
      .where(
        and(eq(assessments.subjectId, maya.id), eq(assessments.cycleId, closedCycleId), eq(assessments.kind, "self")),
      );
    const editable = { cycleId: closedCycleId, assessmentId: closedOwn!.id, version: closedOwn!.version };
    await expect(saveSelfAssessmentDraft(maya, { ...editable, values: complete() })).rejects.toThrow(
      /2026 Q3 review cycle is closed/,
    );
    await expect(submitSelfAssessment(maya, { ...editable, values: complete() })).rejects.toThrow(/closed/);
    const fresh = await notStartedEmployee();
    await expect(
      saveSelfAssessmentDraft(fresh, { cycleId: closedCycleId, assessmentId: null, version: 0, values: complete() }),
    ).rejects.toThrow(/closed/);
    const [unchanged] = await testDb.db.select().from(assessments).where(eq(assessments.id, closedOwn!.id));
    expect(unchanged!.version).toBe(closedOwn!.version);
  });

  it("refuses another person's assessment id, and a manager's review of yourself", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    const mayaOpen = await mySelfAssessmentInOpenCycle(maya);
    const other = await actorByEmail("tomas.herrera@northwind.example").catch(() => null);
    const intruder = other ?? (await notStartedEmployee());
    const forged = {
      cycleId: openCycleId,
      assessmentId: mayaOpen!.assessment!.id,
      version: mayaOpen!.assessment!.version,
    };
    await expect(saveSelfAssessmentDraft(intruder, { ...forged, values: complete() })).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    await expect(submitSelfAssessment(intruder, { ...forged, values: complete() })).rejects.toBeInstanceOf(
      AccessDeniedError,
    );

    const [managerSide] = await testDb.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.cycleId, openCycleId), eq(assessments.kind, "manager")))
      .limit(1);
    const subject = await testDb.db.select().from(people).where(eq(people.id, managerSide!.subjectId));
    const subjectActor: Actor = {
      id: subject[0]!.id,
      name: subject[0]!.name,
      email: subject[0]!.email,
      role: "employee",
    };
    await expect(
      saveSelfAssessmentDraft(subjectActor, {
        cycleId: openCycleId,
        assessmentId: managerSide!.id,
        version: managerSide!.version,
        values: complete(),
      }),
    ).rejects.toBeInstanceOf(AccessDeniedError);

    const leader = await actorByEmail("priya.raman@northwind.example");
    await expect(saveSelfAssessmentDraft(leader, { ...forged, values: complete() })).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    const after = await mySelfAssessmentInOpenCycle(maya);
    expect(after?.assessment?.version).toBe(mayaOpen!.assessment!.version);
  });
});

describe("my history", () => {
  it("lists each closed quarter with the manager's figures only from a finalized review", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    const before = await myClosedQuarters(maya);
    expect(before.map((q) => q.cycleName)).toEqual([
      "2025 Q1",
      "2025 Q2",
      "2025 Q3",
      "2025 Q4",
      "2026 Q1",
      "2026 Q2",
      "2026 Q3",
    ]);
    expect(before.every((q) => q.self && q.manager)).toBe(true);

    // Put the 2026 Q3 review back to "submitted" (reopening the cycle to do so): it must disappear.
    await testDb.db.update(reviewCycles).set({ status: "open" }).where(eq(reviewCycles.id, closedCycleId));
    await testDb.db
      .update(assessments)
      .set({ status: "submitted", finalizedAt: null })
      .where(
        and(
          eq(assessments.subjectId, maya.id),
          eq(assessments.cycleId, closedCycleId),
          eq(assessments.kind, "manager"),
        ),
      );
    await testDb.db.update(reviewCycles).set({ status: "closed" }).where(eq(reviewCycles.id, closedCycleId));
    const after = await myClosedQuarters(maya);
    const q3 = after.find((q) => q.cycleName === "2026 Q3")!;
    expect(q3.manager).toBeNull();
    expect(q3.self?.mix).toEqual(before.find((q) => q.cycleName === "2026 Q3")!.self!.mix);
  });

  it("matches against colleagues' AI-used tasks in the same team, never your own", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    const { teamName, tasks } = await teamTasksDoneWithAi(maya);
    expect(teamName).toBe("FP&A");
    expect(tasks.length).toBeGreaterThan(0);
    const [fpa] = await testDb.db.select().from(teams).where(eq(teams.name, "FP&A"));
    const allTasks = await testDb.db
      .select({
        text: assessmentTasks.text,
        aiUsed: assessmentTasks.aiUsed,
        teamId: assessments.teamId,
        subjectId: assessments.subjectId,
        kind: assessments.kind,
        status: assessments.status,
      })
      .from(assessmentTasks)
      .innerJoin(assessments, eq(assessments.id, assessmentTasks.assessmentId));
    for (const task of tasks) {
      const sources = allTasks.filter(
        (t) =>
          t.text === task.text &&
          t.aiUsed &&
          t.teamId === fpa!.id &&
          t.subjectId !== maya.id &&
          t.kind === "self" &&
          t.status !== "draft",
      );
      expect(sources.length, task.text).toBeGreaterThan(0);
      expect(task.colleagues).toBe(new Set(sources.map((s) => s.subjectId)).size);
    }
    const latest = await myLatestTasks(maya);
    expect(latest.cycleName).toBe("2026 Q4");
    expect(latest.tasks.length).toBeGreaterThan(0);
  });

  it("is everyone's, leaders included: a leader in no team has their own (empty) history and nobody to review them", async () => {
    const leader = await actorByEmail("priya.raman@northwind.example");
    await expect(myClosedQuarters(leader)).resolves.toEqual([]);
    const mine = await mySelfAssessmentInOpenCycle(leader);
    expect(mine).toMatchObject({ assessment: null, editable: true, manager: null });
  });
});

describe("self-assessment: the audit entry stands or falls with the save", () => {
  it("leaves nothing when the audit entry cannot be written", async () => {
    const actor = await notStartedEmployee();
    await testDb.db.execute(sql`
      create function refuse_self_assessment_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit log unavailable'; end $$`);
    await testDb.db.execute(sql`
      create trigger refuse_self_assessment_audit before insert on audit_log for each row
      when (new.action in ('assessment.draft_saved', 'assessment.submitted'))
      execute function refuse_self_assessment_audit()`);
    try {
      const write = { cycleId: openCycleId, assessmentId: null, version: 0 };
      await expect(saveSelfAssessmentDraft(actor, { ...write, values: complete() })).rejects.toThrow();
      await expect(submitSelfAssessment(actor, { ...write, values: complete() })).rejects.toThrow();
    } finally {
      await testDb.db.execute(sql`drop trigger refuse_self_assessment_audit on audit_log`);
      await testDb.db.execute(sql`drop function refuse_self_assessment_audit()`);
    }
    const rows = await testDb.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.subjectId, actor.id), eq(assessments.cycleId, openCycleId)));
    expect(rows).toEqual([]);

    const saved = await submitSelfAssessment(actor, {
      cycleId: openCycleId,
      assessmentId: null,
      version: 0,
      values: complete(),
    });
    const entries = await testDb.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "assessment"), eq(auditLog.targetId, String(saved.assessmentId))));
    expect(entries).toEqual([{ action: "assessment.submitted" }]);
  });
});
