import "server-only";
import bcrypt from "bcryptjs";
import { findUsableToken, issueAccessToken, redeemTokenToSetPassword } from "@/db/queries/access-tokens";
import { recordAudit } from "@/db/queries/audit";
import { countSignInAttempt, findPersonByEmail } from "@/db/queries/sign-in";
import type { AppRole } from "@/db/schema";
import { setPasswordUrl } from "@/lib/app-url";
import { serverEnv } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { passwordPolicyErrors } from "@/lib/password-policy";
import { passwordSignInAllowed } from "@/lib/sign-in";

/** Reset requests allowed per key in a window, like sign-in's; counted whether or not the email exists. */
export const RESET_LIMITS = {
  perEmail: 3,
  perIp: 20,
  windowSeconds: 15 * 60,
} as const;

/**
 * Counts a reset request against the email and the address; true when either is over its limit.
 * `ip` null: the address is unknown (no trusted proxy), so only the per-email limit applies — one
 * shared key would let anyone block resets for everybody.
 */
export async function resetRequestThrottled(email: string, ip: string | null) {
  const byEmail = await countSignInAttempt(`reset-email:${email}`, RESET_LIMITS.perEmail, RESET_LIMITS.windowSeconds);
  const byIp = ip ? await countSignInAttempt(`reset-ip:${ip}`, RESET_LIMITS.perIp, RESET_LIMITS.windowSeconds) : null;
  if (!byEmail.locked && !byIp?.locked) return false;
  await recordAudit({ actorId: null, action: "password_reset.throttled", details: { email }, ip: ip ?? undefined });
  return true;
}

/**
 * Mails a reset link when the email belongs to an active person who may sign in with a password;
 * does nothing visible otherwise (with password sign-in for admins only, others use SSO).
 * The caller answers the same either way and runs this after responding, so timing tells nothing.
 */
export async function sendPasswordResetMail(email: string, ip: string) {
  const person = await findPersonByEmail(email);
  if (!person?.active) {
    await recordAudit({ actorId: null, action: "password_reset.unknown_email", details: { email }, ip });
    return false;
  }
  if (!(await passwordSignInAllowed(person))) {
    await recordAudit({ actorId: person.id, action: "password_reset.refused_sso_only", ip });
    return false;
  }
  const { token, id, expiresAt } = await issueAccessToken({
    personId: person.id,
    purpose: "reset",
    validForMinutes: serverEnv().RESET_VALID_MINUTES,
    createdById: null,
  });
  await recordAudit({
    actorId: person.id,
    action: "password_reset.issued",
    targetType: "person",
    targetId: person.id,
    details: { tokenId: id },
    ip,
  });
  await sendMail({ email: person.email, name: person.name }, "passwordReset", {
    name: person.name,
    url: setPasswordUrl(token),
    expiresAt,
  });
  return true;
}

export type SetPasswordOutcome =
  | { result: "ok"; person: { id: number; email: string; name: string; role: AppRole } }
  | { result: "invalid_password"; errors: string[] }
  | { result: "link_unusable" }
  | { result: "sso_only" };

/** Sets a password from an invitation or reset link, under the policy; the link works once. */
export async function setPasswordWithToken(input: {
  token: string;
  password: string;
  ip?: string;
}): Promise<SetPasswordOutcome> {
  const link = await findUsableToken(input.token);
  if (!link) return { result: "link_unusable" };
  // Refused before the link is used up: it works again if password sign-in is turned back on.
  if (!(await passwordSignInAllowed(link))) return { result: "sso_only" };
  const errors = await passwordPolicyErrors(input.password, link.email);
  if (errors.length) return { result: "invalid_password", errors };
  const person = await redeemTokenToSetPassword({
    token: input.token,
    passwordHash: await bcrypt.hash(input.password, 10),
    ip: input.ip,
  });
  return person ? { result: "ok", person } : { result: "link_unusable" };
}
