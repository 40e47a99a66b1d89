"use server";

import { setMailPreference } from "@/db/queries/notifications";
import { refuseCrossOriginAction } from "@/lib/actions";
import { verifyMailPreferenceLink } from "@/lib/notifications/preference-link";

export type MailPreferenceState = { status: "idle" | "done" | "error"; mail?: boolean };

/** The signed link's one change: this person's mail for this kind, on or off. No sign-in needed. */
export async function setMailPreferenceFromLink(
  _previous: MailPreferenceState,
  formData: FormData,
): Promise<MailPreferenceState> {
  await refuseCrossOriginAction();
  const link = verifyMailPreferenceLink({
    p: String(formData.get("p") ?? ""),
    k: String(formData.get("k") ?? ""),
    s: String(formData.get("s") ?? ""),
  });
  if (!link) return { status: "error" };
  const mail = formData.get("mail") === "on";
  await setMailPreference(link.personId, link.kind, mail);
  return { status: "done", mail };
}
