import "server-only";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { sharesOf } from "@/db/helpers";
import { assessments } from "@/db/schema";

/**
 * One row per person per cycle: the finalized manager assessment where one exists, else the
 * submitted (or finalized) self-assessment. The SQL twin of lib/ladder's `effectiveAssessment`.
 */
export function effectiveAssessmentsQuery(db: Database) {
  return db.$with("effective").as(
    db
      .selectDistinctOn([assessments.cycleId, assessments.subjectId], {
        cycleId: assessments.cycleId,
        subjectId: assessments.subjectId,
        teamId: assessments.teamId,
        roleVersionId: assessments.roleVersionId,
        ...sharesOf(assessments),
      })
      .from(assessments)
      .where(
        and(
          isNotNull(assessments.s1),
          or(
            and(eq(assessments.kind, "manager"), eq(assessments.status, "finalized")),
            and(eq(assessments.kind, "self"), inArray(assessments.status, ["submitted", "finalized"])),
          ),
        ),
      )
      .orderBy(
        assessments.cycleId,
        assessments.subjectId,
        sql`case when ${assessments.kind} = 'manager' then 0 else 1 end`,
      ),
  );
}

/** avg(s1..s5) and the head-count over an effective-assessments CTE, as numbers. */
export function meanMixColumns(effective: ReturnType<typeof effectiveAssessmentsQuery>) {
  return {
    count: sql<number>`count(${effective.subjectId})::int`,
    s1: sql<number | null>`avg(${effective.s1})::float8`,
    s2: sql<number | null>`avg(${effective.s2})::float8`,
    s3: sql<number | null>`avg(${effective.s3})::float8`,
    s4: sql<number | null>`avg(${effective.s4})::float8`,
    s5: sql<number | null>`avg(${effective.s5})::float8`,
  };
}
