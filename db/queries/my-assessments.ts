import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { assessments, reviewCycles } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import type { LevelMix } from "@/lib/ladder";

function mixOf(row: {
  s1: number | null;
  s2: number | null;
  s3: number | null;
  s4: number | null;
  s5: number | null;
}): LevelMix | null {
  if (row.s1 === null || row.s2 === null || row.s3 === null || row.s4 === null || row.s5 === null) return null;
  return { s1: row.s1, s2: row.s2, s3: row.s3, s4: row.s4, s5: row.s5 };
}

/**
 * The actor's own assessments, per started cycle: their self-assessment in any state, and the
 * manager's only once finalized (an employee never sees a review in progress).
 */
export async function myAssessmentsByCycle(actor: Actor) {
  const db = await getDb();
  const rows = await db
    .select({
      cycleId: reviewCycles.id,
      cycleName: reviewCycles.name,
      cycleStatus: reviewCycles.status,
      endsOn: reviewCycles.endsOn,
      kind: assessments.kind,
      status: assessments.status,
      updatedAt: assessments.updatedAt,
      submittedAt: assessments.submittedAt,
      s1: assessments.s1,
      s2: assessments.s2,
      s3: assessments.s3,
      s4: assessments.s4,
      s5: assessments.s5,
    })
    .from(reviewCycles)
    .leftJoin(assessments, and(eq(assessments.cycleId, reviewCycles.id), eq(assessments.subjectId, actor.id)))
    .where(ne(reviewCycles.status, "draft"))
    .orderBy(asc(reviewCycles.startsOn));

  const byCycle = new Map<
    number,
    {
      cycleId: number;
      cycleName: string;
      cycleStatus: "draft" | "open" | "closed";
      endsOn: string;
      self: { status: string; updatedAt: Date; submittedAt: Date | null; mix: LevelMix | null } | null;
      manager: { mix: LevelMix | null } | null;
    }
  >();
  for (const row of rows) {
    const entry = byCycle.get(row.cycleId) ?? {
      cycleId: row.cycleId,
      cycleName: row.cycleName,
      cycleStatus: row.cycleStatus,
      endsOn: row.endsOn,
      self: null,
      manager: null,
    };
    if (row.kind === "self" && row.status && row.updatedAt) {
      entry.self = { status: row.status, updatedAt: row.updatedAt, submittedAt: row.submittedAt, mix: mixOf(row) };
    }
    if (row.kind === "manager" && row.status === "finalized") entry.manager = { mix: mixOf(row) };
    byCycle.set(row.cycleId, entry);
  }
  return [...byCycle.values()];
}
