import "server-only";
import { markNotificationMailed, notificationForMail } from "@/db/queries/notifications";
import type { NotificationKind } from "@/db/schema";
import { appBaseUrl } from "@/lib/app-url";
import type { JobHandler } from "@/lib/jobs/types";
import { writtenCalendarDate } from "@/lib/locale";
import { type MailTemplateData, sendMail } from "@/lib/mail";
import { NOTIFICATION_KIND_TEXT } from "./kinds";
import { mailPreferenceUrl } from "./preference-link";

type NotificationForMail = {
  personId: number;
  name: string;
  kind: NotificationKind;
  title: string;
  href: string;
  cycle: { name: string; endsOn: string } | null;
};

/**
 * The mail's one sentence under the greeting: what happened and what to do now. The subject
 * (the notification's title) already names who did it, so the sentence does not repeat it.
 */
function mailSentence(kind: NotificationKind, cycle: NotificationForMail["cycle"]) {
  const review = cycle ? `${cycle.name} review` : "review";
  const selfAssessment = cycle ? `${cycle.name} self-assessment` : "self-assessment";
  const by = cycle ? ` by ${writtenCalendarDate(cycle.endsOn)}` : "";
  switch (kind) {
    case "cycle_opened":
      return `Rate where your work sat on the leverage ladder this quarter and submit your ${selfAssessment}${by}.`;
    case "deadline_near":
      return `Submit your ${selfAssessment}${by} so your manager can review it; anything you have saved is still there.`;
    case "nudge":
      return `Your ${selfAssessment} is not submitted yet: finish it and submit it${by}; anything you have saved is still there.`;
    case "self_submitted":
      return `Their ${selfAssessment} is ready for your review: read it, then finalize the review or return it for changes.`;
    case "returned":
      return `Your ${selfAssessment} is a draft again: see what your manager asks you to change, then submit it once more.`;
    case "finalized":
      return `Your ${review} is final: read it, then confirm you have read it or ask a question in the conversation under it.`;
    case "comment":
      return `There is a new comment in the conversation on the ${review}.`;
    case "acknowledged":
      return `Nothing more is needed from you: anything they wrote is in the conversation under their ${review}.`;
  }
}

/** The notification template's data for one notification: what its mail says, and for whom. */
export function notificationMailData(row: NotificationForMail): MailTemplateData<"notification"> {
  const text = NOTIFICATION_KIND_TEXT[row.kind];
  return {
    name: row.name,
    title: row.title,
    sentence: mailSentence(row.kind, row.cycle),
    url: `${appBaseUrl()}${row.href}`,
    action: text.action,
    kindLabel: text.label,
    preferenceUrl: mailPreferenceUrl(row.personId, row.kind),
  };
}

/**
 * Mails one notification, unless its person turned that kind off or is deactivated. The queue
 * gives the job to one worker; `mailedAt` keeps a retried job from sending twice once it has sent.
 */
export const sendNotificationMailJob: JobHandler = async ({ job }) => {
  const notificationId = Number((job.payload as { notificationId?: unknown }).notificationId);
  const row = await notificationForMail(notificationId);
  if (!row || row.mailedAt || !row.mail || !row.active) return;
  await sendMail(
    { email: row.email, name: row.name },
    row.kind === "comment" ? "reviewComment" : "notification",
    notificationMailData(row),
  );
  await markNotificationMailed(row.id);
};
