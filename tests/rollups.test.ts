import { and, desc, eq, isNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assessments,
  departments,
  people,
  reviewCycles,
  roleProfileVersions,
  teamMemberships,
  teams,
} from "@/db/schema";
import { CAPABILITIES, effectiveAssessment, type LevelMix, SHARE_KEYS } from "@/lib/ladder";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
});
afterAll(() => testDb.dispose());

type Sums = Record<string, number[]>;
const CAPABILITY_COLUMNS = ["judgment", "communication", "stakeholders", "systems_thinking", "ownership"];
const COLUMNS = [
  "assessed",
  "sum_s1",
  "sum_s2",
  "sum_s3",
  "sum_s4",
  "sum_s5",
  ...CAPABILITY_COLUMNS.map((c) => `sum_${c}`),
  "reviewed",
  "reviewed_s1",
  "reviewed_s2",
  "reviewed_s3",
  "reviewed_s4",
  "reviewed_s5",
  ...CAPABILITY_COLUMNS.map((c) => `reviewed_${c}`),
  "pairs",
  "gap_sum",
  "abs_gap_sum",
  "manager_higher_lots",
  "manager_higher",
  "agree",
  "self_higher",
  "self_higher_lots",
];

/**
 * Per (team, cycle), (department, cycle) and (role, cycle), from every assessment row in JavaScript
 * with lib/ladder's rule: count, share and capability-rating sums, the same for manager-reviewed only, and the
 * calibration pairs with their gaps (hundredths of an index point) and buckets.
 */
async function fromScratch() {
  const db = testDb.db;
  const rows = await db.select().from(assessments);
  const departmentOf = new Map((await db.select().from(teams)).map((t) => [t.id, t.departmentId]));
  const roleOf = new Map((await db.select().from(roleProfileVersions)).map((v) => [v.id, v.roleProfileId] as const));
  type Row = (typeof rows)[number];
  const byPerson = new Map<string, { self: Row | null; manager: Row | null }>();
  for (const row of rows) {
    const key = `${row.cycleId}:${row.subjectId}`;
    const entry = byPerson.get(key) ?? { self: null, manager: null };
    entry[row.kind] = row;
    byPerson.set(key, entry);
  }
  const mixOf = (a: Row | null) =>
    a && { ...a, mix: a.s1 === null ? null : ({ s1: a.s1, s2: a.s2!, s3: a.s3!, s4: a.s4!, s5: a.s5! } as LevelMix) };
  const weighted = (m: LevelMix) => m.s1 + 2 * m.s2 + 3 * m.s3 + 4 * m.s4 + 5 * m.s5;
  const sums = { team: {} as Sums, department: {} as Sums, role: {} as Sums };
  const rolesValues = new Map<string, { exposure: number; upper: number; reviewed: boolean }[]>();
  for (const { self, manager } of byPerson.values()) {
    const s = mixOf(self);
    const m = mixOf(manager);
    const chosen = effectiveAssessment(s, m);
    // Someone in no team counts in no team's figure, so in no rollup.
    if (!chosen?.mix || chosen.teamId === null) continue;
    const reviewed = chosen === m;
    const gap =
      reviewed && s?.mix && (s.status === "submitted" || s.status === "finalized")
        ? weighted(s.mix) - weighted(chosen.mix)
        : null;
    const shares = SHARE_KEYS.map((k) => chosen.mix![k]);
    const ratings = CAPABILITIES.map((c) => chosen[c.key] ?? 0);
    const add = [
      1,
      ...shares,
      ...ratings,
      reviewed ? 1 : 0,
      ...shares.map((x) => (reviewed ? x : 0)),
      ...ratings.map((x) => (reviewed ? x : 0)),
      gap === null ? 0 : 1,
      gap ?? 0,
      Math.abs(gap ?? 0),
      gap !== null && gap < -30 ? 1 : 0,
      gap !== null && gap >= -30 && gap < -10 ? 1 : 0,
      gap !== null && gap >= -10 && gap <= 10 ? 1 : 0,
      gap !== null && gap > 10 && gap <= 30 ? 1 : 0,
      gap !== null && gap > 30 ? 1 : 0,
    ];
    const into = (table: Sums, key: string) => {
      const v = table[key] ?? Array<number>(COLUMNS.length).fill(0);
      table[key] = v.map((x, i) => x + add[i]!);
    };
    into(sums.team, `${chosen.teamId}:${chosen.cycleId}`);
    into(sums.department, `${departmentOf.get(chosen.teamId)}:${chosen.cycleId}`);
    if (chosen.roleVersionId !== null) {
      const key = `${roleOf.get(chosen.roleVersionId)}:${chosen.cycleId}`;
      into(sums.role, key);
      const values = rolesValues.get(key) ?? [];
      values.push({
        exposure: chosen.mix.s1 + chosen.mix.s2 / 2,
        upper: chosen.mix.s3 + chosen.mix.s4 + chosen.mix.s5,
        reviewed,
      });
      rolesValues.set(key, values);
    }
  }
  const medians = Object.fromEntries(
    [...rolesValues].map(([key, values]) => {
      const reviewed = values.filter((v) => v.reviewed);
      return [
        key,
        [
          percentileCont(values.map((v) => v.exposure)),
          percentileCont(values.map((v) => v.upper)),
          percentileCont(reviewed.map((v) => v.exposure)),
          percentileCont(reviewed.map((v) => v.upper)),
        ],
      ];
    }),
  );
  // Head-counts: membership rows of active people covering each cycle's last day, per team and department.
  const active = new Set((await db.select().from(people)).filter((p) => p.active).map((p) => p.id));
  const cycles = await db.select().from(reviewCycles);
  const members = { team: {} as Record<string, number>, department: {} as Record<string, number> };
  for (const m of await db.select().from(teamMemberships)) {
    if (!active.has(m.personId)) continue;
    for (const c of cycles) {
      if (m.startedOn > c.endsOn || (m.endedOn !== null && m.endedOn < c.endsOn)) continue;
      const t = `${m.teamId}:${c.id}`;
      const d = `${departmentOf.get(m.teamId)}:${c.id}`;
      members.team[t] = (members.team[t] ?? 0) + 1;
      members.department[d] = (members.department[d] ?? 0) + 1;
    }
  }
  return { ...sums, medians, members };
}

/** PostgreSQL's percentile_cont(0.5): the middle value, or the two middle ones interpolated; null for none. */
function percentileCont(values: number[]) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) / 2;
  const lo = sorted[Math.floor(at)]!;
  const hi = sorted[Math.ceil(at)]!;
  return lo + (hi - lo) * (at - Math.floor(at));
}

async function fromRollups() {
  const read = async (table: string, key: string) => {
    const result = await testDb.db.execute(
      sql.raw(
        `select ${key} as k, cycle_id, ${COLUMNS.join(", ")} from ${table} where ${COLUMNS.map((c) => `${c} <> 0`).join(" or ")}`,
      ),
    );
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as Record<
      string,
      number
    >[];
    return Object.fromEntries(rows.map((r) => [`${r.k}:${r.cycle_id}`, COLUMNS.map((c) => Number(r[c]))]));
  };
  const rowsOf = async (query: string) => {
    const result = await testDb.db.execute(sql.raw(query));
    return (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as Record<
      string,
      number | null
    >[];
  };
  const medianRows = await rowsOf(
    "select role_profile_id as k, cycle_id, median_exposure, median_upper, reviewed_median_exposure, reviewed_median_upper from role_cycle_figures where assessed <> 0",
  );
  const membersOf = async (table: string, key: string) =>
    Object.fromEntries(
      (await rowsOf(`select ${key} as k, cycle_id, members from ${table} where members <> 0`)).map((r) => [
        `${r.k}:${r.cycle_id}`,
        Number(r.members),
      ]),
    );
  return {
    team: await read("team_cycle_figures", "team_id"),
    department: await read("department_cycle_figures", "department_id"),
    role: await read("role_cycle_figures", "role_profile_id"),
    medians: Object.fromEntries(
      medianRows.map((r) => [
        `${r.k}:${r.cycle_id}`,
        [r.median_exposure, r.median_upper, r.reviewed_median_exposure, r.reviewed_median_upper].map((v) =>
          v === null ? null : Number(v),
        ),
      ]),
    ),
    members: {
      team: await membersOf("team_cycle_figures", "team_id"),
      department: await membersOf("department_cycle_figures", "department_id"),
    },
  };
}

const mixArb = fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(100)).map(([a, b, c, d]) => {
  const cuts = [a, b, c, d].sort((x, y) => x - y);
  return [cuts[0]!, cuts[1]! - cuts[0]!, cuts[2]! - cuts[1]!, cuts[3]! - cuts[2]!, 100 - cuts[3]!];
});

type Write = typeof writeArb extends fc.Arbitrary<infer W> ? W : never;
const writeArb = fc.oneof(
  fc.record({
    op: fc.constant("status" as const),
    pick: fc.nat(),
    status: fc.constantFrom("draft", "submitted", "returned", "finalized"),
  }),
  fc.record({ op: fc.constant("mix" as const), pick: fc.nat(), mix: mixArb }),
  fc.record({
    op: fc.constant("ratings" as const),
    pick: fc.nat(),
    ratings: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 5, maxLength: 5 }),
  }),
  fc.record({ op: fc.constant("team" as const), pick: fc.nat(), team: fc.nat() }),
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("department" as const), team: fc.nat(), department: fc.nat() }),
  fc.record({ op: fc.constant("role" as const), pick: fc.nat(), version: fc.nat() }),
  // Head-counts: a person moves team on a day at or around a cycle's last day (the same day
  // counts them twice, as two membership rows cover it), a team's current members all leave,
  // a membership row goes, a person is deactivated or reactivated, a cycle's last day moves, a
  // new cycle starts.
  fc.record({
    op: fc.constant("move" as const),
    person: fc.nat(),
    team: fc.nat(),
    cycle: fc.nat(),
    day: fc.integer({ min: -1, max: 1 }),
    gap: fc.nat(1),
  }),
  fc.record({ op: fc.constant("teamLeaves" as const), team: fc.nat(), cycle: fc.nat() }),
  fc.record({ op: fc.constant("dropMembership" as const), membership: fc.nat() }),
  fc.record({ op: fc.constant("active" as const), person: fc.nat(), active: fc.boolean() }),
  fc.record({ op: fc.constant("cycleEnd" as const), cycle: fc.nat(), days: fc.integer({ min: -20, max: 20 }) }),
  fc.record({ op: fc.constant("newCycle" as const) }),
);

/** A write the database refuses (a check constraint) changes nothing, which the comparison then confirms. */
async function refusedIsFine(write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    const text = `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ""}`;
    if (!/violates (check|exclusion) constraint/.test(text)) throw error;
  }
}

describe("rollups kept by the triggers", () => {
  it("start equal to a from-scratch computation over the seeded organisation", async () => {
    const scratch = await fromScratch();
    expect(Object.keys(scratch.team).length).toBeGreaterThan(20);
    expect(await fromRollups()).toEqual(scratch);
  });

  it("stay equal to a from-scratch computation after random writes", async () => {
    const db = testDb.db;
    // Closed cycles refuse writes; this test writes to every cycle, so it opens them all.
    await db.update(reviewCycles).set({ status: "open" });
    const teamIds = (await db.select({ id: teams.id }).from(teams)).map((t) => t.id);
    const departmentIds = (await db.select({ id: departments.id }).from(departments)).map((d) => d.id);
    const versionIds = (await db.select({ id: roleProfileVersions.id }).from(roleProfileVersions)).map((v) => v.id);
    const personIds = (await db.select({ id: people.id }).from(people).orderBy(people.id)).map((p) => p.id);
    const cycleEnds = async () =>
      await db
        .select({ id: reviewCycles.id, endsOn: reviewCycles.endsOn })
        .from(reviewCycles)
        .orderBy(reviewCycles.startsOn);
    const dayAfter = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    /** The writes to memberships, people and cycles. */
    const membershipWrite = async (w: Write) => {
      const cycles = await cycleEnds();
      if (w.op === "move") {
        const personId = personIds[w.person % personIds.length]!;
        const on = dayAfter(cycles[w.cycle % cycles.length]!.endsOn, w.day);
        const [current] = await db
          .update(teamMemberships)
          .set({ endedOn: sql`greatest(${on}::date, ${teamMemberships.startedOn})` })
          .where(and(eq(teamMemberships.personId, personId), isNull(teamMemberships.endedOn)))
          .returning();
        await db.insert(teamMemberships).values({
          teamId: teamIds[w.team % teamIds.length]!,
          personId,
          startedOn: current ? dayAfter(current.endedOn!, w.gap) : on,
        });
      } else if (w.op === "teamLeaves")
        await db
          .update(teamMemberships)
          .set({
            endedOn: sql`greatest(${cycles[w.cycle % cycles.length]!.endsOn}::date, ${teamMemberships.startedOn})`,
          })
          .where(and(eq(teamMemberships.teamId, teamIds[w.team % teamIds.length]!), isNull(teamMemberships.endedOn)));
      else if (w.op === "dropMembership") {
        const ids = (await db.select({ id: teamMemberships.id }).from(teamMemberships).orderBy(teamMemberships.id)).map(
          (m) => m.id,
        );
        await db.delete(teamMemberships).where(eq(teamMemberships.id, ids[w.membership % ids.length]!));
      } else if (w.op === "active")
        await db
          .update(people)
          .set({ active: w.active })
          .where(eq(people.id, personIds[w.person % personIds.length]!));
      else if (w.op === "cycleEnd") {
        const cycle = cycles[w.cycle % cycles.length]!;
        await refusedIsFine(async () => {
          await db
            .update(reviewCycles)
            .set({ endsOn: dayAfter(cycle.endsOn, w.days) })
            .where(eq(reviewCycles.id, cycle.id));
        });
      } else if (w.op === "newCycle") {
        const [last] = await db.select().from(reviewCycles).orderBy(desc(reviewCycles.startsOn)).limit(1);
        const [year, quarter] = last!.name.split(" Q").map(Number) as [number, number];
        const next = quarter === 4 ? `${year + 1} Q1` : `${year} Q${quarter + 1}`;
        const startsOn = dayAfter(last!.endsOn, 1);
        await db.insert(reviewCycles).values({ name: next, startsOn, endsOn: dayAfter(startsOn, 90), status: "open" });
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 12 }), async (writes) => {
        for (const w of writes) {
          if (w.op === "department") {
            await db
              .update(teams)
              .set({ departmentId: departmentIds[w.department % departmentIds.length]! })
              .where(eq(teams.id, teamIds[w.team % teamIds.length]!));
            continue;
          }
          if (!("pick" in w)) {
            await membershipWrite(w);
            continue;
          }
          await refusedIsFine(async () => {
            const ids = (await db.select({ id: assessments.id }).from(assessments).orderBy(assessments.id)).map(
              (a) => a.id,
            );
            const id = ids[w.pick % ids.length]!;
            if (w.op === "status")
              await db
                .update(assessments)
                .set({ status: w.status, draftValues: null, submittedAt: sql`coalesce(submitted_at, now())` })
                .where(eq(assessments.id, id));
            else if (w.op === "mix") {
              const [s1, s2, s3, s4, s5] = w.mix;
              await db.update(assessments).set({ s1, s2, s3, s4, s5 }).where(eq(assessments.id, id));
            } else if (w.op === "ratings") {
              const [judgment, communication, stakeholders, systemsThinking, ownership] = w.ratings;
              await db
                .update(assessments)
                .set({ judgment, communication, stakeholders, systemsThinking, ownership })
                .where(eq(assessments.id, id));
            } else if (w.op === "team")
              await db
                .update(assessments)
                .set({ teamId: teamIds[w.team % teamIds.length]! })
                .where(eq(assessments.id, id));
            else if (w.op === "role")
              await db
                .update(assessments)
                .set({ roleVersionId: versionIds[w.version % (versionIds.length + 1)] ?? null })
                .where(eq(assessments.id, id));
            else if (w.op === "delete") {
              await db.execute(sql`delete from calibration_records where assessment_id = ${id}`);
              await db.delete(assessments).where(eq(assessments.id, id));
            }
          });
        }
        expect(await fromRollups()).toEqual(await fromScratch());
      }),
      { numRuns: 25 },
    );
  });
});
