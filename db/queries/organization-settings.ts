import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, organizationSettings } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import { type Actor, assertRole } from "@/lib/authz";
import { ssoConfig } from "@/lib/env";
import { recordAudit } from "./audit";

export type OrganizationSettings = { passwordSignInAdminsOnly: boolean };

const DEFAULTS: OrganizationSettings = { passwordSignInAdminsOnly: false };

/** Read by the sign-in page and the sign-in check, before anyone is signed in: no actor. */
export async function getOrganizationSettings(): Promise<OrganizationSettings> {
  const db = await getDb();
  const [row] = await db
    .select({ passwordSignInAdminsOnly: organizationSettings.passwordSignInAdminsOnly })
    .from(organizationSettings)
    .where(eq(organizationSettings.id, 1));
  return row ?? DEFAULTS;
}

/** Turning password sign-in off needs SSO configured and proven by one sign-in, so nobody is locked out. */
export async function setPasswordSignInAdminsOnly(actor: Actor, adminsOnly: boolean) {
  assertRole(actor, ["admin"]);
  if (adminsOnly && !ssoConfig()) {
    throw new ActionError("Single sign-on is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET).");
  }
  if (adminsOnly && (await countSsoSignIns(actor)) === 0) {
    throw new ActionError("Nobody has signed in with single sign-on yet. Try it yourself first, then turn this on.");
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(organizationSettings)
      .values({ id: 1, passwordSignInAdminsOnly: adminsOnly, updatedById: actor.id })
      .onConflictDoUpdate({
        target: organizationSettings.id,
        set: { passwordSignInAdminsOnly: adminsOnly, updatedById: actor.id, updatedAt: sql`now()` },
      });
    await recordAudit({ actorId: actor.id, action: "settings.password_sign_in", details: { adminsOnly } }, tx);
  });
}

/** How many single sign-ons have succeeded: an admin turns password sign-in off only once SSO works. */
export async function countSsoSignIns(actor: Actor) {
  assertRole(actor, ["admin"]);
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, "sign_in"), sql`${auditLog.details}->>'method' = 'sso'`));
  return row?.n ?? 0;
}
