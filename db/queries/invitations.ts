import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { NO_PASSWORD } from "@/db/queries/admin-people";
import { recordAudit } from "@/db/queries/audit";
import { accessTokens, people } from "@/db/schema";
import { type Actor, assertRole } from "@/lib/authz";

/** A person with no password of their own yet and still active: the only people an invitation is for. */
const invitable = and(eq(people.active, true), eq(people.passwordHash, NO_PASSWORD));

export async function findInvitee(personId: number) {
  const db = await getDb();
  const [person] = await db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.id, personId), invitable));
  return person ?? null;
}

/** Of the given people, those an invitation can go to, in the given order. */
export async function filterInvitable(actor: Actor, personIds: number[]) {
  assertRole(actor, ["admin"]);
  const db = await getDb();
  const found = new Set<number>();
  for (let i = 0; i < personIds.length; i += 5000) {
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, personIds.slice(i, i + 5000)), invitable));
    for (const row of rows) found.add(row.id);
  }
  return personIds.filter((id) => found.has(id));
}

/** Ends a person's open invitation: its link stops working. False when there was none. */
export async function revokeInvitation(actor: Actor, personId: number) {
  assertRole(actor, ["admin"]);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(accessTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(accessTokens.personId, personId),
          eq(accessTokens.purpose, "invite"),
          isNull(accessTokens.usedAt),
          isNull(accessTokens.revokedAt),
        ),
      )
      .returning({ id: accessTokens.id });
    if (revoked.length === 0) return false;
    await recordAudit(
      {
        actorId: actor.id,
        action: "invitation.revoked",
        targetType: "person",
        targetId: personId,
        details: { tokenIds: revoked.map((r) => r.id) },
      },
      tx,
    );
    return true;
  });
}
