import { and, desc, eq, isNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveSelfAssessmentDraft } from "@/db/queries/assessments";
import { myClosedQuarters } from "@/db/queries/my-history";
import {
  getReview,
  type ManagerReviewInput,
  returnForChanges,
  reviewBoard,
  saveManagerReview,
} from "@/db/queries/reviews";
import {
  assessments,
  auditLog,
  calibrationRecords,
  departments,
  people,
  reviewCycles,
  teamMemberships,
  teams,
} from "@/db/schema";
import { ActionError, ConflictError } from "@/lib/action-state";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { attentionReasons, type LevelMix } from "@/lib/ladder";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let daniel: Actor;
let tomas: Actor;
let grace: Actor;
let maya: Actor;
let openCycleId: number;
let fpaId: number;

async function actorByName(name: string): Promise<Actor> {
  const [p] = await testDb.db.select().from(people).where(eq(people.name, name));
  if (!p) throw new Error(`no ${name}`);
  return { id: p.id, name: p.name, email: p.email, role: p.appRole };
}

async function selfOf(personId: number) {
  const [row] = await testDb.db
    .select()
    .from(assessments)
    .where(
      and(eq(assessments.subjectId, personId), eq(assessments.cycleId, openCycleId), eq(assessments.kind, "self")),
    );
  return row ?? null;
}

async function managerOf(personId: number) {
  const [row] = await testDb.db
    .select()
    .from(assessments)
    .where(
      and(eq(assessments.subjectId, personId), eq(assessments.cycleId, openCycleId), eq(assessments.kind, "manager")),
    );
  return row ?? null;
}

/**
 * The open cycle as the employee's history page will show it once the cycle closes: closed for
 * the read, then reopened for the tests that follow.
 */
async function historyOnceClosed(actor: Actor) {
  await testDb.db.update(reviewCycles).set({ status: "closed" }).where(eq(reviewCycles.id, openCycleId));
  try {
    return (await myClosedQuarters(actor)).find((q) => q.cycleId === openCycleId) ?? null;
  } finally {
    await testDb.db.update(reviewCycles).set({ status: "open" }).where(eq(reviewCycles.id, openCycleId));
  }
}

const mixFrom = (row: {
  s1: number | null;
  s2: number | null;
  s3: number | null;
  s4: number | null;
  s5: number | null;
}) => ({ s1: row.s1!, s2: row.s2!, s3: row.s3!, s4: row.s4!, s5: row.s5! }) as LevelMix;

type ReviewOverrides = {
  version?: number;
  mix?: LevelMix | { s1: null; s2: null; s3: null; s4: null; s5: null } | null;
  ratings?: Record<string, number | null>;
  tasks?: { text: string; level: number | null; aiUsed: boolean }[];
  notes?: string;
  calibrationReason?: string;
};

const complete = (personId: number, over: ReviewOverrides = {}): ManagerReviewInput => ({
  personId,
  version: over.version ?? 0,
  values: {
    mix:
      over.mix ??
      (over.mix === null
        ? { s1: null, s2: null, s3: null, s4: null, s5: null }
        : { s1: 5, s2: 15, s3: 40, s4: 30, s5: 10 }),
    ratings: over.ratings ?? { judgment: 4, communication: 3, stakeholders: 4, systemsThinking: 3, ownership: 4 },
    tasks: over.tasks ?? [{ text: "Advise department heads on their forecast assumptions", level: 3, aiUsed: false }],
    notes: over.notes ?? "Owns the forecast for two departments now.",
  },
  calibrationReason: over.calibrationReason ?? "",
});

/** A person with fresh membership of a team, for cases the demo data does not hold. */
async function addMember(name: string, teamId: number) {
  const [person] = await testDb.db
    .insert(people)
    .values({
      name,
      email: `${name.toLowerCase().replaceAll(" ", ".")}@northwind.example`,
      passwordHash: "x".repeat(60),
    })
    .returning();
  await testDb.db.insert(teamMemberships).values({ teamId, personId: person!.id, startedOn: "2026-01-01" });
  return { id: person!.id, name: person!.name, email: person!.email, role: person!.appRole } as Actor;
}

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  daniel = await actorByName("Daniel Okafor");
  tomas = await actorByName("Tomás Herrera");
  grace = await actorByName("Grace Liu");
  maya = await actorByName("Maya Chen");
  const [open] = await testDb.db.select().from(reviewCycles).where(eq(reviewCycles.status, "open"));
  openCycleId = open!.id;
  const [fpa] = await testDb.db.select().from(teams).where(eq(teams.name, "FP&A"));
  fpaId = fpa!.id;
});
afterAll(() => testDb.dispose());

describe("the review board", () => {
  it("lists every current member of the manager's team with their self and manager status", async () => {
    const board = await reviewBoard(daniel);
    expect(board.cycle?.name).toBe("2026 Q4");
    expect(board.previousCycleName).toBe("2026 Q3");
    const members = await testDb.db
      .select({ personId: teamMemberships.personId })
      .from(teamMemberships)
      .where(and(eq(teamMemberships.teamId, fpaId), isNull(teamMemberships.endedOn)));
    expect(board.rows.map((r) => r.personId).sort()).toEqual(members.map((m) => m.personId).sort());
    const tomasRow = board.rows.find((r) => r.personId === tomas.id)!;
    expect(tomasRow.selfStatus).toBe("submitted");
    expect(tomasRow.selfMix).toEqual(mixFrom((await selfOf(tomas.id))!));
    expect(tomasRow.previousMix).not.toBeNull();
    expect(tomasRow.role).toBeTruthy();
  });

  it("never shows the content of a self-assessment still in draft, and flags it", async () => {
    const board = await reviewBoard(daniel);
    const mayaRow = board.rows.find((r) => r.personId === maya.id)!;
    expect(mayaRow.selfStatus).toBe("draft");
    expect((await selfOf(maya.id))!.s1).not.toBeNull();
    expect(mayaRow.selfMix).toBeNull();
    expect(attentionReasons(mayaRow)).toContain("no_self_assessment");
  });
});

describe("reviewing one person", () => {
  it("shows a submitted self-assessment in full, and a draft one only as a status", async () => {
    const review = await getReview(daniel, tomas.id);
    expect(review.self?.status).toBe("submitted");
    expect(review.self?.mix).toEqual(mixFrom((await selfOf(tomas.id))!));
    expect(review.self?.values?.tasks.length).toBeGreaterThan(0);
    expect(review.history.length).toBe(7);
    expect(review.role?.target).not.toBeNull();
    const draft = await getReview(daniel, maya.id);
    expect(draft.self?.status).toBe("draft");
    expect(draft.self?.mix).toBeNull();
    expect(draft.self?.values).toBeNull();
  });

  it("requires a reason of at least 10 characters when the manager's mix departs from the employee's, and records it", async () => {
    const selfMix = mixFrom((await selfOf(tomas.id))!);
    // Move 20 points from the employee's top level down to level 1.
    const top = (["s5", "s4", "s3", "s2"] as const).find((k) => selfMix[k] >= 20)!;
    const managerMix = { ...selfMix, [top]: selfMix[top] - 20, s1: selfMix.s1 + 20 };
    const draft = await saveManagerReview(daniel, complete(tomas.id, { mix: managerMix }), "draft");
    expect(draft).toMatchObject({ version: 1, status: "draft", calibrated: false });
    // A draft is not a review: no reason needed yet, nothing recorded.
    expect(
      await testDb.db.select().from(calibrationRecords).where(eq(calibrationRecords.assessmentId, draft.assessmentId)),
    ).toEqual([]);

    const noReason = await saveManagerReview(
      daniel,
      complete(tomas.id, { mix: managerMix, version: 1 }),
      "review",
    ).catch((e: unknown) => e);
    expect(noReason).toBeInstanceOf(ActionError);
    expect((noReason as ActionError).fieldErrors?.calibrationReason?.[0]).toMatch(/at least 10 characters/);
    const short = await saveManagerReview(
      daniel,
      complete(tomas.id, { mix: managerMix, version: 1, calibrationReason: "too high " }),
      "review",
    ).catch((e: unknown) => e);
    expect(short).toBeInstanceOf(ActionError);
    expect((await managerOf(tomas.id))!.status).toBe("draft");

    const reason = "Most of the forecast work this quarter was compiling actuals by hand.";
    const reviewed = await saveManagerReview(
      daniel,
      complete(tomas.id, { mix: managerMix, version: 1, calibrationReason: reason }),
      "review",
    );
    expect(reviewed).toMatchObject({ version: 2, status: "submitted", calibrated: true });
    const records = await testDb.db
      .select()
      .from(calibrationRecords)
      .where(eq(calibrationRecords.assessmentId, reviewed.assessmentId));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      changedById: daniel.id,
      field: "level_mix",
      fromValue: selfMix,
      toValue: managerMix,
      reason,
    });
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "assessment.calibrated"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toMatchObject({ actorId: daniel.id, targetId: String(reviewed.assessmentId) });
    expect((await getReview(daniel, tomas.id)).calibrations).toHaveLength(1);

    // Saving the same calibration again does not add a second record.
    await saveManagerReview(
      daniel,
      complete(tomas.id, { mix: managerMix, version: 2, calibrationReason: reason }),
      "review",
    );
    expect(
      await testDb.db
        .select()
        .from(calibrationRecords)
        .where(eq(calibrationRecords.assessmentId, reviewed.assessmentId)),
    ).toHaveLength(1);
  });

  it("needs no reason when the manager's mix stays within 10 points of the employee's", async () => {
    const selfMix = mixFrom((await selfOf(grace.id))!);
    const result = await saveManagerReview(daniel, complete(grace.id, { mix: selfMix }), "review");
    expect(result).toMatchObject({ status: "submitted", calibrated: false });
  });

  it("the employee never sees the manager's review before it is finalized", async () => {
    expect((await managerOf(tomas.id))!.status).toBe("submitted");
    const open = await historyOnceClosed(tomas);
    expect(open?.self?.mix).toEqual(mixFrom((await selfOf(tomas.id))!));
    expect(open!.manager).toBeNull();
  });

  it("a second tab saving over a newer version is told, and nothing is overwritten", async () => {
    const before = (await managerOf(tomas.id))!;
    const firstTab = complete(tomas.id, { mix: mixFrom(before), version: before.version, notes: "first tab" });
    const secondTab = complete(tomas.id, { mix: mixFrom(before), version: before.version, notes: "second tab" });
    await saveManagerReview(daniel, firstTab, "draft");
    await expect(saveManagerReview(daniel, secondTab, "draft")).rejects.toBeInstanceOf(ConflictError);
    expect((await getReview(daniel, tomas.id)).manager?.values?.notes).toBe("first tab");
  });

  it("finalizing locks the pair: the final figures are the manager's, and a second finalize is refused", async () => {
    const current = (await managerOf(tomas.id))!;
    const reason = "Most of the forecast work this quarter was compiling actuals by hand.";
    const input = complete(tomas.id, { mix: mixFrom(current), version: current.version, calibrationReason: reason });
    const finalized = await saveManagerReview(daniel, input, "finalize");
    expect(finalized.status).toBe("finalized");
    const manager = (await managerOf(tomas.id))!;
    const self = (await selfOf(tomas.id))!;
    expect(manager.finalizedAt).not.toBeNull();
    expect(self.status).toBe("finalized");
    const open = await historyOnceClosed(tomas);
    expect(open?.manager?.mix).toEqual(mixFrom(manager));
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "assessment.finalized"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toMatchObject({ actorId: daniel.id, targetId: String(manager.id) });

    // The other tab, still on the version before finalizing.
    await expect(saveManagerReview(daniel, input, "finalize")).rejects.toBeInstanceOf(ConflictError);
    // Even with the current version: a finalized review is locked.
    await expect(saveManagerReview(daniel, { ...input, version: manager.version }, "draft")).rejects.toThrow(
      /already finalized/,
    );
    await expect(
      returnForChanges(daniel, { personId: tomas.id, expectedSelfVersion: self.version, message: "Please redo" }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("reviews and finalizes someone who has not written a self-assessment, with no calibration needed", async () => {
    const newcomer = await addMember("Noor Newcomer", fpaId);
    const review = await getReview(daniel, newcomer.id);
    expect(review.self).toBeNull();
    expect(review.history).toEqual([]);
    const saved = await saveManagerReview(daniel, complete(newcomer.id), "finalize");
    expect(saved).toMatchObject({ status: "finalized", calibrated: false });
    expect(await selfOf(newcomer.id)).toBeNull();
    expect((await managerOf(newcomer.id))!.teamId).toBe(fpaId);
    // The pair is locked: the employee can no longer start a self-assessment for this cycle.
    const late = saveSelfAssessmentDraft(newcomer, {
      cycleId: openCycleId,
      assessmentId: null,
      version: 0,
      values: complete(newcomer.id).values,
    });
    await expect(late).rejects.toThrow(/finalized your review/);
    expect(await selfOf(newcomer.id)).toBeNull();
  });

  it("refuses to finish an incomplete review, saying what is missing, and keeps an unbalanced draft exactly as typed", async () => {
    const newcomer = await addMember("Ines Incomplete", fpaId);
    const error = await saveManagerReview(
      daniel,
      complete(newcomer.id, {
        mix: null,
        ratings: { judgment: 4, communication: null, stakeholders: 4, systemsThinking: 3, ownership: 4 },
        tasks: [],
      }),
      "review",
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    const keys = Object.keys((error as ActionError).fieldErrors ?? {});
    expect(keys).toEqual(expect.arrayContaining(["mix.s1", "ratings.communication", "tasks"]));
    expect(await managerOf(newcomer.id)).toBeNull();

    const unbalanced = { s1: 10, s2: 20, s3: 30, s4: 5, s5: 0 };
    const draft = await saveManagerReview(
      daniel,
      complete(newcomer.id, { mix: unbalanced, tasks: [{ text: "Half-written", level: null, aiUsed: true }] }),
      "draft",
    );
    expect(draft.status).toBe("draft");
    const review = await getReview(daniel, newcomer.id);
    expect(review.manager?.values?.mix).toEqual(unbalanced);
    expect(review.manager?.values?.tasks).toEqual([{ text: "Half-written", level: null, aiUsed: true }]);
    expect((await managerOf(newcomer.id))!.s1).toBeNull();
  });
});

describe("return for changes", () => {
  it("re-opens a submitted self-assessment with the manager's message, once", async () => {
    const newcomer = await addMember("Ravi Returned", fpaId);
    const [self] = await testDb.db
      .insert(assessments)
      .values({
        cycleId: openCycleId,
        subjectId: newcomer.id,
        kind: "self",
        authorId: newcomer.id,
        teamId: fpaId,
        s1: 10,
        s2: 10,
        s3: 30,
        s4: 30,
        s5: 20,
        judgment: 3,
        communication: 3,
        stakeholders: 3,
        systemsThinking: 3,
        ownership: 3,
        status: "submitted",
        submittedAt: new Date(),
      })
      .returning();
    await expect(
      returnForChanges(daniel, { personId: newcomer.id, expectedSelfVersion: self!.version, message: "  " }),
    ).rejects.toBeInstanceOf(ActionError);
    await expect(
      returnForChanges(daniel, {
        personId: newcomer.id,
        expectedSelfVersion: self!.version + 5,
        message: "Split the forecast task",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await returnForChanges(daniel, {
      personId: newcomer.id,
      expectedSelfVersion: self!.version,
      message: "Split the forecast task in two.",
    });
    const after = (await selfOf(newcomer.id))!;
    expect(after).toMatchObject({
      status: "returned",
      returnMessage: "Split the forecast task in two.",
      version: self!.version + 1,
    });
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "assessment.returned"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toMatchObject({ actorId: daniel.id, targetId: String(self!.id) });
    await expect(
      returnForChanges(daniel, { personId: newcomer.id, expectedSelfVersion: after.version, message: "Again" }),
    ).rejects.toThrow(/already returned/);
    // Once returned, the board says so — not "no self-assessment yet" beside the index it still shows.
    const row = (await reviewBoard(daniel)).rows.find((r) => r.personId === newcomer.id)!;
    expect(row.selfMix).not.toBeNull();
    expect(attentionReasons(row)).toContain("returned");
    expect(attentionReasons(row)).not.toContain("no_self_assessment");
  });

  it("refuses to return a self-assessment that was never submitted", async () => {
    const self = (await selfOf(maya.id))!;
    await expect(
      returnForChanges(daniel, { personId: maya.id, expectedSelfVersion: self.version, message: "Please finish" }),
    ).rejects.toThrow(/no submitted self-assessment/);
  });
});

describe("manager scope", () => {
  it("a manager of team A cannot read or write the review of a person in team B, whatever ids they send", async () => {
    const [outsider] = await testDb.db
      .select({ personId: teamMemberships.personId })
      .from(teamMemberships)
      .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
      .where(and(isNull(teamMemberships.endedOn), ne(teams.managerId, daniel.id)))
      .limit(1);
    const personId = outsider!.personId;
    const before = await testDb.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.subjectId, personId), eq(assessments.cycleId, openCycleId)));
    await expect(getReview(daniel, personId)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(saveManagerReview(daniel, complete(personId), "draft")).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(saveManagerReview(daniel, complete(personId), "finalize")).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(
      returnForChanges(daniel, { personId, expectedSelfVersion: 1, message: "Please redo this" }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    const after = await testDb.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.subjectId, personId), eq(assessments.cycleId, openCycleId)));
    expect(after).toEqual(before);
    expect((await reviewBoard(daniel)).rows.some((r) => r.personId === personId)).toBe(false);
  });

  it("the other team's manager cannot review Daniel's reports, and employees cannot review anyone", async () => {
    const [otherTeam] = await testDb.db.select().from(teams).where(ne(teams.managerId, daniel.id)).limit(1);
    const [otherManager] = await testDb.db.select().from(people).where(eq(people.id, otherTeam!.managerId!));
    const other: Actor = {
      id: otherManager!.id,
      name: otherManager!.name,
      email: otherManager!.email,
      role: otherManager!.appRole,
    };
    await expect(getReview(other, grace.id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(saveManagerReview(maya, complete(grace.id), "review")).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getReview(grace, grace.id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(reviewBoard(maya)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("a manager of two teams sees and reviews both", async () => {
    const [finance] = await testDb.db.select().from(departments).where(eq(departments.name, "Finance"));
    const [second] = await testDb.db
      .insert(teams)
      .values({ name: "Treasury", departmentId: finance!.id, managerId: daniel.id })
      .returning();
    const treasurer = await addMember("Tara Treasury", second!.id);
    const board = await reviewBoard(daniel);
    expect(new Set(board.rows.map((r) => r.teamName))).toEqual(new Set(["FP&A", "Treasury"]));
    expect((await getReview(daniel, treasurer.id)).team.name).toBe("Treasury");
    const saved = await saveManagerReview(daniel, complete(treasurer.id), "review");
    expect(saved.status).toBe("submitted");
    expect((await managerOf(treasurer.id))!.teamId).toBe(second!.id);
  });

  it("a person who moved out of the team is no longer the old manager's to review", async () => {
    const mover = await addMember("Mo Mover", fpaId);
    const [other] = await testDb.db.select().from(teams).where(ne(teams.managerId, daniel.id)).limit(1);
    await testDb.db
      .update(teamMemberships)
      .set({ endedOn: "2026-11-01" })
      .where(eq(teamMemberships.personId, mover.id));
    await testDb.db.insert(teamMemberships).values({ teamId: other!.id, personId: mover.id, startedOn: "2026-11-02" });
    await expect(getReview(daniel, mover.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("closed cycles", () => {
  it("nothing is written once the cycle is closed", async () => {
    const current = await managerOf(grace.id);
    await testDb.db.update(reviewCycles).set({ status: "closed" }).where(eq(reviewCycles.id, openCycleId));
    try {
      const error = await saveManagerReview(
        daniel,
        complete(grace.id, { version: current!.version }),
        "finalize",
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionError);
      expect((error as Error).message).toMatch(/no open review cycle/);
      await expect(
        returnForChanges(daniel, { personId: grace.id, expectedSelfVersion: 1, message: "Please redo this" }),
      ).rejects.toBeInstanceOf(ActionError);
      expect(await managerOf(grace.id)).toEqual(current);
      // And the database itself refuses, whatever the code does.
      await expect(
        testDb.db.update(assessments).set({ notes: "sneaky" }).where(eq(assessments.id, current!.id)),
      ).rejects.toThrow();
    } finally {
      await testDb.db.update(reviewCycles).set({ status: "open" }).where(eq(reviewCycles.id, openCycleId));
    }
  });
});
