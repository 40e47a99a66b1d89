import "server-only";
import bcrypt from "bcryptjs";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { endAllSessions } from "@/db/queries/sessions";
import { countSignInAttempt, findPersonByEmail } from "@/db/queries/sign-in";
import { people } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import type { Actor } from "@/lib/authz";
import { sendMail } from "@/lib/mail";
import { passwordPolicyErrors } from "@/lib/password-policy";
import { SIGN_IN_LIMITS } from "@/lib/sign-in";

/**
 * The signed-in person changes their own password: the current one is required (and its guesses
 * count against the same limit as sign-in), the new one meets the policy, every session ends and
 * they get a mail saying so.
 */
export async function changeOwnPassword(actor: Actor, input: { current: string; password: string; ip: string }) {
  const throttle = await countSignInAttempt(
    `email:${actor.email}`,
    SIGN_IN_LIMITS.perEmail,
    SIGN_IN_LIMITS.windowSeconds,
  );
  if (throttle.locked) throw new ActionError("Too many wrong passwords. Wait 15 minutes, then try again.");
  const person = await findPersonByEmail(actor.email);
  if (!person || !(await bcrypt.compare(input.current, person.passwordHash))) {
    await recordAudit({ actorId: actor.id, action: "password.change_refused", ip: input.ip });
    throw new ActionError("Your current password is not right.", { current: ["This is not your current password."] });
  }
  const errors = await passwordPolicyErrors(input.password, actor.email);
  if (errors.length) throw new ActionError("Choose another new password.", { password: errors });
  if (input.password === input.current)
    throw new ActionError("Choose another new password.", { password: ["The new password is the current one."] });

  const passwordHash = await bcrypt.hash(input.password, 10);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(people)
      .set({ passwordHash, passwordSetAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(people.id, actor.id));
    await endAllSessions(actor.id, "password_changed", tx);
    await recordAudit(
      { actorId: actor.id, action: "password.changed", targetType: "person", targetId: actor.id, ip: input.ip },
      tx,
    );
  });
  await sendMail({ email: actor.email, name: actor.name }, "passwordChanged", {
    name: actor.name,
    at: new Date(),
  }).catch((error: unknown) => console.error("Password-changed mail failed", { personId: actor.id, error }));
}

/** Ends every session of the signed-in person, this one included. */
export async function signOutEverywhere(actor: Actor, ip: string) {
  const ended = await endAllSessions(actor.id, "sign_out_everywhere");
  await recordAudit({
    actorId: actor.id,
    action: "sign_out.everywhere",
    targetType: "person",
    targetId: actor.id,
    details: { sessions: ended },
    ip,
  });
  return ended;
}
