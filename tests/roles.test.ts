import { and, desc, eq, isNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignRoles,
  getRoleMapping,
  listTeamMembersWithRoles,
  listTeamRoles,
  saveRoleMapping,
} from "@/db/queries/roles";
import {
  assessments,
  auditLog,
  reviewCycles,
  roleProfiles,
  roleProfileVersions,
  roleTasks,
  teamMemberships,
  teams,
} from "@/db/schema";
import { ActionError, ConflictError, fieldErrorsOf } from "@/lib/action-state";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { type RoleMappingInput, roleEditorInput, roleMappingSchema } from "@/lib/role-schema";
import { actorByEmail } from "./helpers/actors";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let daniel: Actor;
let fpaId: number;
let otherTeamId: number;

const mapping = (over: Partial<RoleMappingInput> = {}): RoleMappingInput => ({
  roleId: null,
  baseVersion: null,
  teamId: fpaId,
  title: "Forecast Lead",
  description: "Owns the rolling forecast.",
  s1: 5,
  s2: 15,
  s3: 40,
  s4: 30,
  s5: 10,
  tasks: [
    { text: "Recommend where to reallocate opex", level: 3 },
    { text: "Design the rolling-forecast process", level: 4 },
  ],
  ...over,
});

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  daniel = await actorByEmail("daniel.okafor@northwind.example");
  const [fpa] = await testDb.db.select().from(teams).where(eq(teams.name, "FP&A"));
  fpaId = fpa!.id;
  const [other] = await testDb.db.select().from(teams).where(ne(teams.managerId, daniel.id)).limit(1);
  otherTeamId = other!.id;
});
afterAll(() => testDb.dispose());

describe("the role mapping schema", () => {
  const parse = (values: Record<string, unknown>) =>
    roleMappingSchema.safeParse({
      ...roleEditorInput({
        roleId: null,
        baseVersion: null,
        teamId: 1,
        title: "Analyst",
        description: "",
        target: { s1: "20", s2: "20", s3: "20", s4: "20", s5: "20" },
        tasks: [{ text: "Prepare the report", level: 1 }],
      }),
      ...values,
    });

  it("accepts a target summing to 100 with at least one task", () => {
    expect(parse({}).success).toBe(true);
  });

  it("refuses a target that does not sum to 100, saying what it sums to", () => {
    const result = parse({ s5: 15 });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!).target).toEqual([
      "The target level mix must add up to 100% — it adds up to 95% now.",
    ]);
  });

  it("refuses a role without tasks, and a blank task, each next to its field", () => {
    const none = parse({ tasks: [] });
    expect(fieldErrorsOf(none.error!).tasks).toEqual(["Add at least one typical task and place it on a level."]);
    const blank = parse({
      tasks: [
        { text: "ok", level: 2 },
        { text: "  ", level: 3 },
      ],
    });
    expect(fieldErrorsOf(blank.error!)["tasks.1.text"]).toEqual(["Describe the task, or remove it."]);
  });

  it("refuses fractions and negative shares", () => {
    expect(fieldErrorsOf(parse({ s1: "10.5", s2: "29.5" }).error!).s1).toBeDefined();
    expect(fieldErrorsOf(parse({ s1: "-20", s2: "60" }).error!).s1).toBeDefined();
  });
});

describe("role versioning", () => {
  it("creates a role at version 1 with its tasks, and records who saved it", async () => {
    const saved = await saveRoleMapping(daniel, mapping());
    expect(saved.version).toBe(1);
    const role = await getRoleMapping(daniel, saved.roleId);
    expect(role.title).toBe("Forecast Lead");
    expect(role.versions).toHaveLength(1);
    expect(role.versions[0]!.target).toEqual({ s1: 5, s2: 15, s3: 40, s4: 30, s5: 10 });
    expect(role.versions[0]!.tasks).toEqual([
      { text: "Recommend where to reallocate opex", level: 3 },
      { text: "Design the rolling-forecast process", level: 4 },
    ]);
    expect(role.versions[0]!.createdBy).toBe("Daniel Okafor");
    const [entry] = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "role.saved"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ actorId: daniel.id, targetType: "role_profile", targetId: String(saved.roleId) });
    expect(entry!.details).toMatchObject({ version: 1, tasks: 2 });
  });

  it("a changed mapping is a new version; the old one and the past assessments that use it stay as they were", async () => {
    const [analyst] = await testDb.db
      .select()
      .from(roleProfiles)
      .where(and(eq(roleProfiles.teamId, fpaId), eq(roleProfiles.title, "Financial Analyst")));
    const before = await getRoleMapping(daniel, analyst!.id);
    const oldest = before.versions.at(-1)!;
    const [closed] = await testDb.db.select().from(reviewCycles).where(eq(reviewCycles.name, "2025 Q2"));
    const pastUsingOldest = await testDb.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.cycleId, closed!.id), eq(assessments.roleVersionId, oldest.id)));
    expect(pastUsingOldest.length).toBeGreaterThan(0);

    const current = before.versions[0]!;
    const saved = await saveRoleMapping(
      daniel,
      mapping({
        roleId: analyst!.id,
        baseVersion: current.version,
        title: "Financial Analyst",
        s1: 0,
        s2: 10,
        s3: 50,
        s4: 30,
        s5: 10,
        tasks: [{ text: "Own the forecast for three departments", level: 3 }],
      }),
    );
    expect(saved.version).toBe(current.version + 1);

    const after = await getRoleMapping(daniel, analyst!.id);
    expect(after.versions).toHaveLength(before.versions.length + 1);
    expect(after.versions[0]!.tasks).toEqual([{ text: "Own the forecast for three departments", level: 3 }]);
    // Every earlier version is unchanged, tasks included.
    expect(after.versions.slice(1)).toEqual(before.versions);
    const stillOldest = await testDb.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.cycleId, closed!.id), eq(assessments.roleVersionId, oldest.id)));
    expect(stillOldest).toEqual(pastUsingOldest);
    const oldTasks = await testDb.db.select().from(roleTasks).where(eq(roleTasks.roleVersionId, oldest.id));
    expect(oldTasks.length).toBe(oldest.tasks.length);
  });

  it("lists each role with its current version only", async () => {
    const roles = await listTeamRoles(daniel);
    expect(roles.every((r) => r.teamId === fpaId)).toBe(true);
    const analyst = roles.find((r) => r.title === "Financial Analyst")!;
    const versions = await testDb.db
      .select()
      .from(roleProfileVersions)
      .where(eq(roleProfileVersions.roleProfileId, analyst.id));
    expect(analyst.current!.version).toBe(Math.max(...versions.map((v) => v.version)));
    expect(analyst.members).toBeGreaterThan(0);
  });

  it("a save based on an older version is a conflict, and nothing is written", async () => {
    const saved = await saveRoleMapping(daniel, mapping({ title: "Planning Analyst" }));
    await saveRoleMapping(
      daniel,
      mapping({ roleId: saved.roleId, baseVersion: 1, title: "Planning Analyst", s1: 10, s2: 10 }),
    );
    // A second tab still on version 1.
    await expect(
      saveRoleMapping(daniel, mapping({ roleId: saved.roleId, baseVersion: 1, title: "Planning Analyst" })),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getRoleMapping(daniel, saved.roleId)).versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it("refuses a second role with the same title in the team, next to the title", async () => {
    const error = await saveRoleMapping(daniel, mapping({ title: "Financial Analyst" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).fieldErrors?.title?.[0]).toMatch(/already has a role called/);
  });
});

describe("role scope", () => {
  it("a manager cannot create or change roles in a team they do not manage, even with forged ids", async () => {
    await expect(saveRoleMapping(daniel, mapping({ teamId: otherTeamId, title: "Sneaky" }))).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    const [foreignRole] = await testDb.db
      .select()
      .from(roleProfiles)
      .where(eq(roleProfiles.teamId, otherTeamId))
      .limit(1);
    // Own team id, someone else's role id.
    await expect(
      saveRoleMapping(daniel, mapping({ roleId: foreignRole!.id, baseVersion: 1, title: foreignRole!.title })),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getRoleMapping(daniel, foreignRole!.id)).rejects.toBeInstanceOf(AccessDeniedError);
    const versions = await testDb.db
      .select()
      .from(roleProfileVersions)
      .where(eq(roleProfileVersions.roleProfileId, foreignRole!.id));
    expect(versions.every((v) => v.createdById !== daniel.id)).toBe(true);
  });

  it("employees cannot map roles", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    await expect(saveRoleMapping(maya, mapping({ title: "Self-promotion" }))).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(listTeamRoles(maya)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("assigns a role to a team member, and refuses people and roles of other teams", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    const roles = await listTeamRoles(daniel);
    const senior = roles.find((r) => r.title === "Senior FP&A Analyst")!;
    expect(await assignRoles(daniel, [{ personId: maya.id, roleId: senior.id }])).toEqual({ changed: 1 });
    const members = await listTeamMembersWithRoles(daniel);
    expect(members.find((m) => m.personId === maya.id)?.roleId).toBe(senior.id);
    expect(members.every((m) => m.teamId === fpaId)).toBe(true);
    const [entry] = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "role.assigned"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ actorId: daniel.id, targetId: String(maya.id) });

    const [outsider] = await testDb.db
      .select({ personId: teamMemberships.personId })
      .from(teamMemberships)
      .where(and(eq(teamMemberships.teamId, otherTeamId), isNull(teamMemberships.endedOn)))
      .limit(1);
    await expect(assignRoles(daniel, [{ personId: outsider!.personId, roleId: senior.id }])).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    const [foreignRole] = await testDb.db
      .select()
      .from(roleProfiles)
      .where(eq(roleProfiles.teamId, otherTeamId))
      .limit(1);
    await expect(assignRoles(daniel, [{ personId: maya.id, roleId: foreignRole!.id }])).rejects.toBeInstanceOf(
      ActionError,
    );
  });
});
