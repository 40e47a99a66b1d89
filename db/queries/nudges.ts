import "server-only";
import { and, asc, eq, exists, isNull, ne, sql } from "drizzle-orm";
import type { Reader } from "@/db/helpers";
import { recordAudit } from "@/db/queries/audit";
import { databaseFor } from "@/db/queries/database-for";
import { notify, notSubmittedIn } from "@/db/queries/notifications";
import { assessments, notifications, people, reviewCycles, teamMemberships, teams } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import type { Actor } from "@/lib/authz";
import { writtenCalendarDate } from "@/lib/locale";

/** Who may nudge: a manager their own reports, an admin everyone in the cycle. */
export const NUDGE_ROLES = ["manager", "admin"] as const;

type NudgeRecipient = { id: number; name: string; email: string; selfStatus: "draft" | "returned" | null };

/** The day a nudge counts for: one per person per cycle per UTC day. */
function nudgeDay(now = new Date()) {
  return now.toISOString().slice(0, 10);
}

function nudgeKey(cycleId: number, personId: number, day: string) {
  return `nudge:${cycleId}:${personId}:${day}`;
}

async function openCycleOrRefuse(db: Reader, cycleId: number) {
  const [cycle] = await db.select().from(reviewCycles).where(eq(reviewCycles.id, cycleId));
  if (!cycle) throw new ActionError("That review cycle does not exist.");
  if (cycle.status !== "open")
    throw new ActionError(`Only an open cycle's people can be reminded; ${cycle.name} is ${cycle.status}.`);
  return cycle;
}

/**
 * The active people the actor may nudge who have not submitted a self-assessment in the cycle (no
 * assessment, a draft, or one returned for changes), and which of them were already nudged today.
 */
async function notSubmittedInScope(db: Reader, actor: Actor, cycleId: number, day: string) {
  const managed = exists(
    db
      .select({ one: sql`1` })
      .from(teamMemberships)
      .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
      .where(
        and(eq(teamMemberships.personId, people.id), isNull(teamMemberships.endedOn), eq(teams.managerId, actor.id)),
      ),
  );
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      selfStatus: assessments.status,
      nudgedToday: sql<boolean>`${notifications.id} is not null`,
    })
    .from(people)
    .leftJoin(
      assessments,
      and(eq(assessments.subjectId, people.id), eq(assessments.cycleId, cycleId), eq(assessments.kind, "self")),
    )
    .leftJoin(
      notifications,
      eq(notifications.dedupeKey, sql`'nudge:' || ${cycleId}::text || ':' || ${people.id}::text || ':' || ${day}`),
    )
    .where(
      and(
        eq(people.active, true),
        ne(people.id, actor.id),
        notSubmittedIn(cycleId),
        actor.role === "manager" ? managed : undefined,
      ),
    )
    .orderBy(asc(people.name), asc(people.id));
  const toRemind: NudgeRecipient[] = [];
  const remindedToday: NudgeRecipient[] = [];
  for (const { nudgedToday, ...person } of rows) {
    const recipient = { ...person, selfStatus: person.selfStatus as NudgeRecipient["selfStatus"] };
    (nudgedToday ? remindedToday : toRemind).push(recipient);
  }
  return { toRemind, remindedToday };
}

/** What "Remind the N who have not submitted" would do now: who gets the nudge and who is skipped. */
export async function nudgePlan(actor: Actor, cycleId: number, day = nudgeDay()) {
  const db = await databaseFor(actor, NUDGE_ROLES);
  const cycle = await openCycleOrRefuse(db, cycleId);
  const scope = await notSubmittedInScope(db, actor, cycle.id, day);
  return { cycle: { id: cycle.id, name: cycle.name, endsOn: cycle.endsOn }, ...scope };
}

/** The nudge's notification title: the subject of its mail and the line in the bell. */
export function nudgeTitle(actorName: string, cycle: { name: string; endsOn: string }) {
  return `Reminder from ${actorName}: please submit your ${cycle.name} self-assessment by ${writtenCalendarDate(cycle.endsOn)}`;
}

/**
 * Nudges everyone in the actor's scope who has not submitted and was not nudged today: a
 * notification each (the bell, and a mail unless they turned reminders off), and one audit entry.
 * The dedupe key makes a second nudge the same day a no-op for that person, even when two arrive
 * at once; the count returned is of the nudges actually created.
 */
export async function sendNudges(actor: Actor, cycleId: number, day = nudgeDay()) {
  const db = await databaseFor(actor, NUDGE_ROLES);
  return db.transaction(async (tx) => {
    const cycle = await openCycleOrRefuse(tx, cycleId);
    const { toRemind, remindedToday } = await notSubmittedInScope(tx, actor, cycle.id, day);
    const alreadyReminded = (n: number) =>
      new ActionError(
        `Everyone who has not submitted was already reminded today (${n}). Nudges go out at most once a day.`,
      );
    if (toRemind.length === 0) {
      if (remindedToday.length > 0) throw alreadyReminded(remindedToday.length);
      throw new ActionError("Everyone has submitted: there is nobody to remind.");
    }
    const created = await notify(
      tx,
      toRemind.map((p) => ({
        personId: p.id,
        kind: "nudge" as const,
        cycleId: cycle.id,
        title: nudgeTitle(actor.name, cycle),
        href: "/me",
        dedupeKey: nudgeKey(cycle.id, p.id, day),
      })),
    );
    const nudgedIds = created.map((c) => c.personId);
    // Another nudge committed the same people first: nothing new to send.
    if (nudgedIds.length === 0) throw alreadyReminded(remindedToday.length + toRemind.length);
    await recordAudit(
      {
        actorId: actor.id,
        action: "cycle.nudged",
        targetType: "review_cycle",
        targetId: cycle.id,
        details: {
          count: nudgedIds.length,
          personIds: nudgedIds,
          scope: actor.role === "admin" ? "everyone" : "reports",
        },
      },
      tx,
    );
    const sent = toRemind.filter((p) => nudgedIds.includes(p.id));
    return { cycle, sent, skipped: remindedToday.length + toRemind.length - sent.length };
  });
}
