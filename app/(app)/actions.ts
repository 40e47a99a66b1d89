"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { kickJobWorker } from "@/db/jobs";
import { recordAudit } from "@/db/queries/audit";
import { NUDGE_ROLES, sendNudges } from "@/db/queries/nudges";
import { endSession } from "@/db/queries/sessions";
import { formAction, refuseCrossOriginAction } from "@/lib/actions";
import { signOut } from "@/lib/auth";
import { getCurrentActor, getCurrentSessionId } from "@/lib/dal";
import { recordId } from "@/lib/record-id";

/** Ends the session on the server too, so a copy of the cookie opens nothing afterwards. */
export async function signOutAction() {
  await refuseCrossOriginAction();
  const [actor, sessionId] = await Promise.all([getCurrentActor(), getCurrentSessionId()]);
  if (sessionId) await endSession(sessionId, "sign_out");
  if (actor) await recordAudit({ actorId: actor.id, action: "sign_out", targetType: "person", targetId: actor.id });
  await signOut({ redirectTo: "/login" });
}

/** "Remind the N who have not submitted": from the manager's review board and the admin's cycle page. */
export const sendNudgesAction = formAction({
  roles: NUDGE_ROLES,
  schema: z.object({ cycleId: recordId() }),
  readValues: (f) => ({ cycleId: String(f.get("cycleId") ?? "") }),
  handler: async (input, actor) => {
    const { sent, skipped } = await sendNudges(actor, input.cycleId);
    kickJobWorker();
    revalidatePath("/team/review");
    revalidatePath(`/admin/cycles/${input.cycleId}`);
    const who = sent.length === 1 ? "1 person" : `${sent.length} people`;
    return {
      status: "success",
      values: { cycleId: String(input.cycleId) },
      message: `Reminded ${who}${skipped > 0 ? `; ${skipped} already reminded today were skipped` : ""}.`,
    };
  },
});
