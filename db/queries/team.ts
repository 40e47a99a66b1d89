import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { databaseFor } from "@/db/queries/database-for";
import { assessments, teamMemberships, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz";

/** The teams this manager manages, with their current head-count. */
export async function listManagedTeams(actor: Actor) {
  const db = await databaseFor(actor, ["manager"]);
  return db
    .select({
      id: teams.id,
      name: teams.name,
      members: sql<number>`count(${teamMemberships.id})::int`,
    })
    .from(teams)
    .leftJoin(teamMemberships, and(eq(teamMemberships.teamId, teams.id), isNull(teamMemberships.endedOn)))
    .where(eq(teams.managerId, actor.id))
    .groupBy(teams.id)
    .orderBy(asc(teams.name));
}

/** Progress of a managed team's review in a cycle: self-assessments in, and finalized reviews. */
export async function teamReviewProgress(actor: Actor, teamId: number, cycleId: number) {
  const db = await databaseFor(actor, ["manager"]);
  const [row] = await db
    .select({
      selfSubmitted: sql<number>`count(*) filter (where ${assessments.kind} = 'self' and ${assessments.status} in ('submitted', 'finalized'))::int`,
      reviewed: sql<number>`count(*) filter (where ${assessments.kind} = 'manager' and ${assessments.status} in ('submitted', 'finalized'))::int`,
    })
    .from(assessments)
    .innerJoin(teams, eq(teams.id, assessments.teamId))
    .where(and(eq(assessments.teamId, teamId), eq(assessments.cycleId, cycleId), eq(teams.managerId, actor.id)));
  return row ?? { selfSubmitted: 0, reviewed: 0 };
}
