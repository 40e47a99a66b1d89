import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Transaction } from "@/db/helpers";
import {
  assessments,
  jobs,
  type NotificationKind,
  notificationKind,
  notificationPreferences,
  notifications,
  people,
  reviewCycles,
} from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { writtenCalendarDate } from "@/lib/locale";

/** The job that mails one notification (lib/notifications/mail-job.ts). */
export const NOTIFICATION_MAIL_JOB = "notification.mail";

export const NOTIFICATION_KINDS = notificationKind.enumValues;

type NewNotification = {
  personId: number;
  kind: NotificationKind;
  cycleId?: number | null;
  title: string;
  href: string;
  /** Makes the notification happen at most once: a second insert with the same key does nothing. */
  dedupeKey?: string;
};

/**
 * Records notifications and queues one mail job for each, in the caller's transaction: the bell
 * and the mail exist together or not at all. Rows whose dedupe key already exists are skipped,
 * which is what keeps a reminder single when several instances schedule it at once.
 */
export async function notify(tx: Transaction, items: NewNotification[]) {
  if (items.length === 0) return [];
  const created: { id: number; personId: number }[] = [];
  for (let i = 0; i < items.length; i += 500) {
    const rows = await tx
      .insert(notifications)
      .values(
        items.slice(i, i + 500).map((n) => ({ ...n, cycleId: n.cycleId ?? null, dedupeKey: n.dedupeKey ?? null })),
      )
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id, personId: notifications.personId });
    created.push(...rows);
  }
  for (let i = 0; i < created.length; i += 500) {
    await tx
      .insert(jobs)
      .values(
        created.slice(i, i + 500).map((n) => ({ kind: NOTIFICATION_MAIL_JOB, payload: { notificationId: n.id } })),
      );
  }
  return created;
}

/** The actor's latest notifications and how many are unread. */
export async function myNotifications(actor: Actor, limit = 50) {
  const db = await getDb();
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.personId, actor.id))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.personId, actor.id), isNull(notifications.readAt))),
  ]);
  return { rows, unread: unread?.n ?? 0 };
}

export async function myUnreadCount(actor: Actor) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.personId, actor.id), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks all of the actor's own notifications read. */
export async function markMyNotificationsRead(actor: Actor) {
  const db = await getDb();
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.personId, actor.id), isNull(notifications.readAt)));
}

/** Marks one of the actor's notifications read and returns where it points; null if it is not theirs. */
export async function openMyNotification(actor: Actor, notificationId: number) {
  const db = await getDb();
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.personId, actor.id)))
    .returning({ href: notifications.href });
  return row?.href ?? null;
}

/** Whether each kind is mailed to the person (no row: yes). */
export async function mailPreferencesOf(personId: number) {
  const db = await getDb();
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.personId, personId));
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, rows.find((r) => r.kind === kind)?.mail ?? true]),
  ) as Record<NotificationKind, boolean>;
}

/**
 * Sets whether a kind is mailed. Called for the signed-in person (their settings) or for the
 * person a signed mail link names (lib/notifications/preference-link.ts checks the signature).
 */
export async function setMailPreference(personId: number, kind: NotificationKind, mail: boolean) {
  const db = await getDb();
  await db
    .insert(notificationPreferences)
    .values({ personId, kind, mail })
    .onConflictDoUpdate({
      target: [notificationPreferences.personId, notificationPreferences.kind],
      set: { mail, updatedAt: sql`now()` },
    });
}

/** What the mail job needs: the notification, its person, and whether they want this kind mailed. */
export async function notificationForMail(notificationId: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      href: notifications.href,
      mailedAt: notifications.mailedAt,
      cycle: { name: reviewCycles.name, endsOn: reviewCycles.endsOn },
      personId: people.id,
      name: people.name,
      email: people.email,
      active: people.active,
      mail: sql<boolean>`coalesce(${notificationPreferences.mail}, true)`,
    })
    .from(notifications)
    .innerJoin(people, eq(people.id, notifications.personId))
    .leftJoin(reviewCycles, eq(reviewCycles.id, notifications.cycleId))
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.personId, notifications.personId),
        eq(notificationPreferences.kind, notifications.kind),
      ),
    )
    .where(eq(notifications.id, notificationId));
  return row ?? null;
}

export async function markNotificationMailed(notificationId: number) {
  const db = await getDb();
  await db.update(notifications).set({ mailedAt: sql`now()` }).where(eq(notifications.id, notificationId));
}

/** Active people without a submitted (or finalized) self-assessment in the cycle. */
export function notSubmittedIn(cycleId: number) {
  return sql`not exists (select 1 from ${assessments} a where a.cycle_id = ${cycleId} and a.subject_id = ${people.id} and a.kind = 'self' and a.status in ('submitted', 'finalized'))`;
}

async function notSubmittedPeople(tx: Pick<Transaction, "select">, cycleId: number) {
  return tx
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.active, true), notSubmittedIn(cycleId)))
    .orderBy(people.name);
}

/** "Tell everyone": a cycle opened. Called in the transaction that opens it. */
export async function notifyCycleOpened(tx: Transaction, cycle: { id: number; name: string; endsOn: string }) {
  const everyone = await tx.select({ id: people.id }).from(people).where(eq(people.active, true));
  return notify(
    tx,
    everyone.map((p) => ({
      personId: p.id,
      kind: "cycle_opened" as const,
      cycleId: cycle.id,
      title: `${cycle.name} is open: describe your quarter by ${writtenCalendarDate(cycle.endsOn)}`,
      href: "/me",
      dedupeKey: `cycle_opened:${cycle.id}:${p.id}`,
    })),
  );
}

/**
 * Deadline reminders: for each open cycle ending within `daysBefore` days, everyone who has not
 * submitted gets one reminder per cycle (per setting of `daysBefore`). Safe to run from every
 * instance on every tick: the dedupe key lets exactly one insert win.
 */
export async function scheduleDeadlineReminders(daysBefore: number, today: string) {
  const db = await getDb();
  const due = await db
    .select({ id: reviewCycles.id, name: reviewCycles.name, endsOn: reviewCycles.endsOn })
    .from(reviewCycles)
    .where(
      and(
        eq(reviewCycles.status, "open"),
        sql`${reviewCycles.endsOn} >= ${today}::date`,
        sql`${reviewCycles.endsOn} - ${today}::date <= ${daysBefore}`,
      ),
    );
  let created = 0;
  for (const cycle of due) {
    const rows = await db.transaction(async (tx) => {
      const missing = await notSubmittedPeople(tx, cycle.id);
      return notify(
        tx,
        missing.map((p) => ({
          personId: p.id,
          kind: "deadline_near" as const,
          cycleId: cycle.id,
          title: `${cycle.name} closes on ${writtenCalendarDate(cycle.endsOn)}: your self-assessment is not submitted yet`,
          href: "/me",
          dedupeKey: `deadline:${cycle.id}:${p.id}:${daysBefore}`,
        })),
      );
    });
    created += rows.length;
  }
  return created;
}
