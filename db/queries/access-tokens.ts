import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { endAllSessions } from "@/db/queries/sessions";
import { accessTokens, people } from "@/db/schema";

export type AccessTokenPurpose = (typeof accessTokens.$inferSelect)["purpose"];
type Executor = Pick<Database, "insert" | "update">;

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Issues a link token for a person: 32 random bytes, of which only the SHA-256 is stored. Any
 * earlier unused token of the same purpose is revoked, so only the newest link works.
 */
export async function issueAccessToken(
  input: { personId: number; purpose: AccessTokenPurpose; validForMinutes: number; createdById: number | null },
  executor?: Executor,
) {
  const db = executor ?? (await getDb());
  await db
    .update(accessTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(accessTokens.personId, input.personId),
        eq(accessTokens.purpose, input.purpose),
        isNull(accessTokens.usedAt),
        isNull(accessTokens.revokedAt),
      ),
    );
  const token = randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(accessTokens)
    .values({
      personId: input.personId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      createdById: input.createdById,
      expiresAt: sql`now() + make_interval(mins => ${Math.round(input.validForMinutes)})`,
    })
    .returning({ id: accessTokens.id, expiresAt: accessTokens.expiresAt });
  return { token, id: row!.id, expiresAt: row!.expiresAt };
}

const usable = (tokenHash: string) =>
  and(
    eq(accessTokens.tokenHash, tokenHash),
    isNull(accessTokens.usedAt),
    isNull(accessTokens.revokedAt),
    gt(accessTokens.expiresAt, sql`now()`),
    eq(people.active, true),
  );

/** The person a link is for, while the link is unused, unrevoked, unexpired and the person active. */
export async function findUsableToken(token: string) {
  if (!token || token.length > 100) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: accessTokens.id,
      purpose: accessTokens.purpose,
      expiresAt: accessTokens.expiresAt,
      personId: people.id,
      name: people.name,
      email: people.email,
      appRole: people.appRole,
    })
    .from(accessTokens)
    .innerJoin(people, eq(people.id, accessTokens.personId))
    .where(usable(hashToken(token)))
    .limit(1);
  return row ?? null;
}

/**
 * Uses a link once: marks the token used and sets the password in one transaction, ends the
 * person's sessions and records it. Null when the link is no longer usable (a second use included).
 */
export async function redeemTokenToSetPassword(input: { token: string; passwordHash: string; ip?: string }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [token] = await tx
      .update(accessTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(accessTokens.tokenHash, hashToken(input.token)),
          isNull(accessTokens.usedAt),
          isNull(accessTokens.revokedAt),
          gt(accessTokens.expiresAt, sql`now()`),
          sql`exists (select 1 from ${people} where ${people.id} = ${accessTokens.personId} and ${people.active})`,
        ),
      )
      .returning({ id: accessTokens.id, personId: accessTokens.personId, purpose: accessTokens.purpose });
    if (!token) return null;
    const [person] = await tx
      .update(people)
      .set({ passwordHash: input.passwordHash, passwordSetAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(people.id, token.personId))
      .returning({ id: people.id, email: people.email, name: people.name, role: people.appRole });
    await endAllSessions(token.personId, "password_set", tx);
    await recordAudit(
      {
        actorId: token.personId,
        action: token.purpose === "invite" ? "invitation.used" : "password_reset.used",
        targetType: "person",
        targetId: token.personId,
        details: { tokenId: token.id },
        ip: input.ip,
      },
      tx,
    );
    return person!;
  });
}
