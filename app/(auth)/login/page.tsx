import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LadderMark } from "@/components/ladder-mark";
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
    <main className="flex min-h-screen items-center justify-center px-3 py-8 sm:px-4 sm:py-12">
      <div className="surface w-full max-w-md rounded-2xl p-5 shadow-sm sm:p-8">
        <div className="flex items-center gap-3">
          <LadderMark className="h-9 w-9" />
          <div>
            <h1 className="text-xl font-semibold">Sign in to Leverage Ladder</h1>
            <p className="text-muted text-sm">See where your work sits on the ladder, quarter by quarter.</p>
          </div>
        </div>
        <div className="mt-8">
          <LoginForm
            callbackUrl={callbackUrl}
            demo={isDemoMode() ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS } : null}
          />
        </div>
      </div>
    </main>
  );
}
