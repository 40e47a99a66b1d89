import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { homePathFor } from "@/lib/authz";
import { getCurrentActor } from "@/lib/dal";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo-accounts";
import { isDemoMode, ssoConfig } from "@/lib/env";
import { passwordSignInAdminsOnly } from "@/lib/sign-in";
import { signInWithSso } from "./actions";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const actor = await getCurrentActor();
  if (actor) redirect(homePathFor(actor.role));
  const { callbackUrl, error } = await searchParams;
  // Auth.js sends a failed single sign-on here; the refusal page explains it.
  if (error) redirect(`/login/sso-refused?error=${encodeURIComponent(error.slice(0, 40))}`);
  const sso = ssoConfig();
  const adminsOnly = await passwordSignInAdminsOnly();
  const passwordForm = (
    <LoginForm
      callbackUrl={callbackUrl}
      demo={isDemoMode() ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS } : null}
    />
  );

  return (
    <AuthCard title="Sign in to Leverage Ladder" subtitle="See where your work sits on the ladder, quarter by quarter.">
      {sso && (
        <form action={signInWithSso} className="mb-6">
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
          <button
            type="submit"
            className="w-full rounded-md bg-[var(--color-accent)] px-4 py-2.5 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)]"
          >
            Continue with {sso.name}
          </button>
        </form>
      )}
      {sso && adminsOnly ? (
        <details className="rounded-lg border border-line p-4">
          <summary className="cursor-pointer text-sm font-medium">Administrators: sign in with a password</summary>
          <div className="mt-4">{passwordForm}</div>
        </details>
      ) : (
        <>
          {sso && (
            <p className="text-muted mb-6 flex items-center gap-3 text-xs uppercase tracking-wide before:h-px before:flex-1 before:bg-[var(--line)] after:h-px after:flex-1 after:bg-[var(--line)]">
              or with your password
            </p>
          )}
          {passwordForm}
        </>
      )}
    </AuthCard>
  );
}
