import { asc, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeCycle, reopenCycle } from "@/db/queries/admin";
import {
  type Basis,
  calibrationByTeam,
  organizationOverview,
  type TeamTableSort,
  teamFiguresPage,
  topMoverIds,
} from "@/db/queries/organization";
import {
  assessments,
  closedRangeCalibration,
  closedRangeRankings,
  departments,
  reviewCycles,
  roleProfiles,
  teams,
} from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { demoActors } from "./helpers/actors";
import { createTestDatabase, driverUnderTest } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: Actor;
let leader: Actor;

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  ({ admin, leader } = await demoActors());
});
afterAll(() => testDb.dispose());

const cyclesInOrder = async () =>
  await testDb.db
    .select({ id: reviewCycles.id, status: reviewCycles.status })
    .from(reviewCycles)
    .where(sql`${reviewCycles.status} <> 'draft'`)
    .orderBy(asc(reviewCycles.startsOn));

/** The rankings the page asks for: both kinds, the organisation and a department, both bases, top 3 and all. */
async function queries() {
  const cycles = (await cyclesInOrder()).map((c) => c.id);
  const [department] = await testDb.db.select({ id: departments.id }).from(departments).orderBy(departments.id);
  return (["team", "role"] as const).flatMap((kind) =>
    [null, department!.id].flatMap((departmentId) =>
      (["best", "reviewed"] as Basis[]).flatMap((basis) =>
        [3, null].flatMap((limit) =>
          [cycles, cycles.slice(0, 3)].map((cycleIds) => ({ kind, cycleIds, departmentId, basis, limit })),
        ),
      ),
    ),
  );
}

/** Each ranking as kept (or filled now) and as computed live; they must be the same. */
async function compareWithLive() {
  const db = testDb.db;
  for (const q of await queries()) {
    const kept = await topMoverIds(db, q.kind, q.cycleIds, q.departmentId, q.basis, q.limit, true);
    const live = await topMoverIds(db, q.kind, q.cycleIds, q.departmentId, q.basis, q.limit, false);
    expect(kept, JSON.stringify(q)).toEqual(live);
  }
}

/**
 * What else is kept for closed cycles (migration 0019), against the same computed from scratch: the
 * calibration per team, the page as a whole (latest roles, counts, calibration, movers) and the
 * team table's pages.
 */
async function compareKeptFiguresWithLive() {
  const db = testDb.db;
  const cycles = await cyclesInOrder();
  const [department] = await db.select({ id: departments.id }).from(departments).orderBy(departments.id);
  const closedRange = cycles.filter((c) => c.status === "closed");
  for (const [departmentId, range, limit] of [
    [null, cycles, 3],
    [null, closedRange.slice(0, 3), undefined],
    [department!.id, cycles, undefined],
  ] as const) {
    const kept = await calibrationByTeam(db, range, departmentId, limit);
    const live = await calibrationByTeam(
      db,
      range.map((c) => ({ ...c, status: "open" })),
      departmentId,
      limit,
    );
    expect(kept, JSON.stringify({ departmentId, range, limit })).toEqual(live);
  }
  const latest = closedRange.at(-1);
  for (const [sort, desc, departmentId] of [
    ["change", true, undefined],
    ["department", false, department!.id],
  ] as [TeamTableSort, boolean, number | undefined][]) {
    if (!latest) break;
    const options = { cycleId: latest.id, sinceCycleId: cycles[0]!.id, departmentId, basis: "best" as Basis };
    const page = { ...options, sort, desc, page: 1 };
    const kept = await teamFiguresPage(leader, { ...page, closed: true });
    expect(kept, JSON.stringify(page)).toEqual(await teamFiguresPage(leader, page));
  }
  // Last, as it clears what is kept: each page as read with what was kept so far, against the same
  // computed afresh (which keeps it again for the next comparison, after the next writes).
  const kept = await organizationOverview(leader, {});
  await db.delete(closedRangeRankings);
  expect(kept).toEqual(await organizationOverview(leader, {}));
}

/** Only rankings of ranges whose cycles are all closed are kept. */
async function keptRangesAllClosed() {
  const closed = new Set((await cyclesInOrder()).filter((c) => c.status === "closed").map((c) => c.id));
  const kept = await testDb.db.select().from(closedRangeRankings);
  for (const row of kept) expect(row.cycleIds.every((id) => closed.has(id))).toBe(true);
  return kept.length;
}

type Op =
  | { op: "close" | "reopen" | "reopenSql"; cycle: number }
  | { op: "write"; pick: number; mix: readonly number[] }
  | { op: "department"; team: number; department: number }
  | { op: "roleTeam"; role: number; team: number }
  | { op: "closedRollup"; pick: number }
  | { op: "renameTeam" | "renameDepartment"; pick: number }
  | { op: "addTeam"; department: number }
  | { op: "rebuild" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom("close", "reopen", "reopenSql" as const), cycle: fc.nat() }),
  fc.record({
    op: fc.constant("write" as const),
    pick: fc.nat(),
    mix: fc.constantFrom([60, 20, 10, 5, 5], [5, 5, 10, 20, 60], [20, 20, 20, 20, 20], [0, 0, 0, 0, 100]),
  }),
  fc.record({ op: fc.constant("department" as const), team: fc.nat(), department: fc.nat() }),
  fc.record({ op: fc.constant("roleTeam" as const), role: fc.nat(), team: fc.nat() }),
  fc.record({ op: fc.constant("closedRollup" as const), pick: fc.nat() }),
  fc.record({ op: fc.constantFrom("renameTeam", "renameDepartment" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("addTeam" as const), department: fc.nat() }),
  fc.record({ op: fc.constant("rebuild" as const) }),
);

describe(`the movers' rankings and the page's figures kept for closed cycles (${driverUnderTest})`, () => {
  it("are kept on first request, and only for ranges of closed cycles", async () => {
    const db = testDb.db;
    const cycles = await cyclesInOrder();
    const closed = cycles.filter((c) => c.status === "closed").map((c) => c.id);
    expect(closed.length).toBeGreaterThanOrEqual(2);
    await db.delete(closedRangeRankings);
    const ids = await topMoverIds(db, "role", closed, null, "best", 3, true);
    expect(ids.length).toBeGreaterThan(0);
    const [row] = await db.select().from(closedRangeRankings);
    expect(row).toMatchObject({ kind: "role", cycleIds: closed, departmentId: null, basis: "best", rowLimit: 3, ids });
    // A range with an open cycle is computed, never kept.
    const open = cycles.filter((c) => c.status === "open").map((c) => c.id);
    expect(open.length).toBeGreaterThan(0);
    await topMoverIds(db, "role", [...closed, ...open], null, "best", 3, true);
    expect(await db.$count(closedRangeRankings)).toBe(1);
  });

  it("concurrent first requests both get the ranking, kept once", async () => {
    const db = testDb.db;
    await db.delete(closedRangeRankings);
    const closed = (await cyclesInOrder()).filter((c) => c.status === "closed").map((c) => c.id);
    const [a, b, c] = await Promise.all(
      [0, 1, 2].map(() => topMoverIds(db, "team", closed, null, "reviewed", 5, true)),
    );
    expect(a).toEqual(b);
    expect(b).toEqual(c);
    expect(a).toEqual(await topMoverIds(db, "team", closed, null, "reviewed", 5, false));
    expect(await db.$count(closedRangeRankings)).toBe(1);
  });

  it("equal a live computation after closing, re-opening, writing, moving, renaming and adding teams and roles, and rebuilding", async () => {
    const db = testDb.db;
    const teamIds = (await db.select({ id: teams.id }).from(teams).orderBy(teams.id)).map((t) => t.id);
    const departmentIds = (await db.select({ id: departments.id }).from(departments)).map((d) => d.id);
    const roleIds = (await db.select({ id: roleProfiles.id }).from(roleProfiles).orderBy(roleProfiles.id)).map(
      (r) => r.id,
    );
    await compareWithLive();
    await compareKeptFiguresWithLive();
    await organizationOverview(leader, {});
    await teamFiguresPage(leader, {
      cycleId: (await cyclesInOrder()).filter((c) => c.status === "closed").at(-1)!.id,
      sinceCycleId: (await cyclesInOrder())[0]!.id,
      basis: "best",
      sort: "index",
      desc: true,
      page: 1,
      closed: true,
    });
    const kinds = new Set(
      (await db.select({ kind: closedRangeRankings.kind }).from(closedRangeRankings)).map((r) => r.kind),
    );
    expect([...kinds]).toEqual(expect.arrayContaining(["calib", "role", "roles", "teams"]));
    expect(await db.$count(closedRangeCalibration)).toBeGreaterThan(0);
    expect(await keptRangesAllClosed()).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const o of ops) {
          const cycles = await cyclesInOrder();
          if (o.op === "close" || o.op === "reopen" || o.op === "reopenSql") {
            const cycle = cycles[o.cycle % cycles.length]!;
            if (o.op === "close" && cycle.status === "open") await closeCycle(admin, cycle.id);
            else if (o.op === "reopen" && cycle.status === "closed")
              await reopenCycle(admin, cycle.id, "A review was finalized with the wrong mix");
            else if (o.op === "reopenSql" && cycle.status === "closed")
              await db.execute(sql`select * from reopen_review_cycle(${cycle.id}, ${admin.id}, 'late review')`);
          } else if (o.op === "write") {
            // Into an open cycle only: the database refuses writes to a closed one.
            const open = cycles.filter((c) => c.status === "open").map((c) => c.id);
            if (open.length === 0) continue;
            const rows = await db
              .select({ id: assessments.id })
              .from(assessments)
              .where(sql`${assessments.cycleId} in ${open} and ${assessments.s1} is not null`)
              .orderBy(assessments.id);
            if (rows.length === 0) continue;
            const [s1, s2, s3, s4, s5] = o.mix;
            await db
              .update(assessments)
              .set({ s1, s2, s3, s4, s5 })
              .where(eq(assessments.id, rows[o.pick % rows.length]!.id));
          } else if (o.op === "department")
            await db
              .update(teams)
              .set({ departmentId: departmentIds[o.department % departmentIds.length]! })
              .where(eq(teams.id, teamIds[o.team % teamIds.length]!));
          else if (o.op === "roleTeam")
            await db
              .update(roleProfiles)
              .set({ teamId: teamIds[o.team % teamIds.length]! })
              .where(eq(roleProfiles.id, roleIds[o.role % roleIds.length]!));
          else if (o.op === "closedRollup") {
            // A write under a closed cycle that no trigger on assessments made (as a repair would).
            const closed = cycles.filter((c) => c.status === "closed").map((c) => c.id);
            if (closed.length === 0) continue;
            const cycle = closed[o.pick % closed.length]!;
            const change = [
              sql`update team_cycle_figures set sum_s1 = sum_s1 + 40, sum_s5 = greatest(sum_s5 - 40, 0), reviewed_s5 = reviewed_s5 + 30`,
              sql`update role_cycle_figures set sum_s1 = sum_s1 + 40, sum_s5 = greatest(sum_s5 - 40, 0), reviewed_s5 = reviewed_s5 + 30`,
              sql`update team_cycle_figures set pairs = pairs + 3, abs_gap_sum = abs_gap_sum + 90 * (team_id % 3), agree = agree + 3`,
              sql`update role_cycle_figures set median_exposure = 100 - coalesce(median_exposure, 0), median_upper = 25`,
            ][o.pick % 4]!;
            await db.execute(sql`${change} where cycle_id = ${cycle} and assessed >= 3`);
          } else if (o.op === "renameTeam")
            await db
              .update(teams)
              .set({ name: sql`'A' || ${teams.name}` })
              .where(eq(teams.id, teamIds[o.pick % teamIds.length]!));
          else if (o.op === "renameDepartment")
            await db
              .update(departments)
              .set({ name: sql`'A' || ${departments.name}` })
              .where(eq(departments.id, departmentIds[o.pick % departmentIds.length]!));
          else if (o.op === "addTeam")
            await db.insert(teams).values({
              name: `Aardvark ${Math.random()}`,
              departmentId: departmentIds[o.department % departmentIds.length]!,
            });
          else await db.execute(sql`select rebuild_assessment_rollups()`);
          await compareWithLive();
          await compareKeptFiguresWithLive();
          await keptRangesAllClosed();
        }
      }),
      { numRuns: 8 },
    );
  });
});
