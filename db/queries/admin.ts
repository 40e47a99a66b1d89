import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { violatedConstraint } from "@/db/errors";
import { kickJobWorker } from "@/db/jobs";
import { recordAudit } from "@/db/queries/audit";
import { databaseFor } from "@/db/queries/database-for";
import { notifyCycleOpened } from "@/db/queries/notifications";
import { assessments, departments, people, reviewCycles, teamMemberships, teams } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import { type Actor, assertRole } from "@/lib/authz";

export async function organisationCounts(actor: Actor) {
  const db = await databaseFor(actor, ["admin"]);
  const [row] = await db
    .select({
      activePeople: sql<number>`(select count(*) from ${people} where ${people.active})::int`,
      inactivePeople: sql<number>`(select count(*) from ${people} where not ${people.active})::int`,
      teams: sql<number>`(select count(*) from ${teams})::int`,
      departments: sql<number>`(select count(*) from ${departments})::int`,
      teamsWithoutManager: sql<number>`(select count(*) from ${teams} where ${teams.managerId} is null)::int`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

export async function listCyclesWithCounts(actor: Actor) {
  const db = await databaseFor(actor, ["admin"]);
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

export async function getCycle(actor: Actor, cycleId: number) {
  const db = await databaseFor(actor, ["admin"]);
  const [cycle] = await db.select().from(reviewCycles).where(eq(reviewCycles.id, cycleId));
  return cycle ?? null;
}

async function cycleOrRefuse(cycleId: number) {
  const db = await getDb();
  const [cycle] = await db.select().from(reviewCycles).where(eq(reviewCycles.id, cycleId));
  if (!cycle) throw new ActionError("That review cycle does not exist.");
  return cycle;
}

const nameTaken = (name: string) =>
  new ActionError(`A cycle named ${name} already exists.`, { name: ["This name is taken."] });

/**
 * A write that lost a race the pre-checks could not see: the unique name or the no-overlap
 * exclusion (migration 0006) refused it. Answer with the pre-check's own message.
 */
async function explainCycleConflict(
  error: unknown,
  input: { name?: string; startsOn: string; endsOn: string },
  exceptId?: number,
): Promise<never> {
  const violated = violatedConstraint(error);
  if (violated?.name === "review_cycles_name_unique" && input.name) throw nameTaken(input.name);
  if (violated?.name === "review_cycles_no_overlap") {
    await refuseOverlap(input.startsOn, input.endsOn, exceptId);
    throw new ActionError("These dates overlap another cycle.", { startsOn: ["Overlaps another cycle."] });
  }
  throw error;
}

async function refuseOverlap(startsOn: string, endsOn: string, exceptId?: number) {
  const db = await getDb();
  const [other] = await db
    .select({ name: reviewCycles.name })
    .from(reviewCycles)
    .where(
      and(
        sql`${reviewCycles.startsOn} <= ${endsOn}::date and ${reviewCycles.endsOn} >= ${startsOn}::date`,
        exceptId === undefined ? undefined : ne(reviewCycles.id, exceptId),
      ),
    )
    .limit(1);
  if (other) throw new ActionError(`These dates overlap ${other.name}.`, { startsOn: [`Overlaps ${other.name}.`] });
}

export type CycleInput = { name: string; startsOn: string; endsOn: string };

/** A new cycle starts as a draft: nobody can write in it until it is opened. */
export async function createCycle(actor: Actor, input: CycleInput) {
  const db = await databaseFor(actor, ["admin"]);
  const [existing] = await db
    .select({ id: reviewCycles.id })
    .from(reviewCycles)
    .where(eq(reviewCycles.name, input.name));
  if (existing) throw nameTaken(input.name);
  await refuseOverlap(input.startsOn, input.endsOn);
  try {
    return await db.transaction(async (tx) => {
      const [cycle] = await tx
        .insert(reviewCycles)
        .values({ ...input, status: "draft" })
        .returning();
      await recordAudit(
        { actorId: actor.id, action: "cycle.created", targetType: "cycle", targetId: cycle!.id, details: input },
        tx,
      );
      return cycle!;
    });
  } catch (error) {
    return explainCycleConflict(error, input);
  }
}

/** Dates of a draft or open cycle; a closed cycle is history and keeps its dates. */
export async function updateCycleDates(actor: Actor, cycleId: number, input: { startsOn: string; endsOn: string }) {
  assertRole(actor, ["admin"]);
  const cycle = await cycleOrRefuse(cycleId);
  if (cycle.status === "closed")
    throw new ActionError(`${cycle.name} is closed and read-only. Re-open it (with a reason) to change it.`);
  await refuseOverlap(input.startsOn, input.endsOn, cycleId);
  const db = await getDb();
  await db
    .transaction(async (tx) => {
      await tx.update(reviewCycles).set(input).where(eq(reviewCycles.id, cycleId));
      await recordAudit(
        {
          actorId: actor.id,
          action: "cycle.updated",
          targetType: "cycle",
          targetId: cycleId,
          details: { from: { startsOn: cycle.startsOn, endsOn: cycle.endsOn }, to: input },
        },
        tx,
      );
    })
    .catch((error: unknown) => explainCycleConflict(error, input, cycleId));
}

/** Conditional on the status read, so two admins clicking at once cannot both change it. */
async function transition(
  actor: Actor,
  cycleId: number,
  from: "draft" | "open",
  to: "open" | "closed",
  action: string,
  details: Record<string, unknown> = {},
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(reviewCycles)
      .set({ status: to })
      .where(and(eq(reviewCycles.id, cycleId), eq(reviewCycles.status, from)))
      .returning({ id: reviewCycles.id, name: reviewCycles.name, endsOn: reviewCycles.endsOn });
    if (changed.length === 0)
      throw new ActionError("This cycle changed status elsewhere. Reload to see where it stands.");
    if (from === "draft" && to === "open") await notifyCycleOpened(tx, changed[0]!);
    await recordAudit(
      {
        actorId: actor.id,
        action,
        targetType: "cycle",
        targetId: cycleId,
        details: { name: changed[0]!.name, ...details },
      },
      tx,
    );
    return changed[0]!;
  });
}

export async function openDraftCycle(actor: Actor, cycleId: number) {
  assertRole(actor, ["admin"]);
  const cycle = await cycleOrRefuse(cycleId);
  if (cycle.status === "open") throw new ActionError(`${cycle.name} is already open.`);
  if (cycle.status === "closed") throw new ActionError(`${cycle.name} is closed. Re-opening needs a reason.`);
  const opened = await transition(actor, cycleId, "draft", "open", "cycle.opened");
  kickJobWorker();
  return opened;
}

/** Closing makes every assessment in the cycle read-only, in the database itself (migration 0002). */
export async function closeCycle(actor: Actor, cycleId: number) {
  assertRole(actor, ["admin"]);
  const cycle = await cycleOrRefuse(cycleId);
  if (cycle.status !== "open")
    throw new ActionError(`Only an open cycle can be closed; ${cycle.name} is ${cycle.status}.`);
  const outstanding = await cycleOutstanding(actor, cycleId);
  return transition(actor, cycleId, "open", "closed", "cycle.closed", {
    unsubmittedSelf: outstanding.selfMissing,
    unfinalizedReviews: outstanding.reviewMissing,
  });
}

export async function reopenCycle(actor: Actor, cycleId: number, reason: string) {
  assertRole(actor, ["admin"]);
  const trimmed = reason.trim();
  if (trimmed.length < 10)
    throw new ActionError("Say why the cycle is re-opened.", { reason: ["At least 10 characters."] });
  const cycle = await cycleOrRefuse(cycleId);
  if (cycle.status !== "closed")
    throw new ActionError(`Only a closed cycle can be re-opened; ${cycle.name} is ${cycle.status}.`);
  // Through the database's own function (migration 0016): it re-opens and records the reason in the
  // audit log together, and is the only way the app's database role can re-open a closed cycle.
  const db = await getDb();
  const [reopened] = await db
    .select({ id: sql<number>`r.id`, name: sql<string>`r.name`, endsOn: sql<string>`r.ends_on::text` })
    .from(sql`reopen_review_cycle(${cycleId}, ${actor.id}, ${trimmed}) as r`);
  if (!reopened) throw new ActionError("This cycle changed status elsewhere. Reload to see where it stands.");
  return reopened;
}

/**
 * Who in the cycle has not finished: active people in a team now, without a submitted
 * self-assessment, or without a finalized manager review. The list is capped; the counts are not.
 */
export async function cycleOutstanding(actor: Actor, cycleId: number, listLimit = 200) {
  const db = await databaseFor(actor, ["admin"]);
  const selfDone = sql`exists (select 1 from ${assessments} a where a.cycle_id = ${cycleId} and a.subject_id = ${people.id} and a.kind = 'self' and a.status in ('submitted', 'finalized'))`;
  const reviewDone = sql`exists (select 1 from ${assessments} a where a.cycle_id = ${cycleId} and a.subject_id = ${people.id} and a.kind = 'manager' and a.status = 'finalized')`;
  const base = db
    .select({
      personId: people.id,
      name: people.name,
      email: people.email,
      team: teams.name,
      selfDone: sql<boolean>`${selfDone}`,
      reviewDone: sql<boolean>`${reviewDone}`,
    })
    .from(people)
    .innerJoin(teamMemberships, and(eq(teamMemberships.personId, people.id), isNull(teamMemberships.endedOn)))
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(and(eq(people.active, true), sql`not (${selfDone} and ${reviewDone})`))
    .orderBy(asc(teams.name), asc(people.name));
  const rows = await base;
  return {
    selfMissing: rows.filter((r) => !r.selfDone).length,
    reviewMissing: rows.filter((r) => !r.reviewDone).length,
    /** Submitted by the employee, but the manager has not finalized: the manager's to finish. */
    awaitingReview: rows.filter((r) => r.selfDone && !r.reviewDone).length,
    people: rows.slice(0, listLimit),
    total: rows.length,
  };
}
