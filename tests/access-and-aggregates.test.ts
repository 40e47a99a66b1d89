import { and, eq, isNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mySelfAssessmentInOpenCycle } from "@/db/queries/assessments";
import { myClosedQuarters } from "@/db/queries/my-history";
import { listTeamsWithDepartment, organizationOverview, teamTrendForOrganization } from "@/db/queries/organization";
import { findActivePersonById } from "@/db/queries/people";
import { getReview } from "@/db/queries/reviews";
import { listManagedTeams } from "@/db/queries/team";
import { teamTrends } from "@/db/queries/team-trends";
import { assessments, people, reviewCycles, teamMemberships, teams } from "@/db/schema";
import { AccessDeniedError } from "@/lib/authz";
import { type LevelMix, leverageIndex, meanMix } from "@/lib/ladder";
import { actorByEmail } from "./helpers/actors";
import { effectiveAssessmentsFromRows } from "./helpers/effective-rows";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
});
afterAll(() => testDb.dispose());

/** The organisation's mean index per cycle, computed in JavaScript from every assessment row. */
async function indexesFromRawRows(filterTeamId?: number) {
  const mixesByCycle = new Map<number, LevelMix[]>();
  for (const chosen of await effectiveAssessmentsFromRows()) {
    if (filterTeamId !== undefined && chosen.teamId !== filterTeamId) continue;
    mixesByCycle.set(chosen.cycleId, [...(mixesByCycle.get(chosen.cycleId) ?? []), chosen.mix]);
  }
  return new Map([...mixesByCycle].map(([cycleId, mixes]) => [cycleId, meanMix(mixes)!]));
}

describe("organisation aggregates", () => {
  it("match the ladder formulas applied to every effective assessment", async () => {
    const leader = await actorByEmail("priya.raman@northwind.example");
    const { org } = await organizationOverview(leader);
    const fromRows = await indexesFromRawRows();
    expect(org).toHaveLength(8);
    for (const { cycle, figures } of org) {
      const expected = fromRows.get(cycle.id)!;
      expect(figures?.count).toBe(expected.count);
      expect(figures?.leverageIndex).toBeCloseTo(leverageIndex(expected), 9);
    }
  });

  it("group a team's history by the team recorded on each assessment", async () => {
    const leader = await actorByEmail("priya.raman@northwind.example");
    const [fpa] = await testDb.db.select().from(teams).where(eq(teams.name, "FP&A"));
    const overview = await organizationOverview(leader);
    const points = overview.teamSeries.find((s) => s.team.id === fpa!.id)!.points;
    const fromRows = await indexesFromRawRows(fpa!.id);
    expect(points.filter((p) => p !== null).length).toBe(fromRows.size);
    overview.cycles.forEach((cycle, i) => {
      const expected = fromRows.get(cycle.id);
      if (expected) expect(points[i]?.leverageIndex).toBeCloseTo(leverageIndex(expected), 9);
      else expect(points[i]).toBeNull();
    });
    // The drill-in from the Organization page gives the same figures.
    const trend = await teamTrendForOrganization(leader, fpa!.id);
    expect(trend).not.toBeNull();
  });

  it("are refused to employees and managers", async () => {
    for (const email of ["maya.chen@northwind.example", "daniel.okafor@northwind.example"]) {
      const actor = await actorByEmail(email);
      await expect(organizationOverview(actor)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(teamTrendForOrganization(actor, 1)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(listTeamsWithDepartment(actor)).rejects.toBeInstanceOf(AccessDeniedError);
    }
  });
});

describe("manager scope", () => {
  it("a manager manages the current members of their team and nobody else", async () => {
    const daniel = await actorByEmail("daniel.okafor@northwind.example");
    const maya = await actorByEmail("maya.chen@northwind.example");
    expect((await getReview(daniel, maya.id)).person.id).toBe(maya.id);

    const [otherMember] = await testDb.db
      .select({ personId: teamMemberships.personId })
      .from(teamMemberships)
      .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
      .where(and(isNull(teamMemberships.endedOn), ne(teams.managerId, daniel.id)))
      .limit(1);
    await expect(getReview(daniel, otherMember!.personId)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("a manager's team figures cover only the teams they manage, even when asked for others", async () => {
    const daniel = await actorByEmail("daniel.okafor@northwind.example");
    const managed = await listManagedTeams(daniel);
    expect(managed.map((t) => t.name)).toEqual(["FP&A"]);
    const trends = await teamTrends(daniel, managed[0]!.id);
    const fromRows = await indexesFromRawRows(managed[0]!.id);
    expect(trends.cycles.length).toBe(fromRows.size);
    for (const cycle of trends.cycles)
      expect(cycle.figures.leverageIndex).toBeCloseTo(leverageIndex(fromRows.get(cycle.cycleId)!), 9);
    const otherTeams = await testDb.db.select({ id: teams.id }).from(teams).where(ne(teams.id, managed[0]!.id));
    expect(otherTeams.length).toBeGreaterThan(0);
    for (const other of otherTeams)
      await expect(teamTrends(daniel, other.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("employees cannot ask for team figures", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    await expect(listManagedTeams(maya)).rejects.toBeInstanceOf(AccessDeniedError);
    const [fpa] = await testDb.db.select().from(teams).where(eq(teams.name, "FP&A"));
    await expect(teamTrends(maya, fpa!.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("own assessments", () => {
  it("the self-assessment page reads only the person's own self-assessment", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    const [open] = await testDb.db.select().from(reviewCycles).where(eq(reviewCycles.status, "open"));
    const inOpenCycle = await testDb.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.subjectId, maya.id), eq(assessments.cycleId, open!.id)));
    const self = inOpenCycle.find((a) => a.kind === "self")!;
    const mine = await mySelfAssessmentInOpenCycle(maya);
    expect(mine?.assessment?.id).toBe(self.id);
    expect(mine?.assessment?.version).toBe(self.version);
    const [someoneElses] = await testDb.db
      .select()
      .from(assessments)
      .where(and(ne(assessments.subjectId, maya.id), eq(assessments.cycleId, open!.id), eq(assessments.kind, "self")))
      .limit(1);
    expect(mine?.assessment?.id).not.toBe(someoneElses!.id);
  });

  it("an employee sees the manager's review only once it is finalized", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    const [open] = await testDb.db.select().from(reviewCycles).where(eq(reviewCycles.status, "open"));
    // Give Maya a manager review in progress for the open cycle.
    const [selfRow] = await testDb.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.subjectId, maya.id), eq(assessments.cycleId, open!.id), eq(assessments.kind, "self")));
    const daniel = await actorByEmail("daniel.okafor@northwind.example");
    await testDb.db.insert(assessments).values({
      cycleId: open!.id,
      subjectId: maya.id,
      kind: "manager",
      authorId: daniel.id,
      teamId: selfRow!.teamId,
      status: "draft",
    });
    // Read as the history page will once the cycle closes; then reopened.
    await testDb.db.update(reviewCycles).set({ status: "closed" }).where(eq(reviewCycles.id, open!.id));
    const quarters = await myClosedQuarters(maya).finally(() =>
      testDb.db.update(reviewCycles).set({ status: "open" }).where(eq(reviewCycles.id, open!.id)),
    );
    expect(quarters.find((q) => q.cycleId === open!.id)?.manager ?? null).toBeNull();
    expect(quarters.filter((q) => q.manager !== null).length).toBe(7);
  });
});

describe("deactivation", () => {
  it("a deactivated person is no longer found as a signed-in actor, so their sessions stop working", async () => {
    const [person] = await testDb.db
      .insert(people)
      .values({ name: "Leaving Soon", email: "leaving.soon@northwind.example", passwordHash: "x".repeat(60) })
      .returning();
    expect((await findActivePersonById(person!.id))?.email).toBe("leaving.soon@northwind.example");
    await testDb.db.update(people).set({ active: false }).where(eq(people.id, person!.id));
    expect(await findActivePersonById(person!.id)).toBeNull();
  });

  it("a changed role takes effect at the next request", async () => {
    const [person] = await testDb.db
      .insert(people)
      .values({ name: "Promoted Soon", email: "promoted.soon@northwind.example", passwordHash: "x".repeat(60) })
      .returning();
    expect((await findActivePersonById(person!.id))?.role).toBe("employee");
    await testDb.db.update(people).set({ appRole: "manager" }).where(eq(people.id, person!.id));
    expect((await findActivePersonById(person!.id))?.role).toBe("manager");
  });
});
