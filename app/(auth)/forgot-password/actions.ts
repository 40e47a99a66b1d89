"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { refuseCrossOriginAction } from "@/lib/actions";
import { resetRequestThrottled, sendPasswordResetMail } from "@/lib/password-reset";
import { clientAddress, passwordSignInAdminsOnly } from "@/lib/sign-in";

export type ForgotPasswordState = {
  status: "idle" | "sent" | "error";
  values: { email: string };
  errors?: { email?: string[] };
  message?: string;
};

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your work email.")
  .max(254, "At most 254 characters.")
  .pipe(z.email("Enter an email like name@company.com."));

/** The same answer whether or not the email has an account; the mail goes out after the response. */
export async function requestPasswordResetAction(
  _previous: ForgotPasswordState,
  formData: FormData,
): Promise<ForgotPasswordState> {
  await refuseCrossOriginAction();
  const typed = String(formData.get("email") ?? "");
  const parsed = emailSchema.safeParse(typed);
  if (!parsed.success) {
    return { status: "error", values: { email: typed }, errors: { email: parsed.error.issues.map((i) => i.message) } };
  }
  const email = parsed.data;
  const address = clientAddress(await headers());
  if (await resetRequestThrottled(email, address)) {
    return {
      status: "error",
      values: { email: typed },
      message: "Too many reset requests for this email or network. Wait 15 minutes, then try again.",
    };
  }
  after(async () => {
    try {
      await sendPasswordResetMail(email, address ?? "unknown");
    } catch (error) {
      console.error("Password reset mail could not be sent", { email, error });
    }
  });
  return {
    status: "sent",
    values: { email: typed },
    message: `If ${email} belongs to ${(await passwordSignInAdminsOnly()) ? "an administrator's account" : "an account"} here, a link to choose a new password is on its way. Check your inbox (and spam folder) in a few minutes; the link works once.`,
  };
}
