import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizationOverview, teamFiguresPage } from "@/db/queries/organization";
import { departments, people, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { actorByEmail } from "./helpers/actors";
import { createTestDatabase, driverUnderTest } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let leader: Actor;

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  leader = await actorByEmail("priya.raman@northwind.example");
});
afterAll(() => testDb.dispose());

describe(`the Organization page's team table (${driverUnderTest})`, () => {
  it("names each team's department and manager, and its search finds a team by team, department or manager name", async () => {
    const o = await organizationOverview(leader);
    const cycle = o.cycles[o.latestIndex]!;
    const options = {
      cycleId: cycle.id,
      sinceCycleId: o.cycles[0]!.id,
      basis: "best" as const,
      sort: "team" as const,
      desc: false,
      page: 1,
    };
    const all = await teamFiguresPage(leader, options);
    const teamRows = await testDb.db.select().from(teams);
    const nameOf = new Map((await testDb.db.select().from(people)).map((p) => [p.id, p.name]));
    const departmentOf = new Map((await testDb.db.select().from(departments)).map((d) => [d.id, d.name]));
    expect(all.total).toBe(teamRows.length);
    for (const row of all.rows) {
      const team = teamRows.find((t) => t.id === row.teamId)!;
      expect(row.team).toBe(team.name);
      expect(row.department).toBe(departmentOf.get(team.departmentId));
      expect(row.manager).toBe(team.managerId === null ? null : nameOf.get(team.managerId));
    }

    // A manager's surname finds exactly the teams whose team, department or manager name contains it.
    const managed = teamRows.find((t) => t.managerId !== null)!;
    const surname = nameOf.get(managed.managerId!)!.split(" ").at(-1)!;
    const contains = (text: string | null | undefined) => !!text?.toLowerCase().includes(surname.toLowerCase());
    const expected = teamRows
      .filter(
        (t) =>
          contains(t.name) ||
          contains(departmentOf.get(t.departmentId)) ||
          contains(t.managerId === null ? null : nameOf.get(t.managerId)),
      )
      .map((t) => t.id)
      .sort((a, b) => a - b);
    const found = await teamFiguresPage(leader, { ...options, q: surname });
    expect(found.rows.map((r) => r.teamId).sort((a, b) => a - b)).toEqual(expected);
    expect(found.rows.map((r) => r.teamId)).toContain(managed.id);
    expect(found.total).toBe(expected.length);
  });
});
