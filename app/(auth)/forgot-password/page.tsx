import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { ssoConfig } from "@/lib/env";
import { passwordSignInAdminsOnly } from "@/lib/sign-in";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  const sso = ssoConfig();
  const adminsOnly = await passwordSignInAdminsOnly();
  return (
    <AuthCard
      title="Forgot your password?"
      subtitle="Enter your work email and we will mail you a link to choose a new one."
    >
      {sso && adminsOnly && (
        <p className="mb-4 rounded-md border border-line px-3 py-2 text-sm" data-testid="sso-only-note">
          You sign in with {sso.name}: use “Continue with {sso.name}” on the sign-in page, and change your password at{" "}
          {sso.name}. Only administrators get a link here.
        </p>
      )}
      <ForgotPasswordForm />
    </AuthCard>
  );
}
