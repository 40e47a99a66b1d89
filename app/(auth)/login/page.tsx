import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { homePathFor } from "@/lib/authz";
import { getCurrentActor } from "@/lib/dal";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo-accounts";
import { isDemoMode } from "@/lib/env";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const actor = await getCurrentActor();
  if (actor) redirect(homePathFor(actor.role));
  const { callbackUrl } = await searchParams;

  return (
    <AuthCard title="Sign in to Leverage Ladder" subtitle="See where your work sits on the ladder, quarter by quarter.">
      <LoginForm
        callbackUrl={callbackUrl}
        demo={isDemoMode() ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS } : null}
      />
    </AuthCard>
  );
}
