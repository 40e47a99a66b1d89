import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { people, signInThrottle } from "@/db/schema";

export async function findPersonByEmail(email: string) {
  const db = await getDb();
  const [person] = await db.select().from(people).where(eq(people.email, email)).limit(1);
  return person ?? null;
}

/** The latest lock among the given throttle keys, if any is still locked. */
export async function signInLockedUntil(keys: string[]) {
  const db = await getDb();
  const rows = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keys));
  const now = Date.now();
  const locks = rows
    .map((r) => r.lockedUntil)
    .filter((d): d is Date => d !== null && d.getTime() > now)
    .sort((a, b) => b.getTime() - a.getTime());
  return locks[0] ?? null;
}

/**
 * Counts one failure against a key within a sliding window, and locks the key once it reaches
 * its limit. One upsert, so concurrent failures from several server processes all count.
 */
export async function recordSignInFailure(key: string, limit: number, windowSeconds: number) {
  const db = await getDb();
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const expired = sql`${signInThrottle.windowStartedAt} < now() - ${window}`;
  const nextFailures = sql`case when ${expired} then 1 else ${signInThrottle.failures} + 1 end`;
  const [row] = await db
    .insert(signInThrottle)
    .values({
      key,
      failures: 1,
      windowStartedAt: sql`now()`,
      lockedUntil: limit <= 1 ? sql`now() + ${window}` : null,
    })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: nextFailures,
        windowStartedAt: sql`case when ${expired} then now() else ${signInThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${nextFailures} >= ${limit} then now() + ${window} else ${signInThrottle.lockedUntil} end`,
      },
    })
    .returning({ failures: signInThrottle.failures, lockedUntil: signInThrottle.lockedUntil });
  return row!;
}

export async function clearSignInFailures(key: string) {
  const db = await getDb();
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
