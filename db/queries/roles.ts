import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db";
import { isUniqueViolation } from "@/db/errors";
import { latestRoleVersions, mixOf, type Reader, sharesOf, type Transaction } from "@/db/helpers";
import { recordAudit } from "@/db/queries/audit";
import { databaseFor } from "@/db/queries/database-for";
import { people, roleProfiles, roleProfileVersions, roleTasks, teamMemberships, teams } from "@/db/schema";
import { ActionError, ConflictError } from "@/lib/action-state";
import { AccessDeniedError, type Actor, assertRole } from "@/lib/authz";
import type { LevelMix } from "@/lib/ladder";
import { TASK_TEXT_MAX } from "@/lib/limits";
import type { RoleMappingInput } from "@/lib/role-schema";

async function managedTeamIds(db: Reader, actor: Actor) {
  const rows = await db.select({ id: teams.id }).from(teams).where(eq(teams.managerId, actor.id));
  return rows.map((r) => r.id);
}

async function assertManagesTeam(db: Reader, actor: Actor, teamId: number) {
  assertRole(actor, ["manager"]);
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.managerId, actor.id)));
  if (!team) throw new AccessDeniedError("You can only change the roles of teams you manage.");
}

type VersionSource = Pick<
  typeof roleProfileVersions,
  "id" | "roleProfileId" | "version" | "description" | "s1" | "s2" | "s3" | "s4" | "s5" | "createdAt"
>;

/** What a role version shows: its mapping and who saved it (join `people` on `createdById`). */
function versionColumns<V extends VersionSource | ReturnType<typeof latestRoleVersions>>(v: V) {
  return {
    id: v.id,
    roleProfileId: v.roleProfileId,
    version: v.version,
    description: v.description,
    ...sharesOf(v),
    createdAt: v.createdAt,
    createdBy: people.name,
  };
}

/** The newest version of each of these role profiles: the mapping in force now. */
function latestVersions(db: Database, roleIds: number[]) {
  const latest = latestRoleVersions(db);
  return db
    .select(versionColumns(latest))
    .from(latest)
    .leftJoin(people, eq(people.id, latest.createdById))
    .where(inArray(latest.roleProfileId, roleIds));
}

async function tasksOfVersions(db: Database, versionIds: number[]) {
  if (versionIds.length === 0) return new Map<number, { text: string; level: number }[]>();
  const rows = await db
    .select({ roleVersionId: roleTasks.roleVersionId, text: roleTasks.text, level: roleTasks.level })
    .from(roleTasks)
    .where(inArray(roleTasks.roleVersionId, versionIds))
    .orderBy(asc(roleTasks.roleVersionId), asc(roleTasks.position));
  const byVersion = new Map<number, { text: string; level: number }[]>();
  for (const r of rows)
    byVersion.set(r.roleVersionId, [...(byVersion.get(r.roleVersionId) ?? []), { text: r.text, level: r.level }]);
  return byVersion;
}

type VersionRow = LevelMix & {
  id: number;
  version: number;
  description: string;
  createdAt: Date;
  createdBy: string | null;
};

/** A version as the list and the editor show it: its target mix and its tasks in order. */
function withTasks(v: VersionRow, tasks: Map<number, { text: string; level: number }[]>) {
  return {
    id: v.id,
    version: v.version,
    description: v.description,
    target: mixOf(v),
    createdAt: v.createdAt,
    createdBy: v.createdBy,
    tasks: tasks.get(v.id) ?? [],
  };
}

/** The roles of the teams this manager manages, each with its current mapping and head-count. */
export async function listTeamRoles(actor: Actor) {
  const db = await databaseFor(actor, ["manager"]);
  const teamIds = await managedTeamIds(db, actor);
  if (teamIds.length === 0) return [];
  const roles = await db
    .select({
      id: roleProfiles.id,
      teamId: roleProfiles.teamId,
      teamName: teams.name,
      title: roleProfiles.title,
      members: sql<number>`(select count(*) from ${teamMemberships} where ${teamMemberships.roleProfileId} = ${roleProfiles.id} and ${teamMemberships.endedOn} is null)::int`,
    })
    .from(roleProfiles)
    .innerJoin(teams, eq(teams.id, roleProfiles.teamId))
    .where(and(inArray(roleProfiles.teamId, teamIds), isNull(roleProfiles.archivedAt)))
    .orderBy(asc(teams.name), asc(roleProfiles.title));
  if (roles.length === 0) return [];
  const versions = await latestVersions(
    db,
    roles.map((r) => r.id),
  );
  const tasks = await tasksOfVersions(
    db,
    versions.map((v) => v.id),
  );
  return roles.map((role) => {
    const v = versions.find((x) => x.roleProfileId === role.id) ?? null;
    return {
      ...role,
      current: v && withTasks(v, tasks),
    };
  });
}

/** One role for the editor: its current mapping and every earlier version, newest first. */
export async function getRoleMapping(actor: Actor, roleId: number) {
  const db = await databaseFor(actor, ["manager"]);
  const [role] = await db
    .select({ id: roleProfiles.id, teamId: roleProfiles.teamId, teamName: teams.name, title: roleProfiles.title })
    .from(roleProfiles)
    .innerJoin(teams, eq(teams.id, roleProfiles.teamId))
    .where(and(eq(roleProfiles.id, roleId), eq(teams.managerId, actor.id)));
  if (!role) throw new AccessDeniedError("This role belongs to a team you do not manage.");
  const versions = await db
    .select(versionColumns(roleProfileVersions))
    .from(roleProfileVersions)
    .leftJoin(people, eq(people.id, roleProfileVersions.createdById))
    .where(eq(roleProfileVersions.roleProfileId, roleId))
    .orderBy(desc(roleProfileVersions.version));
  const tasks = await tasksOfVersions(
    db,
    versions.map((v) => v.id),
  );
  return {
    ...role,
    versions: versions.map((v) => withTasks(v, tasks)),
  };
}

/**
 * Saves a role's mapping as a new version with its tasks; earlier versions stay as they were, so
 * assessments of past cycles keep pointing at the mapping that was in force then.
 */
export async function saveRoleMapping(actor: Actor, input: RoleMappingInput) {
  const db = await getDb();
  const duplicateTitle = () =>
    new ActionError("Some answers need attention.", {
      title: [`This team already has a role called “${input.title}”.`],
    });
  try {
    return await db.transaction(async (tx) => {
      await assertManagesTeam(tx, actor, input.teamId);
      let roleId = input.roleId;
      if (roleId === null) {
        const [clash] = await tx
          .select({ id: roleProfiles.id })
          .from(roleProfiles)
          .where(and(eq(roleProfiles.teamId, input.teamId), eq(roleProfiles.title, input.title)));
        if (clash) throw duplicateTitle();
        const [created] = await tx
          .insert(roleProfiles)
          .values({ teamId: input.teamId, title: input.title })
          .returning({ id: roleProfiles.id });
        roleId = created!.id;
      } else {
        // Lock the role so two saves of it queue up and the second sees the first one's version.
        const [role] = await tx
          .select({ id: roleProfiles.id, teamId: roleProfiles.teamId, title: roleProfiles.title })
          .from(roleProfiles)
          .where(eq(roleProfiles.id, roleId))
          .for("update");
        if (!role || role.teamId !== input.teamId)
          throw new AccessDeniedError("This role belongs to a team you do not manage.");
        if (role.title !== input.title) {
          const [clash] = await tx
            .select({ id: roleProfiles.id })
            .from(roleProfiles)
            .where(
              and(
                eq(roleProfiles.teamId, input.teamId),
                eq(roleProfiles.title, input.title),
                ne(roleProfiles.id, roleId),
              ),
            );
          if (clash) throw duplicateTitle();
          await tx.update(roleProfiles).set({ title: input.title }).where(eq(roleProfiles.id, roleId));
        }
      }
      const newest = latestRoleVersions(tx);
      const [latest] = await tx
        .select({ version: newest.version })
        .from(newest)
        .where(eq(newest.roleProfileId, roleId));
      const current = latest?.version ?? 0;
      if (input.roleId !== null && input.baseVersion !== current) {
        throw new ConflictError(
          `Someone saved this role (version ${current}) after you opened it. Reload to see their version; your edits here are kept until you do.`,
        );
      }
      const [version] = await tx
        .insert(roleProfileVersions)
        .values({
          roleProfileId: roleId,
          version: current + 1,
          description: input.description,
          ...sharesOf(input),
          createdById: actor.id,
        })
        .returning({ id: roleProfileVersions.id, version: roleProfileVersions.version });
      // Tasks taken from O*NET keep their statement's link (and so its labels) in every later version.
      const linked = new Map<string, number>();
      if (current > 0) {
        const previous = await tx
          .select({ text: roleTasks.text, occupationTaskId: roleTasks.occupationTaskId })
          .from(roleTasks)
          .innerJoin(roleProfileVersions, eq(roleProfileVersions.id, roleTasks.roleVersionId))
          .where(and(eq(roleProfileVersions.roleProfileId, roleId), eq(roleProfileVersions.version, current)));
        for (const task of previous) if (task.occupationTaskId !== null) linked.set(task.text, task.occupationTaskId);
      }
      const tooLong = Object.fromEntries(
        input.tasks.flatMap((t, i) =>
          t.text.length > TASK_TEXT_MAX && !linked.has(t.text)
            ? [[`tasks.${i}.text`, [`Keep a task under ${TASK_TEXT_MAX} characters.`]]]
            : [],
        ),
      );
      if (Object.keys(tooLong).length > 0) throw new ActionError("Some answers need attention.", tooLong);
      await tx.insert(roleTasks).values(
        input.tasks.map((t, position) => ({
          roleVersionId: version!.id,
          position,
          text: t.text,
          level: t.level,
          occupationTaskId: linked.get(t.text) ?? null,
        })),
      );
      await recordAudit(
        {
          actorId: actor.id,
          action: "role.saved",
          targetType: "role_profile",
          targetId: roleId,
          details: { title: input.title, version: version!.version, target: mixOf(input), tasks: input.tasks.length },
        },
        tx,
      );
      return { roleId, versionId: version!.id, version: version!.version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw input.roleId === null ? duplicateTitle() : new ConflictError();
    }
    throw error;
  }
}

/** The current members of the managed teams, with the role each holds. */
export async function listTeamMembersWithRoles(actor: Actor) {
  const db = await databaseFor(actor, ["manager"]);
  return db
    .select({
      personId: people.id,
      name: people.name,
      teamId: teams.id,
      teamName: teams.name,
      roleId: teamMemberships.roleProfileId,
    })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .innerJoin(people, eq(people.id, teamMemberships.personId))
    .where(and(eq(teams.managerId, actor.id), isNull(teamMemberships.endedOn), eq(people.active, true)))
    .orderBy(asc(teams.name), asc(people.name));
}

async function assignRoleIn(tx: Transaction, actor: Actor, input: { personId: number; roleId: number | null }) {
  const [membership] = await tx
    .select({ id: teamMemberships.id, teamId: teamMemberships.teamId, roleId: teamMemberships.roleProfileId })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(
      and(eq(teamMemberships.personId, input.personId), isNull(teamMemberships.endedOn), eq(teams.managerId, actor.id)),
    );
  if (!membership) throw new AccessDeniedError("You can only assign roles to people in teams you manage.");
  if (input.roleId !== null) {
    const [role] = await tx
      .select({ id: roleProfiles.id })
      .from(roleProfiles)
      .where(
        and(
          eq(roleProfiles.id, input.roleId),
          eq(roleProfiles.teamId, membership.teamId),
          isNull(roleProfiles.archivedAt),
        ),
      );
    if (!role) throw new ActionError("Choose one of this team's roles.");
  }
  if (membership.roleId === input.roleId) return false;
  await tx.update(teamMemberships).set({ roleProfileId: input.roleId }).where(eq(teamMemberships.id, membership.id));
  await recordAudit(
    {
      actorId: actor.id,
      action: "role.assigned",
      targetType: "person",
      targetId: input.personId,
      details: { from: membership.roleId, to: input.roleId },
    },
    tx,
  );
  return true;
}

/** Gives current team members one of their team's roles (or none): all of them, or none if one is refused. */
export async function assignRoles(actor: Actor, assignments: { personId: number; roleId: number | null }[]) {
  const db = await databaseFor(actor, ["manager"]);
  return db.transaction(async (tx) => {
    let changed = 0;
    for (const assignment of assignments) if (await assignRoleIn(tx, actor, assignment)) changed++;
    return { changed };
  });
}

/** The version of the person's current role in force now: what a new assessment records. */
export async function currentRoleVersionIdOf(db: Reader, personId: number) {
  const latest = latestRoleVersions(db);
  const [row] = await db
    .select({ id: latest.id })
    .from(teamMemberships)
    .innerJoin(latest, eq(latest.roleProfileId, teamMemberships.roleProfileId))
    .where(and(eq(teamMemberships.personId, personId), isNull(teamMemberships.endedOn)))
    .limit(1);
  return row?.id ?? null;
}
