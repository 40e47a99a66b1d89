import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamTrends } from "@/db/queries/team-trends";
import { assessments, people, reviewCycles, roleProfileVersions, teams } from "@/db/schema";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { dominantLevel, leverageIndex, meanMix } from "@/lib/ladder";
import { effectiveAssessmentsFromRows } from "./helpers/effective-rows";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let daniel: Actor;
let fpaId: number;

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  const [p] = await testDb.db.select().from(people).where(eq(people.email, "daniel.okafor@northwind.example"));
  daniel = { id: p!.id, name: p!.name, email: p!.email, role: p!.appRole };
  const [fpa] = await testDb.db.select().from(teams).where(eq(teams.name, "FP&A"));
  fpaId = fpa!.id;
});
afterAll(() => testDb.dispose());

/** The effective assessments of a team per cycle, chosen in JavaScript from every row. */
async function effectiveRows(teamId: number) {
  return (await effectiveAssessmentsFromRows()).filter((c) => c.teamId === teamId);
}

describe("dominantLevel", () => {
  it("is the level with the largest share, ties going to the lower level", () => {
    expect(dominantLevel({ s1: 10, s2: 20, s3: 40, s4: 20, s5: 10 })).toBe(3);
    expect(dominantLevel({ s1: 30, s2: 30, s3: 20, s4: 20, s5: 0 })).toBe(1);
    expect(dominantLevel({ s1: 0, s2: 0, s3: 0, s4: 50, s5: 50 })).toBe(4);
    expect(dominantLevel({ s1: 0, s2: 0, s3: 0, s4: 0, s5: 100 })).toBe(5);
  });
});

describe("team trends", () => {
  it("give the team's mean level mix per cycle, by the team recorded on each assessment, matching the formulas", async () => {
    const trends = await teamTrends(daniel, fpaId);
    const rows = await effectiveRows(fpaId);
    const cycles = await testDb.db.select().from(reviewCycles);
    expect(trends.cycles.map((c) => c.cycleName)).toEqual(
      [...new Set(rows.map((r) => r.cycleId))]
        .map((id) => cycles.find((c) => c.id === id)!)
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
        .map((c) => c.name),
    );
    expect(trends.cycles).toHaveLength(8);
    for (const cycle of trends.cycles) {
      const mean = meanMix(rows.filter((r) => r.cycleId === cycle.cycleId).map((r) => r.mix))!;
      expect(cycle.figures.count).toBe(mean.count);
      expect(cycle.figures.leverageIndex).toBeCloseTo(leverageIndex(mean), 9);
      expect(cycle.figures.mix.s3).toBeCloseTo(mean.s3, 9);
    }
    // The demo story: FP&A climbs the ladder over the eight quarters.
    expect(trends.cycles[6]!.figures.leverageIndex).toBeGreaterThan(trends.cycles[0]!.figures.leverageIndex + 0.8);
    expect(trends.cycles.at(-1)!.open).toBe(true);
  });

  it("count members by dominant level and each role's mix in the latest cycle, as the formulas would", async () => {
    const trends = await teamTrends(daniel, fpaId);
    const latest = trends.latest!;
    const rows = (await effectiveRows(fpaId)).filter((r) => r.cycleId === latest.cycleId);
    for (const level of [1, 2, 3, 4, 5]) {
      expect(latest.distribution.find((d) => d.level === level)!.count).toBe(
        rows.filter((r) => dominantLevel(r.mix) === level).length,
      );
    }
    const versions = await testDb.db.select().from(roleProfileVersions);
    for (const role of latest.roles) {
      const inRole = rows.filter((r) => versions.find((v) => v.id === r.roleVersionId)?.roleProfileId === role.roleId);
      expect(role.actual.count).toBe(inRole.length);
      expect(role.actual.leverageIndex).toBeCloseTo(leverageIndex(meanMix(inRole.map((r) => r.mix))!), 9);
      const newest = versions.filter((v) => v.roleProfileId === role.roleId).sort((a, b) => b.version - a.version)[0]!;
      expect(role.target).toEqual({ s1: newest.s1, s2: newest.s2, s3: newest.s3, s4: newest.s4, s5: newest.s5 });
    }
    expect(latest.roles.reduce((n, r) => n + r.actual.count, 0)).toBe(
      rows.filter((r) => r.roleVersionId !== null).length,
    );
  });

  it("keep a moved person's past quarters with the team they were in then", async () => {
    // Anyone whose assessments name more than one team over the cycles.
    const rows = await testDb.db
      .select({ subjectId: assessments.subjectId, teamId: assessments.teamId, cycleId: assessments.cycleId })
      .from(assessments);
    const teamsOf = new Map<number, Set<number>>();
    for (const r of rows) {
      if (r.teamId !== null) teamsOf.set(r.subjectId, (teamsOf.get(r.subjectId) ?? new Set()).add(r.teamId));
    }
    const mover = [...teamsOf].find(([, s]) => s.size > 1);
    expect(mover).toBeDefined();
    const [moverId, moverTeams] = mover!;
    for (const teamId of moverTeams) {
      const [team] = await testDb.db.select().from(teams).where(eq(teams.id, teamId));
      const manager: Actor = { id: team!.managerId!, name: "m", email: "m@x", role: "manager" };
      const trends = await teamTrends(manager, teamId);
      const expected = (await effectiveRows(teamId)).filter((r) => r.subjectId === moverId).map((r) => r.cycleId);
      for (const cycleId of expected) expect(trends.cycles.some((c) => c.cycleId === cycleId)).toBe(true);
    }
  });

  it("are refused for a team the manager does not manage, and to employees", async () => {
    const [other] = await testDb.db
      .select()
      .from(teams)
      .where(and(ne(teams.managerId, daniel.id)));
    await expect(teamTrends(daniel, other!.id)).rejects.toBeInstanceOf(AccessDeniedError);
    const [maya] = await testDb.db.select().from(people).where(eq(people.email, "maya.chen@northwind.example"));
    await expect(
      teamTrends({ id: maya!.id, name: maya!.name, email: maya!.email, role: "employee" }, fpaId),
    ).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
