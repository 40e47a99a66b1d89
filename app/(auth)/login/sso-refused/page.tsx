import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import type { SsoRefusal } from "@/lib/sso";

export const metadata: Metadata = { title: "Single sign-on refused" };

const REFUSALS: Record<SsoRefusal, { title: string; text: string }> = {
  unknown: {
    title: "No account for this email",
    text: "Your identity provider signed you in, but nobody in Leverage Ladder has that work email. Accounts are not created by signing in: ask your administrator to add you with the same email, then sign in again.",
  },
  deactivated: {
    title: "This account has been deactivated",
    text: "Your identity provider signed you in, but your Leverage Ladder account is deactivated. Ask your administrator if you need access again.",
  },
  unverified: {
    title: "Your email is not verified",
    text: "Your identity provider did not confirm that the email it sent belongs to you, so it cannot be matched to an account. Ask your IT team to verify your email address with the identity provider.",
  },
};

const FAILED = {
  title: "Single sign-on did not complete",
  text: "The answer from the identity provider could not be verified, so you were not signed in. Try again; if it keeps happening, tell your IT team.",
};

/** Auth.js's sign-in failed because the database could not be reached (app/api/auth's route). */
const DATABASE_DOWN = {
  title: "We could not reach the database",
  text: "You were not signed in because the database did not answer. Nothing was lost: try signing in again in a moment.",
};

export default async function SsoRefusedPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string; error?: string }>;
}) {
  const { reason, error } = await searchParams;
  const refusal =
    reason === "database" ? DATABASE_DOWN : reason && reason in REFUSALS ? REFUSALS[reason as SsoRefusal] : FAILED;
  return (
    <AuthCard title={refusal.title}>
      <div role="status" className="space-y-4 text-sm">
        <p>{refusal.text}</p>
        {refusal === FAILED && error && <p className="text-muted">Reference for your IT team: {error.slice(0, 40)}</p>}
        <p>
          <Link href="/login" className="text-[var(--color-accent)] hover:underline dark:text-indigo-300">
            Back to sign in
          </Link>
        </p>
      </div>
    </AuthCard>
  );
}
