import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { findUsableToken } from "@/db/queries/access-tokens";
import { ssoConfig } from "@/lib/env";
import { passwordSignInAllowed } from "@/lib/sign-in";
import { SetPasswordForm } from "./set-password-form";

// The token is in the address: never send it onwards in a Referer header.
export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? "";
  const link = await findUsableToken(token);
  if (!link) {
    return (
      <AuthCard title="This link no longer works">
        <p className="text-sm">
          Links to set a password work once and expire. If you already set your password, sign in with it. Otherwise ask
          for a new link, or ask your administrator to send a new invitation.
        </p>
        <p className="mt-6 flex gap-4 text-sm">
          <Link href="/forgot-password" className="text-[var(--color-accent)] hover:underline dark:text-indigo-300">
            Get a new link
          </Link>
          <Link href="/login" className="text-[var(--color-accent)] hover:underline dark:text-indigo-300">
            Sign in
          </Link>
        </p>
      </AuthCard>
    );
  }
  if (!(await passwordSignInAllowed(link))) {
    const name = ssoConfig()?.name ?? "single sign-on";
    return (
      <AuthCard title={`Sign in with ${name}`} subtitle={`${link.name} · ${link.email}`}>
        <p className="text-sm">
          Your organisation signs in with {name}, so this link no longer sets a password: passwords are kept for
          administrators. Use “Continue with {name}” on the sign-in page.
        </p>
        <p className="mt-6 text-sm">
          <Link href="/login" className="text-[var(--color-accent)] hover:underline dark:text-indigo-300">
            Sign in
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={link.purpose === "invite" ? "Welcome to Leverage Ladder" : "Choose a new password"}
      subtitle={`${link.name} · ${link.email}`}
    >
      <SetPasswordForm token={token} email={link.email} />
    </AuthCard>
  );
}
