import "server-only";
import bcrypt from "bcryptjs";
import { recordAudit } from "@/db/queries/audit";
import { getOrganizationSettings } from "@/db/queries/organization-settings";
import { countSignInAttempt, findPersonByEmail, forgiveSignInAttempts } from "@/db/queries/sign-in";
import type { AppRole, Person } from "@/db/schema";
import { ssoConfig, trustsProxyHeaders } from "@/lib/env";

/** Password checks allowed per key in a window; past them the key is locked for a window. */
export const SIGN_IN_LIMITS = {
  perEmail: 5,
  perIp: 30,
  windowSeconds: 15 * 60,
} as const;

// Compared against when the email is unknown, so the answer takes as long as for a real account.
let unknownUserHash: string | undefined;
function hashForUnknownUser() {
  unknownUserHash ??= bcrypt.hashSync("no-such-user-placeholder", 10);
  return unknownUserHash;
}

export type SignInOutcome = { result: "ok"; person: Person } | { result: "invalid" | "throttled" | "deactivated" };

/**
 * The client's address for the per-address limit, or null when it cannot be known. Next gives
 * route handlers and actions no socket address: `next start` copies it into X-Forwarded-For only
 * when the client sent none, so without a trusted proxy in front (TRUST_PROXY=1) that header is
 * whatever the client chose, and a per-address key from it is worthless. Behind the proxy, its
 * address for the client is the last entry (earlier ones come from the client).
 */
export function clientAddress(headers: Headers): string | null {
  if (!trustsProxyHeaders()) return null;
  const last = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || null;
}

/** The client's address for logs and records; "unknown" without a trusted proxy. */
export function clientIp(headers: Headers) {
  return clientAddress(headers) ?? "unknown";
}

/**
 * Once SSO is configured, an admin may keep password sign-in for admins only: then nobody else
 * signs in, gets a reset link or sets a password with one.
 */
export async function passwordSignInAllowed(person: { appRole: AppRole }) {
  return person.appRole === "admin" || !(await passwordSignInAdminsOnly());
}

/** The setting counts only while SSO is configured, so nobody is ever locked out. */
export async function passwordSignInAdminsOnly() {
  return Boolean(ssoConfig()) && (await getOrganizationSettings()).passwordSignInAdminsOnly;
}

/** `ip` null: the address is unknown, so only the per-email limit applies (never one shared key for everyone). */
export async function verifySignIn(input: {
  email: string;
  password: string;
  ip: string | null;
}): Promise<SignInOutcome> {
  const emailKey = `email:${input.email}`;
  const ipKey = input.ip ? `ip:${input.ip}` : null;

  const [byEmail, byIp] = [
    await countSignInAttempt(emailKey, SIGN_IN_LIMITS.perEmail, SIGN_IN_LIMITS.windowSeconds),
    ipKey ? await countSignInAttempt(ipKey, SIGN_IN_LIMITS.perIp, SIGN_IN_LIMITS.windowSeconds) : { locked: false },
  ];
  if (byEmail.locked || byIp.locked) {
    await recordAudit({
      actorId: null,
      action: "sign_in.throttled",
      details: { email: input.email },
      ip: input.ip ?? undefined,
    });
    return { result: "throttled" };
  }

  const person = await findPersonByEmail(input.email);
  const passwordMatches = await bcrypt.compare(input.password, person?.passwordHash ?? hashForUnknownUser());

  if (!person || !passwordMatches) {
    await recordAudit({
      actorId: person?.id ?? null,
      action: "sign_in.failed",
      details: { email: input.email },
      ip: input.ip ?? undefined,
    });
    return { result: "invalid" };
  }
  await forgiveSignInAttempts(emailKey, ipKey);
  if (!person.active) {
    await recordAudit({ actorId: person.id, action: "sign_in.refused_inactive", ip: input.ip ?? undefined });
    return { result: "deactivated" };
  }
  await recordAudit({ actorId: person.id, action: "sign_in", ip: input.ip ?? undefined });
  return { result: "ok", person };
}
