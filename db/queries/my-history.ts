import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { mixOf } from "@/db/helpers";
import { assessments, assessmentTasks, reviewCycles, teamMemberships, teams } from "@/db/schema";
import { type Actor, assertRole } from "@/lib/authz";
import { CAPABILITIES, type CapabilityKey, type LevelMix } from "@/lib/ladder";
import { SELF_ASSESSMENT_ROLES } from "./assessments";

type Row = typeof assessments.$inferSelect;

function ratingsOf(row: Row): Record<CapabilityKey, number> | null {
  const ratings = {} as Record<CapabilityKey, number>;
  for (const c of CAPABILITIES) {
    const value = row[c.key];
    if (value === null) return null;
    ratings[c.key] = value;
  }
  return ratings;
}

export type HistoryQuarter = {
  cycleId: number;
  cycleName: string;
  self: { mix: LevelMix; ratings: Record<CapabilityKey, number> | null } | null;
  /** Only a finalized manager assessment: an employee never sees a review in progress. */
  manager: { mix: LevelMix; ratings: Record<CapabilityKey, number> | null } | null;
};

/**
 * The actor's closed quarters: their own submitted self-assessment and the manager's finalized
 * review, side by side. Drafts and reviews in progress are left out.
 */
export async function myClosedQuarters(actor: Actor): Promise<HistoryQuarter[]> {
  assertRole(actor, SELF_ASSESSMENT_ROLES);
  const db = await getDb();
  const rows = await db
    .select({ cycle: reviewCycles, assessment: assessments })
    .from(assessments)
    .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
    .where(and(eq(assessments.subjectId, actor.id), eq(reviewCycles.status, "closed")))
    .orderBy(asc(reviewCycles.startsOn));
  const byCycle = new Map<number, HistoryQuarter>();
  for (const { cycle, assessment } of rows) {
    const quarter = byCycle.get(cycle.id) ?? { cycleId: cycle.id, cycleName: cycle.name, self: null, manager: null };
    const mix = mixOf(assessment);
    if (mix && assessment.kind === "self" && (assessment.status === "submitted" || assessment.status === "finalized")) {
      quarter.self = { mix, ratings: ratingsOf(assessment) };
    }
    if (mix && assessment.kind === "manager" && assessment.status === "finalized") {
      quarter.manager = { mix, ratings: ratingsOf(assessment) };
    }
    byCycle.set(cycle.id, quarter);
  }
  return [...byCycle.values()].filter((q) => q.self || q.manager);
}

/**
 * Tasks that colleagues in the actor's current team tagged "AI used" in their own self-assessments
 * (submitted or finalized), with how many colleagues did. The matching against the actor's tasks
 * happens in lib/ladder (isSimilarTask), so the rule is one definition the page can explain.
 */
export async function teamTasksDoneWithAi(actor: Actor) {
  assertRole(actor, SELF_ASSESSMENT_ROLES);
  const db = await getDb();
  const [membership] = await db
    .select({ teamId: teamMemberships.teamId, teamName: teams.name })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(and(eq(teamMemberships.personId, actor.id), isNull(teamMemberships.endedOn)))
    .limit(1);
  if (!membership) return { teamName: null, tasks: [] };
  const tasks = await db
    .select({
      text: assessmentTasks.text,
      colleagues: sql<number>`count(distinct ${assessments.subjectId})`.mapWith(Number),
    })
    .from(assessmentTasks)
    .innerJoin(assessments, eq(assessments.id, assessmentTasks.assessmentId))
    .where(
      and(
        eq(assessments.teamId, membership.teamId),
        eq(assessments.kind, "self"),
        ne(assessments.subjectId, actor.id),
        inArray(assessments.status, ["submitted", "finalized"]),
        eq(assessmentTasks.aiUsed, true),
      ),
    )
    .groupBy(assessmentTasks.text)
    .orderBy(desc(sql`count(distinct ${assessments.subjectId})`), asc(assessmentTasks.text));
  return { teamName: membership.teamName, tasks };
}

/** The actor's most recent own task inventory: the open cycle's (draft included) or the last closed one's. */
export async function myLatestTasks(actor: Actor) {
  assertRole(actor, SELF_ASSESSMENT_ROLES);
  const db = await getDb();
  const [latest] = await db
    .select({ id: assessments.id, draftValues: assessments.draftValues, cycleName: reviewCycles.name })
    .from(assessments)
    .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
    .where(and(eq(assessments.subjectId, actor.id), eq(assessments.kind, "self"), ne(reviewCycles.status, "draft")))
    .orderBy(desc(reviewCycles.startsOn))
    .limit(1);
  if (!latest) return { cycleName: null, tasks: [] };
  if (latest.draftValues) {
    return {
      cycleName: latest.cycleName,
      tasks: latest.draftValues.tasks
        .filter((t) => t.text.trim() && t.level !== null)
        .map((t) => ({ text: t.text, level: t.level!, aiUsed: t.aiUsed })),
    };
  }
  const tasks = await db
    .select({ text: assessmentTasks.text, level: assessmentTasks.level, aiUsed: assessmentTasks.aiUsed })
    .from(assessmentTasks)
    .where(eq(assessmentTasks.assessmentId, latest.id))
    .orderBy(asc(assessmentTasks.position));
  return { cycleName: latest.cycleName, tasks };
}
