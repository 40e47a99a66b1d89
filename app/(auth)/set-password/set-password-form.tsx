"use client";

import Link from "next/link";
import { startTransition, useActionState } from "react";
import { PasswordField } from "@/components/password-field";
import { type SetPasswordState, setPasswordAction } from "./actions";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, {
    status: "idle",
  });
  return (
    // Submitted by hand rather than through `action`, so React does not clear what was typed on an error.
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="space-y-5"
      noValidate
    >
      <input type="hidden" name="token" value={token} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div aria-live="assertive">
        {state.message && (
          <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            {state.message}{" "}
            <Link href="/forgot-password" className="underline">
              Get a new link
            </Link>
          </p>
        )}
      </div>
      <PasswordField name="password" label="New password" email={email} errors={state.errors?.password} />
      <div>
        <label htmlFor="confirm" className="block text-sm font-medium">
          Type it again
        </label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(state.errors?.confirm)}
          aria-describedby={state.errors?.confirm ? "confirm-error" : undefined}
          className="input mt-1"
        />
        {state.errors?.confirm && (
          <p id="confirm-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {state.errors.confirm.join(" ")}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-[var(--color-accent)] px-4 py-2.5 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
      >
        {pending ? "Saving…" : "Set password and sign in"}
      </button>
    </form>
  );
}
