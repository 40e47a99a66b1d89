import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { people, signInThrottle } from "@/db/schema";

export async function findPersonByEmail(email: string) {
  const db = await getDb();
  const [person] = await db.select().from(people).where(eq(people.email, email)).limit(1);
  return person ?? null;
}

/**
 * Counts one sign-in attempt against a key, before the password is checked, in one upsert: parallel
 * attempts all count, so at most `limit` passwords are tried per window. Past the limit the key is
 * locked for a window; the answer says whether it is locked now.
 */
export async function countSignInAttempt(key: string, limit: number, windowSeconds: number) {
  const db = await getDb();
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const expired = sql`${signInThrottle.windowStartedAt} < now() - ${window}`;
  const stillLocked = sql`${signInThrottle.lockedUntil} > now()`;
  const nextFailures = sql`case when ${expired} and not coalesce(${stillLocked}, false) then 1 else ${signInThrottle.failures} + 1 end`;
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStartedAt: sql`now()`, lockedUntil: null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: nextFailures,
        windowStartedAt: sql`case when ${expired} and not coalesce(${stillLocked}, false) then now() else ${signInThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${stillLocked} then ${signInThrottle.lockedUntil} when ${nextFailures} > ${limit} then now() + ${window} else null end`,
      },
    })
    .returning({ failures: signInThrottle.failures, lockedUntil: signInThrottle.lockedUntil });
  return { failures: row!.failures, locked: row!.lockedUntil !== null && row!.lockedUntil.getTime() > Date.now() };
}

/** A successful sign-in: the email starts afresh, and the address gets its attempt back. */
export async function forgiveSignInAttempts(emailKey: string, ipKey: string | null) {
  const db = await getDb();
  await db.delete(signInThrottle).where(eq(signInThrottle.key, emailKey));
  if (!ipKey) return;
  await db
    .update(signInThrottle)
    .set({ failures: sql`greatest(${signInThrottle.failures} - 1, 0)` })
    .where(eq(signInThrottle.key, ipKey));
}
