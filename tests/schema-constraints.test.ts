import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assessments,
  assessmentTasks,
  auditLog,
  calibrationRecords,
  departments,
  type NewAssessment,
  people,
  reviewCycles,
  roleProfiles,
  roleProfileVersions,
  teams,
} from "@/db/schema";
import { createTestDatabase, driverUnderTest } from "./helpers/test-db";

/**
 * The database itself, not just the application, must refuse data that breaks the product's rules.
 * Runs on in-memory PGlite by default and on PostgreSQL when DATABASE_URL is set.
 */

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let handle: TestDb;
let db: TestDb["db"];

type DriverError = {
  message?: string;
  code?: string;
  constraint?: string;
  constraint_name?: string;
  cause?: unknown;
};

/** The driver's own error under drizzle's wrapper (DrizzleQueryError keeps it as `cause`). */
function driverError(error: unknown): DriverError {
  let current = error as DriverError;
  while (current && typeof current === "object" && current.cause && typeof current.cause === "object") {
    current = current.cause as DriverError;
  }
  return current;
}

/**
 * Asserts the statement fails, and fails for the expected reason: the pattern is matched against the
 * driver's message and the violated constraint's name, never against drizzle's "Failed query: …"
 * wrapper (which quotes the SQL and would match column names by accident).
 */
async function expectRejected(promise: Promise<unknown>, pattern: RegExp, sqlState?: string) {
  let caught: unknown;
  let resolved = false;
  try {
    await promise;
    resolved = true;
  } catch (error) {
    caught = error;
  }
  expect(resolved, `expected the database to refuse this (${pattern})`).toBe(false);
  const cause = driverError(caught);
  const constraint = cause.constraint ?? cause.constraint_name ?? "";
  const text = `${constraint} | ${cause.message ?? ""}`;
  expect(text).toMatch(pattern);
  if (sqlState) expect(cause.code).toBe(sqlState);
}

const CHECK_VIOLATION = "23514";
const UNIQUE_VIOLATION = "23505";
const FOREIGN_KEY_VIOLATION = "23503";
const STRING_TOO_LONG = "22001";
const INSUFFICIENT_PRIVILEGE = "42501";

let departmentId: number;
let teamId: number;
let managerId: number;
let cycleId: number;
let otherCycleId: number;
let personCounter = 0;

async function newPerson(role: "employee" | "manager" = "employee") {
  personCounter += 1;
  const [row] = await db
    .insert(people)
    .values({
      name: `Person ${personCounter}`,
      email: `person${personCounter}@example.com`,
      passwordHash: "x".repeat(60),
      appRole: role,
    })
    .returning({ id: people.id });
  return row!.id;
}

const completeShares = { s1: 10, s2: 20, s3: 30, s4: 25, s5: 15 };
const completeRatings = { judgment: 3, communication: 4, stakeholders: 2, systemsThinking: 5, ownership: 1 };

/** A valid submitted self-assessment for a new person; override fields to break one rule. */
async function submittedSelf(overrides: Partial<NewAssessment> = {}): Promise<NewAssessment> {
  const subjectId = await newPerson();
  return {
    cycleId,
    subjectId,
    kind: "self",
    authorId: subjectId,
    teamId,
    ...completeShares,
    ...completeRatings,
    status: "submitted",
    submittedAt: new Date("2026-10-15T10:00:00Z"),
    ...overrides,
  };
}

async function draftSelf(overrides: Partial<NewAssessment> = {}): Promise<NewAssessment> {
  const subjectId = await newPerson();
  return { cycleId, subjectId, kind: "self", authorId: subjectId, teamId, status: "draft", ...overrides };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [department] = await db.insert(departments).values({ name: "Operations" }).returning();
  departmentId = department!.id;
  managerId = await newPerson("manager");
  const [team] = await db.insert(teams).values({ departmentId, name: "Finance Ops", managerId }).returning();
  teamId = team!.id;
  const [cycle] = await db
    .insert(reviewCycles)
    .values({ name: "2026 Q4", startsOn: "2026-10-01", endsOn: "2026-12-31", status: "open" })
    .returning();
  cycleId = cycle!.id;
  const [other] = await db
    .insert(reviewCycles)
    .values({ name: "2027 Q1", startsOn: "2027-01-01", endsOn: "2027-03-31" })
    .returning();
  otherCycleId = other!.id;
});

afterAll(async () => {
  await handle?.dispose();
});

describe(`schema constraints (${driverUnderTest})`, () => {
  describe("valid rows are accepted", () => {
    it("stores a complete submitted self-assessment as given", async () => {
      const values = await submittedSelf();
      const [row] = await db.insert(assessments).values(values).returning();
      expect(row).toMatchObject({ ...completeShares, ...completeRatings, status: "submitted", kind: "self" });
      const [read] = await db.select().from(assessments).where(eq(assessments.id, row!.id));
      expect(read?.s3).toBe(30);
      expect(read?.submittedAt?.toISOString()).toBe("2026-10-15T10:00:00.000Z");
    });

    it("stores a draft with all shares and ratings null", async () => {
      const [row] = await db
        .insert(assessments)
        .values(await draftSelf())
        .returning();
      expect(row).toMatchObject({ status: "draft", s1: null, s5: null, judgment: null, submittedAt: null });
    });

    it("stores a draft with partial ratings (a half-filled form)", async () => {
      const [row] = await db
        .insert(assessments)
        .values(await draftSelf({ ...completeShares, judgment: 2 }))
        .returning();
      expect(row?.judgment).toBe(2);
      expect(row?.communication).toBeNull();
    });

    it("stores a manager assessment written by the manager, beside the self-assessment", async () => {
      const self = await submittedSelf();
      await db.insert(assessments).values(self);
      const [row] = await db
        .insert(assessments)
        .values({ ...self, kind: "manager", authorId: managerId, status: "finalized", finalizedAt: new Date() })
        .returning();
      expect(row).toMatchObject({ kind: "manager", authorId: managerId, subjectId: self.subjectId });
    });

    it("stores the same person's self-assessment in another cycle", async () => {
      const values = await submittedSelf();
      await db.insert(assessments).values(values);
      const [row] = await db
        .insert(assessments)
        .values({ ...values, cycleId: otherCycleId })
        .returning();
      expect(row?.cycleId).toBe(otherCycleId);
    });

    it("stores shares at the edges (0 and 100) and tasks at levels 1 and 5 with 200-char text", async () => {
      const [row] = await db
        .insert(assessments)
        .values(await submittedSelf({ s1: 0, s2: 0, s3: 0, s4: 0, s5: 100 }))
        .returning();
      const tasks = await db
        .insert(assessmentTasks)
        .values([
          { assessmentId: row!.id, position: 0, text: "a".repeat(200), level: 1 },
          { assessmentId: row!.id, position: 19, text: "Set the team's priorities", level: 5, aiUsed: true },
        ])
        .returning();
      expect(tasks.map((t) => t.level)).toEqual([1, 5]);
    });
  });

  describe("level mix", () => {
    it("refuses shares that do not sum to 100", async () => {
      await expectRejected(
        db.insert(assessments).values(await submittedSelf({ s5: 14 })),
        /assessments_shares_sum/,
        CHECK_VIOLATION,
      );
      await expectRejected(
        db.insert(assessments).values(await draftSelf({ ...completeShares, s5: 16 })),
        /assessments_shares_sum/,
        CHECK_VIOLATION,
      );
    });

    it("refuses a share of 101 or -1 even when the total is 100", async () => {
      await expectRejected(
        db.insert(assessments).values(await submittedSelf({ s1: 101, s2: -1, s3: 0, s4: 0, s5: 0 })),
        /assessments_shares_range/,
        CHECK_VIOLATION,
      );
      await expectRejected(
        db.insert(assessments).values(await submittedSelf({ s1: 0, s2: 0, s3: 0, s4: -1, s5: 101 })),
        /assessments_shares_range/,
        CHECK_VIOLATION,
      );
    });

    it("refuses a partly filled mix", async () => {
      await expectRejected(
        db.insert(assessments).values(await draftSelf({ ...completeShares, s5: null })),
        /assessments_shares_all_or_none/,
        CHECK_VIOLATION,
      );
      await expectRejected(
        db.insert(assessments).values(await draftSelf({ s1: 100 })),
        /assessments_shares_all_or_none/,
        CHECK_VIOLATION,
      );
    });

    it("refuses a role target mix that does not sum to 100", async () => {
      const [profile] = await db.insert(roleProfiles).values({ teamId, title: "Analyst" }).returning();
      await expectRejected(
        db
          .insert(roleProfileVersions)
          .values({ roleProfileId: profile!.id, version: 1, s1: 50, s2: 50, s3: 50, s4: 0, s5: 0 }),
        /role_profile_versions_shares_sum/,
        CHECK_VIOLATION,
      );
      const [version] = await db
        .insert(roleProfileVersions)
        .values({ roleProfileId: profile!.id, version: 1, ...completeShares })
        .returning();
      expect(version?.s4).toBe(25);
    });
  });

  describe("capability ratings", () => {
    for (const key of Object.keys(completeRatings) as (keyof typeof completeRatings)[]) {
      it(`refuses ${key} of 0 or 6`, async () => {
        for (const bad of [0, 6]) {
          await expectRejected(
            db.insert(assessments).values(await submittedSelf({ [key]: bad })),
            /assessments_ratings_range/,
            CHECK_VIOLATION,
          );
        }
      });
    }
  });

  describe("assessments", () => {
    it("refuses a second assessment for the same cycle, person and kind", async () => {
      const values = await submittedSelf();
      await db.insert(assessments).values(values);
      await expectRejected(
        db.insert(assessments).values({ ...values, status: "draft" }),
        /assessments_one_per_cycle_person_kind/,
        UNIQUE_VIOLATION,
      );
      const rows = await db.select().from(assessments).where(eq(assessments.subjectId, values.subjectId));
      expect(rows).toHaveLength(1);
    });

    it("refuses a self-assessment written by someone other than its subject", async () => {
      await expectRejected(
        db.insert(assessments).values(await submittedSelf({ authorId: managerId })),
        /assessments_self_by_subject/,
        CHECK_VIOLATION,
      );
    });

    it("refuses a submitted assessment without shares, ratings or submission time", async () => {
      const noShares = { s1: null, s2: null, s3: null, s4: null, s5: null };
      await expectRejected(
        db.insert(assessments).values(await submittedSelf(noShares)),
        /assessments_complete_unless_draft/,
        CHECK_VIOLATION,
      );
      await expectRejected(
        db.insert(assessments).values(await submittedSelf({ stakeholders: null })),
        /assessments_complete_unless_draft/,
        CHECK_VIOLATION,
      );
      await expectRejected(
        db.insert(assessments).values(await submittedSelf({ submittedAt: null })),
        /assessments_complete_unless_draft/,
        CHECK_VIOLATION,
      );
      await expectRejected(
        db
          .insert(assessments)
          .values(await submittedSelf({ status: "finalized", ownership: null, finalizedAt: new Date() })),
        /assessments_complete_unless_draft/,
        CHECK_VIOLATION,
      );
    });

    it("refuses to move a stored draft to submitted while it is incomplete", async () => {
      const [row] = await db
        .insert(assessments)
        .values(await draftSelf())
        .returning();
      await expectRejected(
        db.update(assessments).set({ status: "submitted", submittedAt: new Date() }).where(eq(assessments.id, row!.id)),
        /assessments_complete_unless_draft/,
        CHECK_VIOLATION,
      );
      const [after] = await db.select().from(assessments).where(eq(assessments.id, row!.id));
      expect(after?.status).toBe("draft");
    });

    it("refuses unknown foreign keys", async () => {
      await expectRejected(
        db.insert(assessments).values(await submittedSelf({ cycleId: 987654 })),
        /assessments_cycle_id_review_cycles_id_fk/,
        FOREIGN_KEY_VIOLATION,
      );
      await expectRejected(
        db.insert(assessments).values(await submittedSelf({ teamId: 987654 })),
        /assessments_team_id_teams_id_fk/,
        FOREIGN_KEY_VIOLATION,
      );
      await expectRejected(
        db.insert(teams).values({ departmentId: 987654, name: "Nowhere" }),
        /teams_department_id_departments_id_fk/,
        FOREIGN_KEY_VIOLATION,
      );
    });
  });

  describe("assessment tasks", () => {
    let assessmentId: number;
    beforeAll(async () => {
      const [row] = await db
        .insert(assessments)
        .values(await draftSelf())
        .returning();
      assessmentId = row!.id;
    });

    it("refuses a level outside 1–5", async () => {
      await expectRejected(
        db.insert(assessmentTasks).values({ assessmentId, position: 0, text: "Plan the quarter", level: 6 }),
        /assessment_tasks_level_range/,
        CHECK_VIOLATION,
      );
      await expectRejected(
        db.insert(assessmentTasks).values({ assessmentId, position: 0, text: "Plan the quarter", level: 0 }),
        /assessment_tasks_level_range/,
        CHECK_VIOLATION,
      );
    });

    it("refuses text longer than 200 characters, and blank text", async () => {
      await expectRejected(
        db.insert(assessmentTasks).values({ assessmentId, position: 1, text: "a".repeat(201), level: 2 }),
        /too long/i,
        STRING_TOO_LONG,
      );
      await expectRejected(
        db.insert(assessmentTasks).values({ assessmentId, position: 1, text: "   ", level: 2 }),
        /assessment_tasks_text_not_blank/,
        CHECK_VIOLATION,
      );
    });

    it("refuses a task for an unknown assessment", async () => {
      await expectRejected(
        db.insert(assessmentTasks).values({ assessmentId: 987654, position: 0, text: "Orphan", level: 1 }),
        /assessment_tasks_assessment_id_assessments_id_fk/,
        FOREIGN_KEY_VIOLATION,
      );
    });
  });

  describe("review cycles and people", () => {
    it("refuses a cycle name not shaped like 2026 Q4", async () => {
      for (const name of ["Q4 2026", "2026 Q5", "2026 q4", "2026-Q4"]) {
        await expectRejected(
          db.insert(reviewCycles).values({ name, startsOn: "2026-10-01", endsOn: "2026-12-31" }),
          /review_cycles_name_format/,
          CHECK_VIOLATION,
        );
      }
    });

    it("refuses a cycle that ends before it starts, and a duplicate name", async () => {
      await expectRejected(
        db.insert(reviewCycles).values({ name: "2028 Q1", startsOn: "2028-03-31", endsOn: "2028-01-01" }),
        /review_cycles_dates/,
        CHECK_VIOLATION,
      );
      await expectRejected(
        db.insert(reviewCycles).values({ name: "2026 Q4", startsOn: "2026-10-01", endsOn: "2026-12-31" }),
        /review_cycles_name_unique/,
        UNIQUE_VIOLATION,
      );
    });

    it("refuses an email with uppercase letters or without a local part", async () => {
      await expectRejected(
        db.insert(people).values({ name: "Ada", email: "Ada@example.com", passwordHash: "x" }),
        /people_email_lowercase/,
        CHECK_VIOLATION,
      );
      await expectRejected(
        db.insert(people).values({ name: "Ada", email: "@example.com", passwordHash: "x" }),
        /people_email_lowercase/,
        CHECK_VIOLATION,
      );
      const [ok] = await db
        .insert(people)
        .values({ name: "Ada", email: "ada.lovelace@example.com", passwordHash: "x" })
        .returning();
      expect(ok?.email).toBe("ada.lovelace@example.com");
    });
  });

  describe("audit log", () => {
    it("accepts inserts but refuses UPDATE, DELETE and TRUNCATE", async () => {
      const [entry] = await db
        .insert(auditLog)
        .values({ actorId: managerId, action: "cycle.open", targetType: "cycle", targetId: String(cycleId) })
        .returning();
      expect(entry?.id).toBeGreaterThan(0);
      expect(entry?.action).toBe("cycle.open");

      await expectRejected(
        db.update(auditLog).set({ action: "tampered" }).where(eq(auditLog.id, entry!.id)),
        /append-only: UPDATE/,
        INSUFFICIENT_PRIVILEGE,
      );
      await expectRejected(
        db.delete(auditLog).where(eq(auditLog.id, entry!.id)),
        /append-only: DELETE/,
        INSUFFICIENT_PRIVILEGE,
      );
      await expectRejected(db.execute(sql`truncate audit_log`), /append-only: TRUNCATE/, INSUFFICIENT_PRIVILEGE);

      const rows = await db.select().from(auditLog).where(eq(auditLog.id, entry!.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.action).toBe("cycle.open");
    });
  });
});

describe(`a closed review cycle is read-only in the database (${driverUnderTest})`, () => {
  it("refuses every write to its assessments, tasks and calibration records, and allows them again once re-opened", async () => {
    const [cycle] = await db
      .insert(reviewCycles)
      .values({ name: "2024 Q4", startsOn: "2024-10-01", endsOn: "2024-12-31", status: "open" })
      .returning();
    const self = await submittedSelf({ cycleId: cycle!.id });
    const [assessment] = await db.insert(assessments).values(self).returning();
    await db
      .insert(assessmentTasks)
      .values({ assessmentId: assessment!.id, position: 0, text: "Compile the report", level: 1 });
    const [review] = await db
      .insert(assessments)
      .values({ ...self, kind: "manager", authorId: managerId, status: "draft", submittedAt: null })
      .returning();
    await db.insert(calibrationRecords).values({
      assessmentId: review!.id,
      changedById: managerId,
      field: "level_mix",
      fromValue: completeShares,
      toValue: completeShares,
      reason: "Checked against the sprint log",
    });

    await db.update(reviewCycles).set({ status: "closed" }).where(eq(reviewCycles.id, cycle!.id));
    const closed = /review cycle is closed/;
    await expectRejected(
      db.update(assessments).set({ notes: "changed later" }).where(eq(assessments.id, assessment!.id)),
      closed,
      CHECK_VIOLATION,
    );
    await expectRejected(db.delete(assessments).where(eq(assessments.id, assessment!.id)), closed, CHECK_VIOLATION);
    const newcomer = await submittedSelf({ cycleId: cycle!.id });
    await expectRejected(db.insert(assessments).values(newcomer), closed, CHECK_VIOLATION);
    // Nor can an open cycle's assessment be moved into the closed one.
    const [openOne] = await db
      .insert(assessments)
      .values(await submittedSelf())
      .returning();
    await expectRejected(
      db.update(assessments).set({ cycleId: cycle!.id }).where(eq(assessments.id, openOne!.id)),
      closed,
      CHECK_VIOLATION,
    );
    await expectRejected(
      db.insert(assessmentTasks).values({ assessmentId: assessment!.id, position: 1, text: "Late addition", level: 2 }),
      closed,
      CHECK_VIOLATION,
    );
    await expectRejected(
      db.update(assessmentTasks).set({ level: 5 }).where(eq(assessmentTasks.assessmentId, assessment!.id)),
      closed,
      CHECK_VIOLATION,
    );
    await expectRejected(
      db.delete(calibrationRecords).where(eq(calibrationRecords.assessmentId, review!.id)),
      closed,
      CHECK_VIOLATION,
    );
    const [unchanged] = await db.select().from(assessments).where(eq(assessments.id, assessment!.id));
    expect(unchanged?.notes).toBe("");

    await db.update(reviewCycles).set({ status: "open" }).where(eq(reviewCycles.id, cycle!.id));
    await db.update(assessments).set({ notes: "after re-opening" }).where(eq(assessments.id, assessment!.id));
    const [reopened] = await db.select().from(assessments).where(eq(assessments.id, assessment!.id));
    expect(reopened?.notes).toBe("after re-opening");
  });
});
