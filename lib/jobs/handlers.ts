import "server-only";
import { sendInvitationsJob } from "@/lib/invitations";
import type { JobHandler } from "./types";

/** Every kind of background job, and the code that runs it. */
export const JOB_HANDLERS = {
  "invitations.send": sendInvitationsJob,
} satisfies Record<string, JobHandler>;
