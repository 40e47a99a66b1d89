import "server-only";
import { asc, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { effectiveAssessmentsQuery, meanMixColumns } from "@/db/queries/effective-assessments";
import { departments, people, reviewCycles, teams } from "@/db/schema";
import { assertRole, ORGANIZATION_ROLES, type Actor } from "@/lib/authz";
import { groupFigures } from "@/lib/ladder";

type MeanMixRow = { count: number; s1: number | null; s2: number | null; s3: number | null; s4: number | null; s5: number | null };

function figuresOf(row: MeanMixRow) {
  if (row.count === 0 || row.s1 === null) return null;
  return groupFigures({ count: row.count, s1: row.s1, s2: row.s2 ?? 0, s3: row.s3 ?? 0, s4: row.s4 ?? 0, s5: row.s5 ?? 0 });
}

/** Every started cycle, oldest first, with the organisation's mean level mix and figures. */
export async function orgFiguresByCycle(actor: Actor) {
  assertRole(actor, ORGANIZATION_ROLES);
  const db = await getDb();
  const effective = effectiveAssessmentsQuery(db);
  const rows = await db
    .with(effective)
    .select({
      cycleId: reviewCycles.id,
      cycleName: reviewCycles.name,
      status: reviewCycles.status,
      ...meanMixColumns(effective),
    })
    .from(reviewCycles)
    .leftJoin(effective, eq(effective.cycleId, reviewCycles.id))
    .where(ne(reviewCycles.status, "draft"))
    .groupBy(reviewCycles.id)
    .orderBy(asc(reviewCycles.startsOn));
  return rows.map((row) => ({
    cycleId: row.cycleId,
    cycleName: row.cycleName,
    status: row.status,
    figures: figuresOf(row),
  }));
}

/** Each team's mean level mix per started cycle, by the team recorded on that cycle's assessments. */
export async function teamFiguresByCycle(actor: Actor) {
  assertRole(actor, ORGANIZATION_ROLES);
  const db = await getDb();
  const effective = effectiveAssessmentsQuery(db);
  const rows = await db
    .with(effective)
    .select({
      cycleId: effective.cycleId,
      teamId: effective.teamId,
      ...meanMixColumns(effective),
    })
    .from(effective)
    .groupBy(effective.cycleId, effective.teamId);
  return rows.map((row) => ({ cycleId: row.cycleId, teamId: row.teamId, figures: figuresOf(row)! }));
}

export async function listTeamsWithDepartment(actor: Actor) {
  assertRole(actor, ORGANIZATION_ROLES);
  const db = await getDb();
  return db
    .select({
      id: teams.id,
      name: teams.name,
      department: departments.name,
      manager: sql<string | null>`${people.name}`,
    })
    .from(teams)
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .leftJoin(people, eq(people.id, teams.managerId))
    .orderBy(asc(departments.name), asc(teams.name));
}
