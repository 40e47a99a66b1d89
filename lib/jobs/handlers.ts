import "server-only";
import { NOTIFICATION_MAIL_JOB } from "@/db/queries/notifications";
import { sendInvitationsJob } from "@/lib/invitations";
import { sendNotificationMailJob } from "@/lib/notifications/mail-job";
import type { JobHandler } from "./types";

/** Every kind of background job, and the code that runs it. */
export const JOB_HANDLERS = {
  "invitations.send": sendInvitationsJob,
  [NOTIFICATION_MAIL_JOB]: sendNotificationMailJob,
} satisfies Record<string, JobHandler>;
