import "server-only";
import { enqueueJob, kickJobWorker } from "@/db/jobs";
import { issueAccessToken } from "@/db/queries/access-tokens";
import { recordAudit } from "@/db/queries/audit";
import { filterInvitable, findInvitee } from "@/db/queries/invitations";
import { setPasswordUrl } from "@/lib/app-url";
import type { Actor } from "@/lib/authz";
import { serverEnv } from "@/lib/env";
import type { JobHandler } from "@/lib/jobs/types";
import { sendMail } from "@/lib/mail";

/** Up to this many invitations go out within the request; more are sent by the job worker. */
export const INVITE_INLINE_LIMIT = 20;
const INVITE_MAX_AT_ONCE = 100_000;

/**
 * Sends one person a fresh invitation (a resend revokes the earlier link). False when the person
 * cannot be invited (deactivated, or already has a password).
 */
async function inviteOne(invitedBy: { id: number; name: string }, personId: number) {
  const person = await findInvitee(personId);
  if (!person) return false;
  const { token, id, expiresAt } = await issueAccessToken({
    personId,
    purpose: "invite",
    validForMinutes: serverEnv().INVITE_VALID_DAYS * 24 * 60,
    createdById: invitedBy.id,
  });
  await recordAudit({
    actorId: invitedBy.id,
    action: "invitation.issued",
    targetType: "person",
    targetId: personId,
    details: { tokenId: id, email: person.email },
  });
  await sendMail({ email: person.email, name: person.name }, "invitation", {
    name: person.name,
    invitedBy: invitedBy.name,
    url: setPasswordUrl(token),
    expiresAt,
  });
  return true;
}

export type InviteOutcome =
  | { mode: "sent"; sent: number; skipped: number }
  | { mode: "queued"; jobId: number; queued: number; skipped: number };

/**
 * Invites people who have no access yet; the others are skipped and counted. A few go out now,
 * many in the background (a job whose progress the admin can watch).
 */
export async function invitePeople(actor: Actor, personIds: number[]): Promise<InviteOutcome> {
  const unique = [...new Set(personIds)].slice(0, INVITE_MAX_AT_ONCE);
  const eligible = await filterInvitable(actor, unique);
  const skipped = personIds.length - eligible.length;
  if (eligible.length <= INVITE_INLINE_LIMIT) {
    let sent = 0;
    for (const id of eligible) if (await inviteOne(actor, id)) sent++;
    return { mode: "sent", sent, skipped: skipped + eligible.length - sent };
  }
  const job = await enqueueJob({
    kind: "invitations.send",
    payload: { personIds: eligible, invitedBy: { id: actor.id, name: actor.name } },
    total: eligible.length,
    createdById: actor.id,
  });
  await recordAudit({
    actorId: actor.id,
    action: "invitation.bulk_queued",
    targetType: "job",
    targetId: job.id,
    details: { count: eligible.length, skipped },
  });
  kickJobWorker();
  return { mode: "queued", jobId: job.id, queued: eligible.length, skipped };
}

/** The background half of invitePeople: resumes after its saved progress when retried. */
export const sendInvitationsJob: JobHandler = async ({ job, progress }) => {
  const payload = job.payload as { personIds: number[]; invitedBy: { id: number; name: string } };
  const ids = payload.personIds;
  for (let i = job.progressDone; i < ids.length; i++) {
    await inviteOne(payload.invitedBy, ids[i]!);
    if ((i + 1) % 10 === 0 || i + 1 === ids.length) await progress(i + 1);
  }
};
