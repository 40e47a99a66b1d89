"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { setPasswordSignInAction } from "./actions";

export function PasswordSignInForm({ adminsOnly, canTurnOff }: { adminsOnly: boolean; canTurnOff: boolean }) {
  const [state, action] = useActionState(setPasswordSignInAction, { status: "idle" as const });
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="adminsOnly" value={adminsOnly ? "no" : "yes"} />
      {adminsOnly ? (
        <SubmitButton tone="plain" pendingText="Saving…">
          Let everyone sign in with a password again
        </SubmitButton>
      ) : (
        <SubmitButton pendingText="Saving…" disabled={!canTurnOff}>
          Turn password sign-in off for everyone but admins
        </SubmitButton>
      )}
    </form>
  );
}
