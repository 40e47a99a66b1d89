"use server";

import { recordAudit } from "@/db/queries/audit";
import { endSession } from "@/db/queries/sessions";
import { signOut } from "@/lib/auth";
import { getCurrentActor, getCurrentSessionId } from "@/lib/dal";

/** Ends the session on the server too, so a copy of the cookie opens nothing afterwards. */
export async function signOutAction() {
  const [actor, sessionId] = await Promise.all([getCurrentActor(), getCurrentSessionId()]);
  if (sessionId) await endSession(sessionId, "sign_out");
  if (actor) await recordAudit({ actorId: actor.id, action: "sign_out", targetType: "person", targetId: actor.id });
  await signOut({ redirectTo: "/login" });
}
