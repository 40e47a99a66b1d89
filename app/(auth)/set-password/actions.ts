"use server";

import { headers } from "next/headers";
import { refuseCrossOriginAction } from "@/lib/actions";
import { signIn } from "@/lib/auth";
import { homePathFor } from "@/lib/authz";
import { setPasswordWithToken } from "@/lib/password-reset";
import { clientIp } from "@/lib/sign-in";

export type SetPasswordState = {
  status: "idle" | "error";
  errors?: { password?: string[]; confirm?: string[] };
  message?: string;
};

const SSO_ONLY =
  "Your organisation signs in with single sign-on: use the single sign-on button on the sign-in page. Passwords are kept for administrators.";

/** Sets the password from an invitation or reset link, then signs the person in. */
export async function setPasswordAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  await refuseCrossOriginAction();
  const token = String(formData.get("token") ?? "");
  const password = String(formData.get("password") ?? "");
  const confirm = String(formData.get("confirm") ?? "");
  if (!password) return { status: "error", errors: { password: ["Choose a password."] } };
  if (confirm !== password)
    return { status: "error", errors: { confirm: ["The two passwords differ. Type it again."] } };
  const ip = clientIp(await headers());
  const outcome = await setPasswordWithToken({ token, password, ip });
  if (outcome.result === "invalid_password") return { status: "error", errors: { password: outcome.errors } };
  if (outcome.result === "sso_only") return { status: "error", message: SSO_ONLY };
  if (outcome.result === "link_unusable") {
    return {
      status: "error",
      message: "This link has expired or was already used. Ask for a new one with “Forgot your password?”.",
    };
  }
  await signIn("credentials", {
    email: outcome.person.email,
    password,
    redirectTo: homePathFor(outcome.person.role),
  });
  return { status: "idle" };
}
