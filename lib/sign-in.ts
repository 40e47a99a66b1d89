import "server-only";
import bcrypt from "bcryptjs";
import { recordAudit } from "@/db/queries/audit";
import { countSignInAttempt, findPersonByEmail, forgiveSignInAttempts } from "@/db/queries/sign-in";
import type { Person } from "@/db/schema";

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

export async function verifySignIn(input: { email: string; password: string; ip: string }): Promise<SignInOutcome> {
  const emailKey = `email:${input.email}`;
  const ipKey = `ip:${input.ip}`;

  const [byEmail, byIp] = [
    await countSignInAttempt(emailKey, SIGN_IN_LIMITS.perEmail, SIGN_IN_LIMITS.windowSeconds),
    await countSignInAttempt(ipKey, SIGN_IN_LIMITS.perIp, SIGN_IN_LIMITS.windowSeconds),
  ];
  if (byEmail.locked || byIp.locked) {
    await recordAudit({ actorId: null, action: "sign_in.throttled", details: { email: input.email }, ip: input.ip });
    return { result: "throttled" };
  }

  const person = await findPersonByEmail(input.email);
  const passwordMatches = await bcrypt.compare(input.password, person?.passwordHash ?? hashForUnknownUser());

  if (!person || !passwordMatches) {
    await recordAudit({
      actorId: person?.id ?? null,
      action: "sign_in.failed",
      details: { email: input.email },
      ip: input.ip,
    });
    return { result: "invalid" };
  }
  await forgiveSignInAttempts(emailKey, ipKey);
  if (!person.active) {
    await recordAudit({ actorId: person.id, action: "sign_in.refused_inactive", ip: input.ip });
    return { result: "deactivated" };
  }
  await recordAudit({ actorId: person.id, action: "sign_in", ip: input.ip });
  return { result: "ok", person };
}
