import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { databaseFor } from "@/db/queries/database-for";
import {
  auditLog,
  occupations,
  occupationTasks,
  roleProfiles,
  roleProfileVersions,
  roleTasks,
  teams,
} from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import type { RoleFromOccupationInput } from "@/lib/role-from-occupation-schema";

/**
 * Creates a role in one of the manager's teams from an O*NET occupation: version 1 holds the target
 * mix, and one task per chosen O*NET task at the level the manager confirmed, linked to its statement.
 */
export async function createRoleFromOccupation(actor: Actor, input: RoleFromOccupationInput) {
  const db = await databaseFor(actor, ["manager"]);
  return db.transaction(async (tx) => {
    const [team] = await tx
      .select({ id: teams.id, managerId: teams.managerId })
      .from(teams)
      .where(eq(teams.id, input.teamId));
    if (!team || team.managerId !== actor.id)
      throw new AccessDeniedError("You can only add roles to the teams you manage.");
    const [occupation] = await tx.select().from(occupations).where(eq(occupations.code, input.occupationCode));
    if (!occupation)
      throw new ActionError("That occupation is not in the O*NET reference data.", {
        occupationCode: ["Choose an occupation"],
      });

    const ids = input.tasks.map((t) => t.id);
    if (new Set(ids).size !== ids.length)
      throw new ActionError("A task is listed twice.", { tasks: ["A task is listed twice"] });
    const statements = await tx
      .select({ id: occupationTasks.id, statement: occupationTasks.statement })
      .from(occupationTasks)
      .where(and(inArray(occupationTasks.id, ids), eq(occupationTasks.occupationCode, occupation.code)));
    if (statements.length !== ids.length) {
      throw new ActionError(`Some tasks are not tasks of ${occupation.title}.`, {
        tasks: ["Some tasks do not belong to this occupation"],
      });
    }
    const statementOf = new Map(statements.map((s) => [s.id, s.statement]));

    const [clash] = await tx
      .select({ id: roleProfiles.id })
      .from(roleProfiles)
      .where(and(eq(roleProfiles.teamId, team.id), eq(roleProfiles.title, input.title)));
    if (clash)
      throw new ActionError("This team already has a role with that title.", {
        title: ["This team already has a role with that title"],
      });

    const [role] = await tx
      .insert(roleProfiles)
      .values({ teamId: team.id, title: input.title, occupationCode: occupation.code })
      .returning({ id: roleProfiles.id });
    const [version] = await tx
      .insert(roleProfileVersions)
      .values({
        roleProfileId: role!.id,
        version: 1,
        description: `Started from the O*NET occupation ${occupation.title} (${occupation.code}).`,
        ...input.mix,
        createdById: actor.id,
      })
      .returning({ id: roleProfileVersions.id });
    await tx.insert(roleTasks).values(
      input.tasks.map((task, position) => ({
        roleVersionId: version!.id,
        position,
        text: statementOf.get(task.id)!,
        level: task.level,
        occupationTaskId: task.id,
      })),
    );
    // In the same transaction as the role: the audit entry exists exactly when the role does.
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: "role.saved",
      targetType: "role_profile",
      targetId: String(role!.id),
      details: {
        version: 1,
        title: input.title,
        occupationCode: occupation.code,
        tasks: input.tasks.length,
        mix: input.mix,
      },
    });
    return { roleProfileId: role!.id };
  });
}

/** Links one of the manager's roles to an O*NET occupation (or unlinks it, with null). */
export async function linkRoleToOccupation(actor: Actor, roleProfileId: number, occupationCode: string | null) {
  const db = await databaseFor(actor, ["manager"]);
  return db.transaction(async (tx) => {
    const [role] = await tx
      .select({ id: roleProfiles.id, title: roleProfiles.title, occupationCode: roleProfiles.occupationCode })
      .from(roleProfiles)
      .innerJoin(teams, eq(teams.id, roleProfiles.teamId))
      .where(and(eq(roleProfiles.id, roleProfileId), eq(teams.managerId, actor.id)));
    if (!role) throw new AccessDeniedError("This role belongs to a team you do not manage.");
    if (occupationCode !== null) {
      const [occupation] = await tx
        .select({ code: occupations.code })
        .from(occupations)
        .where(eq(occupations.code, occupationCode));
      if (!occupation) throw new ActionError("That occupation is not in the O*NET reference data.");
    }
    if (role.occupationCode === occupationCode) return { changed: false };
    await tx.update(roleProfiles).set({ occupationCode }).where(eq(roleProfiles.id, role.id));
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: "role.occupation_linked",
      targetType: "role_profile",
      targetId: String(role.id),
      details: { from: role.occupationCode, to: occupationCode },
    });
    return { changed: true };
  });
}
