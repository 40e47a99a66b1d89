"use server";

import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { refuseCrossOriginAction } from "@/lib/actions";
import { SSO_PROVIDER_ID, signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/callback-path";

export type SignInState = {
  values: { email: string };
  errors?: { email?: string[]; password?: string[] };
  message?: string;
};

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your work email.").email("Enter an email like name@company.com."),
  password: z.string().min(1, "Enter your password."),
});

const refusalMessages: Record<string, string> = {
  throttled:
    "Too many failed sign-ins for this email or network. Wait 15 minutes, then try again — or choose a new password with “Forgot your password?” below.",
  deactivated: "This account has been deactivated. Ask your administrator if you need access again.",
  sso_only:
    "Your organisation signs in with single sign-on: use the single sign-on button above. Passwords are kept for administrators.",
  invalid: "That email and password don't match an account. Check both and try again.",
};

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  await refuseCrossOriginAction();
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    return { values: { email }, errors: z.flattenError(parsed.error).fieldErrors };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(formData.get("callbackUrl")),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { values: { email }, message: refusalMessages[error.code] ?? refusalMessages.invalid };
    }
    throw error;
  }
  return { values: { email } };
}

/** Sends the browser to the identity provider; it comes back to /api/auth/callback/oidc. */
export async function signInWithSso(formData: FormData) {
  await refuseCrossOriginAction();
  await signIn(SSO_PROVIDER_ID, { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}
