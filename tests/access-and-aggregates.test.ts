import { and, eq, isNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { myAssessmentsByCycle } from "@/db/queries/my-assessments";
import { listTeamsWithDepartment, orgFiguresByCycle, teamFiguresByCycle } from "@/db/queries/organization";
import { findActivePersonById, isOwnAssessment, managesPerson } from "@/db/queries/people";
import { listManagedTeams, managedTeamFiguresByCycle } from "@/db/queries/team";
import { assessments, people, reviewCycles, teamMemberships, teams } from "@/db/schema";
import { seedDemoOrganisation } from "@/db/seed";
import { AccessDeniedError } from "@/lib/authz";
import { effectiveAssessment, type LevelMix, leverageIndex, meanMix } from "@/lib/ladder";
import { actorByEmail } from "./helpers/actors";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoOrganisation(testDb.db);
});
afterAll(() => testDb.dispose());

/** The organisation's mean index per cycle, computed in JavaScript from every assessment row. */
async function indexesFromRawRows(filterTeamId?: number) {
  const rows = await testDb.db.select().from(assessments);
  const byPerson = new Map<string, { self: (typeof rows)[number] | null; manager: (typeof rows)[number] | null }>();
  for (const row of rows) {
    const key = `${row.cycleId}:${row.subjectId}`;
    const entry = byPerson.get(key) ?? { self: null, manager: null };
    entry[row.kind] = row;
    byPerson.set(key, entry);
  }
  const mixesByCycle = new Map<number, LevelMix[]>();
  for (const { self, manager } of byPerson.values()) {
    const toCounted = (a: typeof self) =>
      a && { ...a, mix: a.s1 === null ? null : ({ s1: a.s1, s2: a.s2!, s3: a.s3!, s4: a.s4!, s5: a.s5! } as LevelMix) };
    const chosen = effectiveAssessment(toCounted(self), toCounted(manager));
    if (!chosen?.mix || (filterTeamId !== undefined && chosen.teamId !== filterTeamId)) continue;
    mixesByCycle.set(chosen.cycleId, [...(mixesByCycle.get(chosen.cycleId) ?? []), chosen.mix]);
  }
  return new Map([...mixesByCycle].map(([cycleId, mixes]) => [cycleId, meanMix(mixes)!]));
}

describe("organisation aggregates", () => {
  it("match the ladder formulas applied to every effective assessment", async () => {
    const leader = await actorByEmail("priya.raman@northwind.example");
    const fromSql = await orgFiguresByCycle(leader);
    const fromRows = await indexesFromRawRows();
    expect(fromSql).toHaveLength(8);
    for (const cycle of fromSql) {
      const expected = fromRows.get(cycle.cycleId)!;
      expect(cycle.figures?.count).toBe(expected.count);
      expect(cycle.figures?.leverageIndex).toBeCloseTo(leverageIndex(expected), 9);
    }
  });

  it("group a team's history by the team recorded on each assessment", async () => {
    const leader = await actorByEmail("priya.raman@northwind.example");
    const [fpa] = await testDb.db.select().from(teams).where(eq(teams.name, "FP&A"));
    const fromSql = (await teamFiguresByCycle(leader)).filter((f) => f.teamId === fpa!.id);
    const fromRows = await indexesFromRawRows(fpa!.id);
    expect(fromSql.length).toBe(fromRows.size);
    for (const row of fromSql)
      expect(row.figures.leverageIndex).toBeCloseTo(leverageIndex(fromRows.get(row.cycleId)!), 9);
  });

  it("are refused to employees and managers", async () => {
    for (const email of ["maya.chen@northwind.example", "daniel.okafor@northwind.example"]) {
      const actor = await actorByEmail(email);
      await expect(orgFiguresByCycle(actor)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(teamFiguresByCycle(actor)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(listTeamsWithDepartment(actor)).rejects.toBeInstanceOf(AccessDeniedError);
    }
  });
});

describe("manager scope", () => {
  it("a manager manages the current members of their team and nobody else", async () => {
    const daniel = await actorByEmail("daniel.okafor@northwind.example");
    const maya = await actorByEmail("maya.chen@northwind.example");
    expect(await managesPerson(daniel.id, maya.id)).toBe(true);

    const [otherMember] = await testDb.db
      .select({ personId: teamMemberships.personId })
      .from(teamMemberships)
      .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
      .where(and(isNull(teamMemberships.endedOn), ne(teams.managerId, daniel.id)))
      .limit(1);
    expect(await managesPerson(daniel.id, otherMember!.personId)).toBe(false);
  });

  it("a manager's team figures cover only the teams they manage, even when asked for others", async () => {
    const daniel = await actorByEmail("daniel.okafor@northwind.example");
    const managed = await listManagedTeams(daniel);
    expect(managed.map((t) => t.name)).toEqual(["FP&A"]);
    const allTeams = await testDb.db.select({ id: teams.id }).from(teams);
    const figures = await managedTeamFiguresByCycle(
      daniel,
      allTeams.map((t) => t.id),
    );
    expect(figures.length).toBeGreaterThan(0);
    expect(new Set(figures.map((f) => f.teamId))).toEqual(new Set([managed[0]!.id]));
  });

  it("employees cannot ask for team figures", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    await expect(listManagedTeams(maya)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("own assessments", () => {
  it("isOwnAssessment is true only for the person's own self-assessment", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    const mine = await testDb.db.select().from(assessments).where(eq(assessments.subjectId, maya.id));
    const self = mine.find((a) => a.kind === "self")!;
    const managers = mine.find((a) => a.kind === "manager")!;
    expect(await isOwnAssessment(maya.id, self.id)).toBe(true);
    expect(await isOwnAssessment(maya.id, managers.id)).toBe(false);
    const [someoneElses] = await testDb.db
      .select()
      .from(assessments)
      .where(ne(assessments.subjectId, maya.id))
      .limit(1);
    expect(await isOwnAssessment(maya.id, someoneElses!.id)).toBe(false);
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
    const cycles = await myAssessmentsByCycle(maya);
    const openEntry = cycles.find((c) => c.cycleId === open!.id)!;
    expect(openEntry.manager).toBeNull();
    expect(cycles.filter((c) => c.manager !== null).length).toBe(7);
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
