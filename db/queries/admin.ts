import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { assessments, departments, people, reviewCycles, teams } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/authz";

export async function organisationCounts(actor: Actor) {
  assertRole(actor, ["admin"]);
  const db = await getDb();
  const [row] = await db
    .select({
      activePeople: sql<number>`(select count(*) from ${people} where ${people.active})::int`,
      teams: sql<number>`(select count(*) from ${teams})::int`,
      departments: sql<number>`(select count(*) from ${departments})::int`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

export async function listCyclesWithCounts(actor: Actor) {
  assertRole(actor, ["admin"]);
  const db = await getDb();
  return db
    .select({
      id: reviewCycles.id,
      name: reviewCycles.name,
      status: reviewCycles.status,
      startsOn: reviewCycles.startsOn,
      endsOn: reviewCycles.endsOn,
      selfSubmitted: sql<number>`count(${assessments.id}) filter (where ${assessments.kind} = 'self' and ${assessments.status} in ('submitted', 'finalized'))::int`,
      finalized: sql<number>`count(${assessments.id}) filter (where ${assessments.kind} = 'manager' and ${assessments.status} = 'finalized')::int`,
    })
    .from(reviewCycles)
    .leftJoin(assessments, eq(assessments.cycleId, reviewCycles.id))
    .groupBy(reviewCycles.id)
    .orderBy(asc(reviewCycles.startsOn));
}
