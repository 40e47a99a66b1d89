import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { occupationWithTasks, orgRoleResearchPoints, roleResearchComparisons, searchOccupations } from "@/db/queries/occupations";
import { people, roleProfiles, teams } from "@/db/schema";
import { seedDemoOrganisation } from "@/db/seed";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { compareWithResearch } from "@/lib/ladder";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;

async function actorByEmail(email: string): Promise<Actor> {
  const [p] = await testDb.db.select().from(people).where(eq(people.email, email));
  if (!p) throw new Error(`no ${email}`);
  return { id: p.id, name: p.name, email: p.email, role: p.appRole };
}

let manager: Actor;
let leader: Actor;
let employee: Actor;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoOrganisation(testDb.db);
  manager = await actorByEmail("daniel.okafor@northwind.example");
  leader = await actorByEmail("priya.raman@northwind.example");
  employee = await actorByEmail("maya.chen@northwind.example");
});
afterAll(() => testDb.dispose());

describe("occupation search", () => {
  it("finds occupations by words of their title, titles starting with the query first", async () => {
    const analysts = await searchOccupations(manager, "analyst");
    expect(analysts.length).toBeGreaterThan(5);
    expect(analysts.every((o) => /analyst/i.test(o.title))).toBe(true);
    expect(analysts.map((o) => o.code)).toContain("13-2051.00");

    const support = await searchOccupations(manager, "customer service");
    expect(support[0]).toMatchObject({ code: "43-4051.00", title: "Customer Service Representatives", taskCount: 15 });

    const accountants = await searchOccupations(manager, "accountant");
    expect(accountants[0]?.title).toBe("Accountants and Auditors");
  });

  it("finds occupations by the start of their O*NET-SOC code", async () => {
    const byCode = await searchOccupations(manager, "13-2051");
    expect(byCode.map((o) => o.code)).toEqual(["13-2051.00"]);
    expect(byCode[0]?.title).toBe("Financial and Investment Analysts");
  });

  it("treats LIKE wildcards as text and ignores queries shorter than two characters", async () => {
    expect(await searchOccupations(manager, "%")).toEqual([]);
    expect(await searchOccupations(manager, "a")).toEqual([]);
    expect(await searchOccupations(manager, "%_%")).toEqual([]);
  });

  it("refuses employees", async () => {
    await expect(searchOccupations(employee, "analyst")).rejects.toThrow(AccessDeniedError);
    await expect(occupationWithTasks(employee, "13-2051.00")).rejects.toThrow(AccessDeniedError);
  });

  it("gives an occupation's tasks with labels, core and untyped before supplemental", async () => {
    const ceo = await occupationWithTasks(manager, "11-1011.00");
    expect(ceo?.tasks).toHaveLength(31);
    const firstSupplemental = ceo!.tasks.findIndex((t) => t.taskType === "supplemental");
    expect(ceo!.tasks.slice(firstSupplemental).every((t) => t.taskType === "supplemental")).toBe(true);
    expect(await occupationWithTasks(manager, "99-9999.99")).toBeNull();
  });
});

describe("roles against the research", () => {
  it("sets each linked role's ladder exposure beside its occupation's published beta", async () => {
    const rows = await roleResearchComparisons(leader);
    const analyst = rows.find((r) => r.roleTitle === "Financial Analyst")!;
    expect(analyst).toMatchObject({ occupationCode: "13-2051.00", occupationTitle: "Financial and Investment Analysts" });
    expect(analyst.publishedBetaHuman).toBeCloseTo(50, 9);
    expect(analyst.publishedBetaGpt4).toBeCloseTo(46.1538, 3);
    expect(analyst.measured).not.toBeNull();
    expect(analyst.basis).toBe("people");
    expect(analyst.comparison).toBe(compareWithResearch(analyst.measured!.exposure, 50));
    // Product roles have no O*NET occupation in the demo.
    expect(rows.some((r) => r.roleTitle === "Product Manager")).toBe(false);
  });

  it("shows a manager only the roles of the teams they manage", async () => {
    const managed = await testDb.db.select({ id: teams.id }).from(teams).where(eq(teams.managerId, manager.id));
    const rows = await roleResearchComparisons(manager);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => managed.some((t) => t.id === r.teamId))).toBe(true);
    const all = await roleResearchComparisons(leader);
    expect(all.length).toBeGreaterThan(rows.length);
  });

  it("keeps the organisation's scatter from managers and employees", async () => {
    await expect(orgRoleResearchPoints(manager)).rejects.toThrow(AccessDeniedError);
    await expect(roleResearchComparisons(employee)).rejects.toThrow(AccessDeniedError);
    expect((await orgRoleResearchPoints(leader)).length).toBeGreaterThan(8);
  });

  it("falls back to the target mix for a linked role nobody has been assessed in yet", async () => {
    const [team] = await testDb.db.select().from(teams).where(eq(teams.managerId, manager.id)).limit(1);
    const [role] = await testDb.db
      .insert(roleProfiles)
      .values({ teamId: team!.id, title: "Treasury Analyst", occupationCode: "13-2051.00" })
      .returning();
    const [row] = await roleResearchComparisons(manager, { roleProfileId: role!.id });
    expect(row).toMatchObject({ roleTitle: "Treasury Analyst", measured: null, targetExposure: null, comparison: null });
  });
});
