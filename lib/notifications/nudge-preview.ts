import "server-only";
import { nudgePlan, nudgeTitle } from "@/db/queries/nudges";
import type { Actor } from "@/lib/authz";
import { renderMail } from "@/lib/mail";
import { notificationMailData } from "./mail-job";

/**
 * What "Remind the N who have not submitted" will do: the people it reaches, those skipped because
 * they were reminded today, and the mail exactly as the first of them will get it (each person's
 * copy differs only in their name and their own one-click link).
 */
export async function nudgePreview(actor: Actor, cycleId: number) {
  const plan = await nudgePlan(actor, cycleId);
  const first = plan.toRemind[0];
  const mail = first
    ? renderMail(
        "notification",
        notificationMailData({
          personId: first.id,
          name: first.name,
          kind: "nudge",
          title: nudgeTitle(actor.name, plan.cycle),
          href: "/me",
          cycle: plan.cycle,
        }),
      )
    : null;
  return {
    cycle: plan.cycle,
    toRemind: plan.toRemind.map(({ id, name, email, selfStatus }) => ({ id, name, email, selfStatus })),
    remindedToday: plan.remindedToday.map(({ id, name, email }) => ({ id, name, email })),
    mail: mail && { to: first?.name ?? "", subject: mail.subject, text: mail.text },
  };
}
