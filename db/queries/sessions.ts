import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, type Placeholder, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db";
import { people, sessions } from "@/db/schema";
import type { Actor } from "@/lib/authz";

type Executor = Pick<Database, "update">;

/** How long a session lives: idle (no request) and in total, from sign-in. */
export type SessionLimits = { idleMinutes: number; maxHours: number };

/** Where a session stands: open, ended (sign-out and the like), or past its idle or lifetime limit. */
export type SessionState = "open" | "ended" | "idle" | "expired";

// In seconds: make_interval takes whole minutes and hours only, and the settings may have fractions.
const idleSeconds = (limits: SessionLimits) => Math.round(limits.idleMinutes * 60);
const lifetimeSeconds = (limits: SessionLimits) => Math.round(limits.maxHours * 3600);
const idleFor = (limits: SessionLimits) => sql`make_interval(secs => ${idleSeconds(limits)})`;
const lifetime = (limits: SessionLimits) => sql`make_interval(secs => ${lifetimeSeconds(limits)})`;
/** Both limits in seconds (numbers, or a prepared statement's placeholders), as findSessionActor checks them and the sign-in lists show them. */
const withinLimits = (idle: number | Placeholder, life: number | Placeholder) =>
  and(
    gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${idle})`),
    gt(sessions.createdAt, sql`now() - make_interval(secs => ${life})`),
  )!;

/** Past both limits, the one reached first names it. */
const sessionState = (limits: SessionLimits) => sql<SessionState>`case
  when ${sessions.endedAt} is not null then 'ended'
  when ${withinLimits(idleSeconds(limits), lifetimeSeconds(limits))} then 'open'
  when ${sessions.lastSeenAt} + ${idleFor(limits)} < ${sessions.createdAt} + ${lifetime(limits)} then 'idle'
  else 'expired' end`;

/** The last-seen time is written at most this often, not on every request. */
const TOUCH_EVERY_SECONDS = 60;

export async function startSession(input: { personId: number; ip?: string; userAgent?: string | null }) {
  const db = await getDb();
  const id = randomBytes(32).toString("hex");
  await db.insert(sessions).values({
    id,
    personId: input.personId,
    ip: input.ip?.slice(0, 64) ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return id;
}

/** The session lookup of every request, built once per database (drizzle builds a query's text anew on each call). */
function sessionActorQuery(db: Database) {
  return db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      role: people.appRole,
      stale: sql<boolean>`${sessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_EVERY_SECONDS})`,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        isNull(sessions.endedAt),
        eq(people.active, true),
        withinLimits(sql.placeholder("idleSeconds"), sql.placeholder("lifetimeSeconds")),
      ),
    )
    .limit(1)
    .prepare("find_session_actor");
}
const sessionActorQueries = new WeakMap<Database, ReturnType<typeof sessionActorQuery>>();

/**
 * The person behind a session, when the session is neither ended, idle too long nor past its
 * lifetime, and the person is active; else null. Keeps the session alive while it is used.
 */
export async function findSessionActor(sessionId: string, limits: SessionLimits): Promise<Actor | null> {
  const db = await getDb();
  let query = sessionActorQueries.get(db);
  if (!query) {
    query = sessionActorQuery(db);
    sessionActorQueries.set(db, query);
  }
  const [row] = await query.execute({
    sessionId,
    idleSeconds: idleSeconds(limits),
    lifetimeSeconds: lifetimeSeconds(limits),
  });
  if (!row) return null;
  if (row.stale) await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
  const { stale: _stale, ...actor } = row;
  return actor;
}

export async function endSession(sessionId: string, reason: string) {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every open session of a person (password set, deactivation, role change, "sign out everywhere"). */
export async function endAllSessions(personId: number, reason: string, executor?: Executor) {
  const db = executor ?? (await getDb());
  const ended = await db
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.personId, personId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

/**
 * The actor's own latest sign-ins, newest first: when, from where, and whether still open — under
 * the same limits findSessionActor enforces, so a session it refuses is never listed as open.
 */
export async function listMySignIns(actor: Actor, currentSessionId: string | null, limits: SessionLimits, limit = 10) {
  const db = await getDb();
  return db
    .select({
      current: sql<boolean>`${sessions.id} = ${currentSessionId ?? ""}`,
      state: sessionState(limits),
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      endedAt: sessions.endedAt,
      endReason: sessions.endReason,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.personId, actor.id))
    .orderBy(desc(sessions.createdAt))
    .limit(limit);
}
