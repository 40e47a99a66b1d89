import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  occupationWithTasks,
  orgRoleResearchPoints,
  roleOccupationTasks,
  roleResearchComparisons,
  searchOccupations,
} from "@/db/queries/occupations";
import { createRoleFromOccupation, linkRoleToOccupation } from "@/db/queries/role-from-occupation";
import { saveRoleMapping } from "@/db/queries/roles";
import { auditLog, occupationTasks, roleProfiles, roleProfileVersions, roleTasks, teams } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { compareWithResearch } from "@/lib/ladder";
import { ROLE_TASKS_MAX, TASK_TEXT_MAX } from "@/lib/limits";
import { roleFromOccupationSchema } from "@/lib/role-from-occupation-schema";
import { roleMappingSchema } from "@/lib/role-schema";
import { demoActors } from "./helpers/actors";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;

let manager: Actor;
let leader: Actor;
let employee: Actor;

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  ({ manager, leader, employee } = await demoActors());
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
    expect(analyst).toMatchObject({
      occupationCode: "13-2051.00",
      occupationTitle: "Financial and Investment Analysts",
    });
    expect(analyst.publishedBetaHuman).toBeCloseTo(50, 9);
    expect(analyst.publishedBetaGpt4).toBeCloseTo(46.1538, 3);
    expect(analyst.measured).not.toBeNull();
    expect(analyst.basis).toBe("people");
    expect(analyst.comparison).toBe(compareWithResearch(analyst.measured!.exposure, 50));
    // The second source, by the SOC code 13-2051 (tests/reference-data.test.ts checks the file).
    expect(analyst.applicability!.score).toBeCloseTo(27.835475, 5);
    expect(analyst.applicability!.score).toBeCloseTo(
      (analyst.applicability!.scoreUser + analyst.applicability!.scoreAi) / 2,
      9,
    );
    expect(analyst.ranks!.beta).toBeGreaterThan(0.5);
    expect(analyst.ranks!.applicability).toBeGreaterThan(0);
    expect(analyst.ranks!.applicability).toBeLessThanOrEqual(1);
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

  it("narrows the organisation's roles to one department", async () => {
    const all = await orgRoleResearchPoints(leader);
    const [team] = await testDb.db.select().from(teams).where(eq(teams.id, all[0]!.teamId));
    const inDepartment = await orgRoleResearchPoints(leader, team!.departmentId);
    const departmentTeams = await testDb.db
      .select({ id: teams.id })
      .from(teams)
      .where(eq(teams.departmentId, team!.departmentId));
    expect(inDepartment.length).toBeGreaterThan(0);
    expect(inDepartment.length).toBeLessThan(all.length);
    expect(inDepartment.every((r) => departmentTeams.some((t) => t.id === r.teamId))).toBe(true);
  });

  it("falls back to the target mix for a linked role nobody has been assessed in yet", async () => {
    const [team] = await testDb.db.select().from(teams).where(eq(teams.managerId, manager.id)).limit(1);
    const [role] = await testDb.db
      .insert(roleProfiles)
      .values({ teamId: team!.id, title: "Treasury Analyst", occupationCode: "13-2051.00" })
      .returning();
    const [row] = await roleResearchComparisons(manager, { roleProfileId: role!.id });
    expect(row).toMatchObject({
      roleTitle: "Treasury Analyst",
      measured: null,
      targetExposure: null,
      comparison: null,
    });
  });
});

describe("creating a role from an occupation", () => {
  const mix = { s1: 10, s2: 60, s3: 20, s4: 10, s5: 0 };
  async function analystTasks() {
    return testDb.db.select().from(occupationTasks).where(eq(occupationTasks.occupationCode, "13-2051.00"));
  }
  async function managedTeamId(actor: Actor) {
    const [team] = await testDb.db.select().from(teams).where(eq(teams.managerId, actor.id)).limit(1);
    return team!.id;
  }

  it("saves the role linked to its occupation, its tasks linked to their statements at the confirmed levels, and an audit entry", async () => {
    const tasks = (await analystTasks()).slice(0, 3);
    const teamId = await managedTeamId(manager);
    const input = roleFromOccupationSchema.parse({
      teamId: String(teamId),
      title: "  Investment Analyst ",
      occupationCode: "13-2051.00",
      tasks: tasks.map((t, i) => ({ id: String(t.id), level: String(i + 1) })),
      mix: { s1: "10", s2: "60", s3: "20", s4: "10", s5: "0" },
    });
    const { roleProfileId } = await createRoleFromOccupation(manager, input);
    const [role] = await testDb.db.select().from(roleProfiles).where(eq(roleProfiles.id, roleProfileId));
    expect(role).toMatchObject({ title: "Investment Analyst", occupationCode: "13-2051.00", teamId });
    const [version] = await testDb.db
      .select()
      .from(roleProfileVersions)
      .where(eq(roleProfileVersions.roleProfileId, roleProfileId));
    expect(version).toMatchObject({ version: 1, ...mix, createdById: manager.id });
    const saved = await testDb.db
      .select()
      .from(roleTasks)
      .where(eq(roleTasks.roleVersionId, version!.id))
      .orderBy(roleTasks.position);
    expect(saved.map((t) => [t.occupationTaskId, t.level, t.text])).toEqual(
      tasks.map((t, i) => [t.id, i + 1, t.statement]),
    );
    const audit = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "role.saved"), eq(auditLog.targetId, String(roleProfileId))));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ occupationCode: "13-2051.00", tasks: 3 });

    const [comparison] = await roleResearchComparisons(manager, { roleProfileId });
    expect(comparison).toMatchObject({ targetExposure: 40, measured: null, basis: "target", comparison: "below" });

    // A new version saved in the role editor keeps each task's O*NET labels, matched by its statement.
    await saveRoleMapping(manager, {
      roleId: roleProfileId,
      baseVersion: 1,
      teamId,
      title: "Investment Analyst",
      description: "",
      ...mix,
      tasks: [
        { text: tasks[1]!.statement, level: 3 },
        { text: "A task of our own", level: 4 },
      ],
    });
    const labelled = await roleOccupationTasks(manager, [roleProfileId]);
    expect(labelled.map((t) => [t.statement, t.level, t.humanExposure])).toEqual([
      [tasks[1]!.statement, 3, tasks[1]!.humanExposure],
    ]);
  });

  it("refuses a team the manager does not manage, and employees", async () => {
    const [task] = await analystTasks();
    const foreign = (await testDb.db.select().from(teams)).find((t) => t.managerId !== manager.id)!;
    const input = {
      teamId: foreign.id,
      title: "Poached Analyst",
      occupationCode: "13-2051.00",
      tasks: [{ id: task!.id, level: 2 }],
      mix,
    };
    await expect(createRoleFromOccupation(manager, input)).rejects.toThrow(AccessDeniedError);
    await expect(createRoleFromOccupation(employee, input)).rejects.toThrow(AccessDeniedError);
    await expect(createRoleFromOccupation(leader, input)).rejects.toThrow(AccessDeniedError);
    expect(await testDb.db.select().from(roleProfiles).where(eq(roleProfiles.title, "Poached Analyst"))).toEqual([]);
  });

  it("refuses tasks of another occupation and a title the team already has, naming the field", async () => {
    const teamId = await managedTeamId(manager);
    const [ceoTask] = await testDb.db
      .select()
      .from(occupationTasks)
      .where(eq(occupationTasks.occupationCode, "11-1011.00"))
      .limit(1);
    const [analystTask] = await analystTasks();
    await expect(
      createRoleFromOccupation(manager, {
        teamId,
        title: "Mixed Analyst",
        occupationCode: "13-2051.00",
        tasks: [{ id: ceoTask!.id, level: 5 }],
        mix,
      }),
    ).rejects.toThrow("Some tasks are not tasks of Financial and Investment Analysts.");
    const [existing] = await testDb.db.select().from(roleProfiles).where(eq(roleProfiles.teamId, teamId)).limit(1);
    const clash = createRoleFromOccupation(manager, {
      teamId,
      title: existing!.title,
      occupationCode: "13-2051.00",
      tasks: [{ id: analystTask!.id, level: 2 }],
      mix,
    });
    await expect(clash).rejects.toThrow(ActionError);
    await expect(clash).rejects.toMatchObject({
      fieldErrors: { title: ["This team already has a role with that title"] },
    });
  });

  it("validates the form: a mix that does not add up, no tasks, a blank share", () => {
    const base = {
      teamId: "1",
      title: "Analyst",
      occupationCode: "13-2051.00",
      tasks: [{ id: "1", level: "2" }],
      mix: { s1: "10", s2: "60", s3: "20", s4: "10", s5: "0" },
    };
    const errorsOf = (value: unknown) => {
      const result = roleFromOccupationSchema.safeParse(value);
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(errorsOf(base)).toEqual([]);
    expect(errorsOf({ ...base, mix: { ...base.mix, s5: "5" } })).toEqual([
      "mix: The target mix adds up to 105%; it must be exactly 100%.",
    ]);
    expect(errorsOf({ ...base, tasks: [] })).toEqual(["tasks: Keep at least one task"]);
    const tooMany = Array.from({ length: ROLE_TASKS_MAX + 1 }, (_, i) => ({ id: String(i + 1), level: "2" }));
    expect(errorsOf({ ...base, tasks: tooMany })).toEqual([
      `tasks: A role has at most ${ROLE_TASKS_MAX} typical tasks: untick some`,
    ]);
    expect(errorsOf({ ...base, mix: { ...base.mix, s1: "" } })).toEqual(["mix.s1: Enter a whole percent"]);
    expect(errorsOf({ ...base, title: " " })).toEqual(["title: Give the role a title of at least 2 characters"]);
  });

  it("keeps a long O*NET statement whole and linked in every later version; a typed task stays under 200 characters", async () => {
    const [long] = await testDb.db
      .select()
      .from(occupationTasks)
      .where(sql`char_length(${occupationTasks.statement}) > ${TASK_TEXT_MAX}`)
      .limit(1);
    expect(long!.statement.length).toBeGreaterThan(TASK_TEXT_MAX);
    const teamId = await managedTeamId(manager);
    const [occupation] = await testDb.db
      .select({ code: occupationTasks.occupationCode })
      .from(occupationTasks)
      .where(eq(occupationTasks.id, long!.id));
    const input = roleFromOccupationSchema.parse({
      teamId: String(teamId),
      title: "Long Statement Role",
      occupationCode: occupation!.code,
      tasks: [{ id: String(long!.id), level: "2" }],
      mix: { s1: "0", s2: "100", s3: "0", s4: "0", s5: "0" },
    });
    const { roleProfileId } = await createRoleFromOccupation(manager, input);
    const edit = (version: number, tasks: { text: string; level: number }[]) =>
      saveRoleMapping(
        manager,
        roleMappingSchema.parse({
          roleId: roleProfileId,
          baseVersion: version,
          teamId,
          title: "Long Statement Role",
          description: "",
          s1: 0,
          s2: 100,
          s3: 0,
          s4: 0,
          s5: 0,
          tasks,
        }),
      );
    // Two later versions from the role editor: the statement stays whole and keeps its labels.
    await edit(1, [{ text: long!.statement, level: 3 }]);
    await edit(2, [
      { text: long!.statement, level: 3 },
      { text: "Our own task", level: 1 },
    ]);
    const labelled = await roleOccupationTasks(manager, [roleProfileId]);
    expect(labelled.map((t) => [t.statement, t.level, t.humanExposure, t.gpt4Automation])).toEqual([
      [long!.statement, 3, long!.humanExposure, long!.gpt4Automation],
    ]);
    const versions = await testDb.db
      .select({ version: roleProfileVersions.version, linked: roleTasks.occupationTaskId, text: roleTasks.text })
      .from(roleTasks)
      .innerJoin(roleProfileVersions, eq(roleProfileVersions.id, roleTasks.roleVersionId))
      .where(and(eq(roleProfileVersions.roleProfileId, roleProfileId), eq(roleTasks.position, 0)))
      .orderBy(roleProfileVersions.version);
    expect(versions).toEqual([1, 2, 3].map((version) => ({ version, linked: long!.id, text: long!.statement })));

    // A typed task of the same length is refused at the field, not cut.
    const typed = `${long!.statement} (ours)`;
    await expect(edit(3, [{ text: typed, level: 2 }])).rejects.toMatchObject({
      fieldErrors: { "tasks.0.text": [`Keep a task under ${TASK_TEXT_MAX} characters.`] },
    });
  });
});

describe("linking an existing role to an occupation", () => {
  it("links, relinks and unlinks a role of the manager's team, recording each change", async () => {
    const [role] = await testDb.db
      .select({ id: roleProfiles.id })
      .from(roleProfiles)
      .innerJoin(teams, eq(teams.id, roleProfiles.teamId))
      .where(and(eq(teams.managerId, manager.id), eq(roleProfiles.title, "Financial Analyst")));
    expect(await linkRoleToOccupation(manager, role!.id, "13-2051.00")).toEqual({ changed: false });
    expect(await linkRoleToOccupation(manager, role!.id, "13-2011.00")).toEqual({ changed: true });
    const [linked] = await roleResearchComparisons(manager, { roleProfileId: role!.id });
    expect(linked?.occupationTitle).toBe("Accountants and Auditors");
    expect(await linkRoleToOccupation(manager, role!.id, null)).toEqual({ changed: true });
    expect(await roleResearchComparisons(manager, { roleProfileId: role!.id })).toEqual([]);
    const entries = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "role.occupation_linked"), eq(auditLog.targetId, String(role!.id))));
    expect(entries.map((e) => e.details)).toEqual([
      { from: "13-2051.00", to: "13-2011.00" },
      { from: "13-2011.00", to: null },
    ]);
    await linkRoleToOccupation(manager, role!.id, "13-2051.00");
  });

  it("refuses another team's role, other roles than managers, and unknown occupations", async () => {
    const [foreign] = await testDb.db
      .select({ id: roleProfiles.id })
      .from(roleProfiles)
      .innerJoin(teams, eq(teams.id, roleProfiles.teamId))
      .where(eq(roleProfiles.title, "Copywriter"));
    await expect(linkRoleToOccupation(manager, foreign!.id, "13-2051.00")).rejects.toThrow(AccessDeniedError);
    await expect(linkRoleToOccupation(leader, foreign!.id, "13-2051.00")).rejects.toThrow(AccessDeniedError);
    const [own] = await testDb.db
      .select({ id: roleProfiles.id })
      .from(roleProfiles)
      .innerJoin(teams, eq(teams.id, roleProfiles.teamId))
      .where(eq(teams.managerId, manager.id))
      .limit(1);
    await expect(linkRoleToOccupation(manager, own!.id, "99-9999.99")).rejects.toThrow(
      "That occupation is not in the O*NET reference data.",
    );
  });
});
