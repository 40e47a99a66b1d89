import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { effectiveAssessmentsQuery, meanMixColumns } from "@/db/queries/effective-assessments";
import { assessments, reviewCycles, teamMemberships, teams } from "@/db/schema";
import { type Actor, assertRole } from "@/lib/authz";
import { groupFigures } from "@/lib/ladder";

/** The teams this manager manages, with their current head-count. */
export async function listManagedTeams(actor: Actor) {
  assertRole(actor, ["manager"]);
  const db = await getDb();
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

/** Leverage index per cycle for the given managed teams, by the team recorded on each assessment. */
export async function managedTeamFiguresByCycle(actor: Actor, teamIds: number[]) {
  assertRole(actor, ["manager"]);
  if (teamIds.length === 0) return [];
  const db = await getDb();
  const managed = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(inArray(teams.id, teamIds), eq(teams.managerId, actor.id)));
  const allowed = managed.map((t) => t.id);
  if (allowed.length === 0) return [];
  const effective = effectiveAssessmentsQuery(db);
  const rows = await db
    .with(effective)
    .select({
      cycleId: reviewCycles.id,
      cycleName: reviewCycles.name,
      teamId: effective.teamId,
      ...meanMixColumns(effective),
    })
    .from(effective)
    .innerJoin(reviewCycles, eq(reviewCycles.id, effective.cycleId))
    .where(inArray(effective.teamId, allowed))
    .groupBy(reviewCycles.id, effective.teamId)
    .orderBy(asc(reviewCycles.startsOn));
  return rows.map((r) => ({
    cycleId: r.cycleId,
    cycleName: r.cycleName,
    teamId: r.teamId,
    figures: groupFigures({
      count: r.count,
      s1: r.s1 ?? 0,
      s2: r.s2 ?? 0,
      s3: r.s3 ?? 0,
      s4: r.s4 ?? 0,
      s5: r.s5 ?? 0,
    }),
  }));
}

/** Progress of a managed team's review in a cycle: self-assessments in, and finalized reviews. */
export async function teamReviewProgress(actor: Actor, teamId: number, cycleId: number) {
  assertRole(actor, ["manager"]);
  const db = await getDb();
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
