import { eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_TEAM_ASSESSED, organizationOverview } from "@/db/queries/organization";
import { departments, people, roleProfileVersions, teamMemberships, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { groupFigures } from "@/lib/ladder";
import { actorByEmail } from "./helpers/actors";
import { effectiveAssessmentsFromRows } from "./helpers/effective-rows";
import { createTestDatabase, driverUnderTest } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let leader: Actor;

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  leader = await actorByEmail("priya.raman@northwind.example");
});
afterAll(() => testDb.dispose());

/** PostgreSQL's percentile_cont(0.5). */
function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) / 2;
  const lo = sorted[Math.floor(at)]!;
  return lo + (sorted[Math.ceil(at)]! - lo) * (at - Math.floor(at));
}

/** The page's scopes: the whole organisation and two departments, on both bases. */
async function scopes() {
  const list = await testDb.db.select().from(departments).orderBy(departments.id);
  return [undefined, list[0]!.id, list[1]!.id].flatMap((departmentId) =>
    (["best", "reviewed"] as const).map((basis) => ({ departmentId, basis })),
  );
}

describe(`the Organization page's roles and coverage from the rollups (${driverUnderTest})`, () => {
  it("each role's head-count, exposure and exposure class at the latest cycle match every effective assessment", async () => {
    const departmentOf = new Map((await testDb.db.select().from(teams)).map((t) => [t.id, t.departmentId]));
    const profileOf = new Map(
      (await testDb.db.select().from(roleProfileVersions)).map((v) => [v.id, v.roleProfileId] as const),
    );
    const rows = (await effectiveAssessmentsFromRows()).filter((r) => r.teamId !== null && r.roleVersionId !== null);
    let classes = 0;
    for (const scope of await scopes()) {
      const o = await organizationOverview(leader, scope, "complete");
      const latest = o.cycles[o.latestIndex]!;
      const byRole = new Map<number, typeof rows>();
      for (const r of rows)
        if (
          r.cycleId === latest.id &&
          (scope.departmentId === undefined || departmentOf.get(r.teamId!) === scope.departmentId) &&
          (scope.basis === "best" || r.kind === "manager")
        ) {
          const id = profileOf.get(r.roleVersionId!)!;
          byRole.set(id, [...(byRole.get(id) ?? []), r]);
        }
      const shown = [...byRole].filter(([, rs]) => rs.length >= MIN_TEAM_ASSESSED);
      expect(o.roles.map((r) => r.id).sort()).toEqual(shown.map(([id]) => id).sort());
      expect(o.roleCounts.hidden).toBe(byRole.size - shown.length);
      for (const [id, rs] of shown) {
        const role = o.roles.find((r) => r.id === id)!;
        const mean = (k: "s1" | "s2" | "s3" | "s4" | "s5") => rs.reduce((s, r) => s + r.mix[k], 0) / rs.length;
        const figures = groupFigures({
          count: rs.length,
          s1: mean("s1"),
          s2: mean("s2"),
          s3: mean("s3"),
          s4: mean("s4"),
          s5: mean("s5"),
        });
        const exposure = median(rs.map((r) => r.mix.s1 + r.mix.s2 / 2));
        const upper = median(rs.map((r) => r.mix.s3 + r.mix.s4 + r.mix.s5));
        expect(role.headCount).toBe(rs.length);
        expect(role.exposure).toBeCloseTo(figures.aiExposure, 9);
        expect(role.exposureClass).toBe(exposure >= 50 ? "exposed" : upper >= 50 ? "enhanced" : "in_transition");
        classes++;
      }
      // The page lists the eight most exposed and the ten most enhanced (by ownership + system
      // share), ties by id, and counts them all.
      const page = await organizationOverview(leader, scope);
      const ranked = shown.map(([id, rs]) => {
        const sum = (f: (r: (typeof rs)[number]) => number) => rs.reduce((t, r) => t + f(r), 0);
        const role = o.roles.find((r) => r.id === id)!;
        return {
          id,
          cls: role.exposureClass,
          byExposure: sum((r) => 2 * r.mix.s1 + r.mix.s2) / rs.length,
          byUpper: sum((r) => r.mix.s3 + r.mix.s4 + r.mix.s5) / rs.length,
        };
      });
      const top = [...ranked].sort((a, b) => b.byExposure - a.byExposure || a.id - b.id).slice(0, 8);
      const enhanced = ranked.filter((r) => r.cls === "enhanced");
      const topEnhanced = [...enhanced].sort((a, b) => b.byUpper - a.byUpper || a.id - b.id).slice(0, 10);
      expect(page.roles.map((r) => r.id).sort()).toEqual(
        [...new Set([...top, ...topEnhanced].map((r) => r.id))].sort(),
      );
      expect(page.roleCounts).toEqual({
        total: shown.length,
        exposed: ranked.filter((r) => r.cls === "exposed").length,
        enhanced: enhanced.length,
        hidden: byRole.size - shown.length,
      });
    }
    expect(classes).toBeGreaterThan(10);
  });

  it("each cycle's head-count is the active people who were members of a team in scope on its last day", async () => {
    // Someone leaves their team on a quarter's last day and someone else is deactivated first, so
    // the count has something to leave out.
    const current = await testDb.db.select().from(teamMemberships).where(isNull(teamMemberships.endedOn)).limit(2);
    const before = await organizationOverview(leader);
    const lastDay = before.coverage[1]!.cycle.endsOn;
    await testDb.db
      .update(teamMemberships)
      .set({ endedOn: sql`greatest(${lastDay}::date, ${teamMemberships.startedOn})` })
      .where(eq(teamMemberships.id, current[0]!.id));
    await testDb.db.update(people).set({ active: false }).where(eq(people.id, current[1]!.personId));
    const memberships = await testDb.db.select().from(teamMemberships);
    const active = new Set((await testDb.db.select().from(people)).filter((p) => p.active).map((p) => p.id));
    expect(active.has(current[1]!.personId)).toBe(false);
    const departmentOf = new Map((await testDb.db.select().from(teams)).map((t) => [t.id, t.departmentId]));
    for (const scope of await scopes()) {
      const o = await organizationOverview(leader, scope);
      expect(o.coverage.length).toBeGreaterThan(3);
      for (const c of o.coverage) {
        const members = memberships.filter(
          (m) =>
            active.has(m.personId) &&
            (scope.departmentId === undefined || departmentOf.get(m.teamId) === scope.departmentId) &&
            m.startedOn <= c.cycle.endsOn &&
            (m.endedOn === null || m.endedOn >= c.cycle.endsOn),
        ).length;
        expect(c.active).toBe(Math.max(members, c.assessed));
      }
    }
  });
});
