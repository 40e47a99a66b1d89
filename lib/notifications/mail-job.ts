import "server-only";
import { markNotificationMailed, notificationForMail } from "@/db/queries/notifications";
import type { NotificationKind } from "@/db/schema";
import { appBaseUrl } from "@/lib/app-url";
import type { JobHandler } from "@/lib/jobs/types";
import { type MailTemplateData, sendMail } from "@/lib/mail";
import { NOTIFICATION_KIND_TEXT } from "./kinds";
import { mailPreferenceUrl } from "./preference-link";

type NotificationForMail = { personId: number; name: string; kind: NotificationKind; title: string; href: string };

/** The notification template's data for one notification: what its mail says, and for whom. */
export function notificationMailData(row: NotificationForMail): MailTemplateData<"notification"> {
  const text = NOTIFICATION_KIND_TEXT[row.kind];
  return {
    name: row.name,
    title: row.title,
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
