import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import {
  assessments,
  assessmentTasks,
  calibrationRecords,
  people,
  reviewCycles,
  roleProfileVersions,
  teamMemberships,
  teams,
} from "@/db/schema";
import { type SeedSummary, seedDemoOrganisation, seedDemoOrganisationIfEmpty } from "@/db/seed";
import { roundShares } from "@/db/seed-random";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import { type LevelMix, leverageIndex, meanMix } from "@/lib/ladder";
import { createTestDatabase } from "./helpers/test-db";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

let handle: TestDb;
let db: Database;
let summary: SeedSummary;
let seedSeconds = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const started = performance.now();
  summary = await seedDemoOrganisation(db);
  seedSeconds = (performance.now() - started) / 1000;
});

afterAll(async () => {
  await handle?.dispose();
});

/** Everything that should come out the same on every seed of an empty database. */
async function fingerprint(target: Database) {
  const rows = await target
    .select({
      id: assessments.id,
      cycleId: assessments.cycleId,
      subjectId: assessments.subjectId,
      kind: assessments.kind,
      authorId: assessments.authorId,
      teamId: assessments.teamId,
      roleVersionId: assessments.roleVersionId,
      status: assessments.status,
      s1: assessments.s1,
      s2: assessments.s2,
      s3: assessments.s3,
      s4: assessments.s4,
      s5: assessments.s5,
      judgment: assessments.judgment,
      ownership: assessments.ownership,
      notes: assessments.notes,
      submittedAt: assessments.submittedAt,
      finalizedAt: assessments.finalizedAt,
    })
    .from(assessments)
    .orderBy(asc(assessments.id));
  const tasks = await target
    .select({
      assessmentId: assessmentTasks.assessmentId,
      text: assessmentTasks.text,
      level: assessmentTasks.level,
      aiUsed: assessmentTasks.aiUsed,
    })
    .from(assessmentTasks)
    .orderBy(asc(assessmentTasks.id));
  const persons = await target
    .select({ id: people.id, email: people.email, role: people.appRole })
    .from(people)
    .orderBy(asc(people.id));
  const calibrations = await target
    .select({
      assessmentId: calibrationRecords.assessmentId,
      from: calibrationRecords.fromValue,
      to: calibrationRecords.toValue,
      reason: calibrationRecords.reason,
    })
    .from(calibrationRecords)
    .orderBy(asc(calibrationRecords.id));
  return JSON.stringify({ rows, tasks, persons, calibrations });
}

async function finalizedManagerMixes() {
  return db
    .select({
      team: teams.name,
      cycle: reviewCycles.name,
      s1: assessments.s1,
      s2: assessments.s2,
      s3: assessments.s3,
      s4: assessments.s4,
      s5: assessments.s5,
    })
    .from(assessments)
    .innerJoin(teams, eq(teams.id, assessments.teamId))
    .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
    .where(
      and(eq(assessments.kind, "manager"), eq(assessments.status, "finalized"), eq(reviewCycles.status, "closed")),
    );
}

describe("the demo organisation seed", () => {
  it("creates the organisation in the expected shape", async () => {
    console.info(`Seeded in ${seedSeconds.toFixed(2)} s:`, summary);
    expect(summary.departments).toBe(4);
    expect(summary.teams).toBe(8);
    expect(summary.people).toBeGreaterThanOrEqual(70);
    expect(summary.people).toBeLessThanOrEqual(90);
    expect(summary.cycles).toBe(8);
    expect(summary.assessments).toBeGreaterThan(900);
    expect(summary.assessmentTasks).toBeGreaterThan(3 * 900);
    expect(summary.calibrationRecords).toBeGreaterThan(0);

    const cycles = await db.select().from(reviewCycles).orderBy(asc(reviewCycles.startsOn));
    expect(cycles.map((c) => c.name)).toEqual([
      "2025 Q1",
      "2025 Q2",
      "2025 Q3",
      "2025 Q4",
      "2026 Q1",
      "2026 Q2",
      "2026 Q3",
      "2026 Q4",
    ]);
    expect(cycles.map((c) => c.status)).toEqual([...Array(7).fill("closed"), "open"]);
    expect(cycles[0]).toMatchObject({ startsOn: "2025-01-01", endsOn: "2025-03-31" });
    expect(cycles[7]).toMatchObject({ startsOn: "2026-10-01", endsOn: "2026-12-31" });

    const everyone = await db.select().from(people);
    expect(everyone).toHaveLength(summary.people);
    const byRole = (role: string) => everyone.filter((p) => p.appRole === role).length;
    expect(byRole("admin")).toBe(1);
    expect(byRole("leader")).toBeGreaterThanOrEqual(2);
    expect(byRole("leader")).toBeLessThanOrEqual(3);
    expect(byRole("manager")).toBeGreaterThanOrEqual(7);
    expect(everyone.every((p) => /^[a-z-]+\.[a-z-]+@northwind\.example$/.test(p.email))).toBe(true);
    expect(new Set(everyone.map((p) => p.passwordHash)).size).toBe(1);
  });

  it("contains every demo account with its role", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [person] = await db.select().from(people).where(eq(people.email, account.email));
      expect(person, account.email).toBeDefined();
      expect(person!.name).toBe(account.name);
      expect(person!.appRole).toBe(account.role);
    }
    const [daniel] = await db.select().from(people).where(eq(people.email, "daniel.okafor@northwind.example"));
    const [maya] = await db.select().from(people).where(eq(people.email, "maya.chen@northwind.example"));
    const [fpa] = await db.select().from(teams).where(eq(teams.name, "FP&A"));
    expect(fpa!.managerId).toBe(daniel!.id);
    const mayaNow = await db
      .select()
      .from(teamMemberships)
      .where(and(eq(teamMemberships.personId, maya!.id), isNull(teamMemberships.endedOn)));
    expect(mayaNow.map((m) => m.teamId)).toEqual([fpa!.id]);
  });

  it("keeps managers out of the teams they manage, with one manager running two teams", async () => {
    const allTeams = await db.select().from(teams);
    const memberships = await db.select().from(teamMemberships);
    for (const team of allTeams) {
      expect(team.managerId).not.toBeNull();
      expect(memberships.some((m) => m.teamId === team.id && m.personId === team.managerId)).toBe(false);
    }
    const counts = new Map<number, number>();
    for (const t of allTeams) counts.set(t.managerId!, (counts.get(t.managerId!) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n === 2)).toHaveLength(1);
  });

  it("records team moves at the start of 2026 Q1 on memberships and assessments", async () => {
    const ended = await db.select().from(teamMemberships).where(eq(teamMemberships.endedOn, "2025-12-31"));
    expect(ended.length).toBeGreaterThanOrEqual(2);
    expect(ended.length).toBeLessThanOrEqual(3);
    const cycles = await db.select().from(reviewCycles).orderBy(asc(reviewCycles.startsOn));
    for (const old of ended) {
      const [now] = await db
        .select()
        .from(teamMemberships)
        .where(and(eq(teamMemberships.personId, old.personId), isNull(teamMemberships.endedOn)));
      expect(now!.startedOn).toBe("2026-01-01");
      expect(now!.teamId).not.toBe(old.teamId);
      const own = await db.select().from(assessments).where(eq(assessments.subjectId, old.personId));
      for (const a of own) {
        const cycle = cycles.find((c) => c.id === a.cycleId)!;
        expect(a.teamId).toBe(cycle.startsOn < "2026-01-01" ? old.teamId : now!.teamId);
      }
    }
  });

  it("points assessments at the role version in force in their cycle", async () => {
    const v2 = await db.select().from(roleProfileVersions).where(eq(roleProfileVersions.version, 2));
    expect(v2).toHaveLength(1);
    const [v1] = await db
      .select()
      .from(roleProfileVersions)
      .where(and(eq(roleProfileVersions.roleProfileId, v2[0]!.roleProfileId), eq(roleProfileVersions.version, 1)));
    const rows = await db
      .select({ cycle: reviewCycles.startsOn, version: assessments.roleVersionId })
      .from(assessments)
      .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
      .where(eq(assessments.kind, "self"));
    const onThisRole = rows.filter((r) => r.version === v1!.id || r.version === v2[0]!.id);
    expect(onThisRole.length).toBeGreaterThan(0);
    for (const r of onThisRole) expect(r.version).toBe(r.cycle < "2026-01-01" ? v1!.id : v2[0]!.id);
  });

  it("assesses every member, self and manager, in every closed cycle, with calibration where they differ", async () => {
    const rows = await db
      .select()
      .from(assessments)
      .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
      .where(eq(reviewCycles.status, "closed"));
    const bySubjectCycle = new Map<string, { self?: LevelMix; manager?: LevelMix; managerId?: number }>();
    for (const { assessments: a } of rows) {
      expect(a.status).toBe("finalized");
      expect(a.submittedAt).not.toBeNull();
      expect(a.finalizedAt).not.toBeNull();
      const key = `${a.cycleId}:${a.subjectId}`;
      const entry = bySubjectCycle.get(key) ?? {};
      const mix = { s1: a.s1!, s2: a.s2!, s3: a.s3!, s4: a.s4!, s5: a.s5! };
      if (a.kind === "self") entry.self = mix;
      else {
        entry.manager = mix;
        entry.managerId = a.id;
      }
      bySubjectCycle.set(key, entry);
    }
    const pairs = [...bySubjectCycle.values()];
    expect(pairs.every((p) => p.self && p.manager)).toBe(true);
    const gaps = pairs.map((p) => leverageIndex(p.self!) - leverageIndex(p.manager!));
    const meanGap = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    expect(meanGap).toBeGreaterThan(0.1);
    expect(meanGap).toBeLessThan(0.3);
    expect(gaps.some((g) => g < 0)).toBe(true);
    expect(gaps.some((g) => g > 0.5)).toBe(true);

    const records = await db.select().from(calibrationRecords);
    const calibrated = new Set(records.map((r) => r.assessmentId));
    for (const p of pairs) {
      const differs = (["s1", "s2", "s3", "s4", "s5"] as const).some((k) => Math.abs(p.self![k] - p.manager![k]) > 10);
      expect(calibrated.has(p.managerId!)).toBe(differs);
    }
  });

  it("tells the four team stories", async () => {
    const rows = await finalizedManagerMixes();
    const teamL = (team: string, cycle: string) => {
      const mean = meanMix(
        rows
          .filter((r) => r.team === team && r.cycle === cycle)
          .map((r) => ({ s1: r.s1!, s2: r.s2!, s3: r.s3!, s4: r.s4!, s5: r.s5! })),
      );
      expect(mean, `${team} ${cycle}`).not.toBeNull();
      return { L: leverageIndex(mean!), mean: mean! };
    };
    // FP&A adopts AI and climbs.
    expect(teamL("FP&A", "2026 Q3").L - teamL("FP&A", "2025 Q1").L).toBeGreaterThanOrEqual(0.8);
    // Customer Support automates execution but stalls at level 2.
    expect(teamL("Customer Support", "2026 Q3").mean.s2).toBeGreaterThanOrEqual(45);
    expect(Math.abs(teamL("Customer Support", "2026 Q3").L - teamL("Customer Support", "2025 Q4").L)).toBeLessThan(0.2);
    expect(teamL("Customer Support", "2025 Q4").L - teamL("Customer Support", "2025 Q1").L).toBeGreaterThan(0.3);
    // Accounts Payable stagnates.
    expect(Math.abs(teamL("Accounts Payable", "2026 Q3").L - teamL("Accounts Payable", "2025 Q1").L)).toBeLessThan(0.2);
    // Market Research slips.
    expect(teamL("Market Research", "2026 Q3").L - teamL("Market Research", "2025 Q1").L).toBeLessThanOrEqual(-0.3);
  });

  it("leaves the open quarter at every stage of the review", async () => {
    const [open] = await db.select().from(reviewCycles).where(eq(reviewCycles.name, "2026 Q4"));
    const rows = await db.select().from(assessments).where(eq(assessments.cycleId, open!.id));
    const employees = await db.select().from(people).where(eq(people.appRole, "employee"));
    const stage = (personId: number) => {
      const self = rows.find((a) => a.subjectId === personId && a.kind === "self");
      const manager = rows.find((a) => a.subjectId === personId && a.kind === "manager");
      if (!self) return "none";
      if (self.status === "draft") return "self_draft";
      if (self.status === "finalized" && manager?.status === "finalized") return "finalized";
      if (self.status === "submitted" && !manager) return "self_submitted";
      return "manager_review";
    };
    const stages = employees.map((p) => stage(p.id));
    for (const s of ["none", "self_draft", "self_submitted", "manager_review", "finalized"]) {
      expect(stages, s).toContain(s);
    }
    for (const a of rows.filter((x) => x.status === "draft")) {
      expect(a.submittedAt).toBeNull();
      const nulls = [a.s1, a.s2, a.s3, a.s4, a.s5].filter((v) => v === null).length;
      expect([0, 5]).toContain(nulls);
    }

    const [maya] = await db.select().from(people).where(eq(people.email, "maya.chen@northwind.example"));
    expect(stage(maya!.id)).toBe("self_draft");
    const [fpa] = await db.select().from(teams).where(eq(teams.name, "FP&A"));
    const danielsReports = await db
      .select()
      .from(teamMemberships)
      .where(and(eq(teamMemberships.teamId, fpa!.id), isNull(teamMemberships.endedOn)));
    const waiting = danielsReports.filter((m) => stage(m.personId) === "self_submitted");
    expect(waiting.length).toBeGreaterThanOrEqual(2);
  });

  it("rounds shares to whole percents that sum to 100", () => {
    for (const values of [
      [33.3, 33.3, 33.3, 0, 0],
      [-5, 120, 10, 0.4, 0.6],
      [0, 0, 0, 0, 0],
      [12.5, 12.5, 25, 25, 25],
    ]) {
      const shares = roundShares(values);
      expect(shares.reduce((s, v) => s + v, 0)).toBe(100);
      expect(shares.every((v) => Number.isInteger(v) && v >= 0 && v <= 100)).toBe(true);
    }
  });

  it("does not seed a database that already has people", async () => {
    expect(await seedDemoOrganisationIfEmpty(db)).toBeNull();
    expect(await db.$count(people)).toBe(summary.people);
  });

  it("is deterministic: a second empty database gets identical content", async () => {
    const other = await createTestDatabase();
    try {
      const again = await seedDemoOrganisationIfEmpty(other.db);
      expect(again).toEqual(summary);
      expect(await fingerprint(other.db)).toBe(await fingerprint(db));
    } finally {
      await other.dispose();
    }
  });
});
