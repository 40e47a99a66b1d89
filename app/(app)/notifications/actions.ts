"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markMyNotificationsRead, NOTIFICATION_KINDS, setMailPreference } from "@/db/queries/notifications";
import { formAction } from "@/lib/actions";

export const markAllReadAction = formAction({
  schema: z.object({}),
  readValues: () => ({}),
  handler: async (_input, actor) => {
    await markMyNotificationsRead(actor);
    revalidatePath("/", "layout");
    return undefined;
  },
});

/** The actor's own mail choices: a ticked kind is mailed, an unticked one only shows in the bell. */
export const saveMailPreferencesAction = formAction({
  schema: z.object({ mailed: z.array(z.enum(NOTIFICATION_KINDS)) }),
  readValues: (f) => ({ mailed: f.getAll("mail").map(String) }),
  handler: async (input, actor) => {
    for (const kind of NOTIFICATION_KINDS) await setMailPreference(actor.id, kind, input.mailed.includes(kind));
    revalidatePath("/notifications");
    return { status: "success", values: { mailed: input.mailed }, message: "Saved." };
  },
});
