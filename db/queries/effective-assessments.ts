import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { sharesOf } from "@/db/helpers";
import { effectiveAssessments } from "@/db/schema";

/**
 * One row per person per cycle: the finalized manager assessment where one exists, else the
 * submitted (or finalized) self-assessment — the SQL twin of lib/ladder's `effectiveAssessment`.
 * Read from effective_assessments, which a trigger keeps in the same transaction as every write
 * (migration 0006), so a query filtered to a team or a person reads only those rows by index
 * instead of ranking every assessment of the organisation first.
 */
export function effectiveAssessmentsQuery(db: Database) {
  return db.$with("effective").as(
    db
      .select({
        cycleId: effectiveAssessments.cycleId,
        subjectId: effectiveAssessments.subjectId,
        teamId: effectiveAssessments.teamId,
        roleVersionId: effectiveAssessments.roleVersionId,
        reviewed: effectiveAssessments.reviewed,
        ...sharesOf(effectiveAssessments),
      })
      .from(effectiveAssessments),
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
