import "server-only";
import { recordAudit } from "@/db/queries/audit";
import { startSession } from "@/db/queries/sessions";
import { findPersonByEmail } from "@/db/queries/sign-in";
import type { Person } from "@/db/schema";

/** Why a single sign-on was refused; each has its own page text (app/(auth)/login/sso-refused). */
const SSO_REFUSALS = ["unverified", "unknown", "deactivated"] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export type SsoOutcome = { result: "ok"; person: Person; sessionId: string } | { result: SsoRefusal };

type SsoClaims = { email?: unknown; email_verified?: unknown };

/**
 * The person an identity provider vouches for, matched by verified email to someone who already
 * exists (no self-sign-up); on success a session row is started exactly as for a password sign-in.
 */
export async function resolveSsoSignIn(
  claims: SsoClaims,
  request: { ip: string; userAgent?: string | null },
): Promise<SsoOutcome> {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  // Some providers send the claim as the string "true"; anything else is not a verified address.
  const verified = claims.email_verified === true || claims.email_verified === "true";
  const refuse = async (result: SsoRefusal, actorId: number | null = null) => {
    await recordAudit({
      actorId,
      action: "sign_in.sso_refused",
      details: { email: email.slice(0, 254), reason: result },
      ip: request.ip,
    });
    return { result } as const;
  };
  if (!email || !verified) return refuse("unverified");
  const person = await findPersonByEmail(email);
  if (!person) return refuse("unknown");
  if (!person.active) return refuse("deactivated", person.id);
  const sessionId = await startSession({ personId: person.id, ip: request.ip, userAgent: request.userAgent });
  await recordAudit({ actorId: person.id, action: "sign_in", details: { method: "sso" }, ip: request.ip });
  return { result: "ok", person, sessionId };
}
