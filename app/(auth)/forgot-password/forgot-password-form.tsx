"use client";

import Link from "next/link";
import { useActionState } from "react";
import { type ForgotPasswordState, requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState<ForgotPasswordState, FormData>(requestPasswordResetAction, {
    status: "idle",
    values: { email: "" },
  });
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <div aria-live="polite">
        {state.message && (
          <p
            data-status={state.status}
            className={`rounded-md border px-3 py-2 text-sm ${
              state.status === "sent"
                ? "border-green-300 bg-green-50 text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
                : "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
            }`}
          >
            {state.message}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Work email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values.email}
          key={`email-${state.values.email}`}
          aria-invalid={Boolean(state.errors?.email)}
          aria-describedby={state.errors?.email ? "email-error" : undefined}
          className="input mt-1"
        />
        <div aria-live="polite">
          {state.errors?.email && (
            <p id="email-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
              {state.errors.email.join(" ")}
            </p>
          )}
        </div>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-[var(--color-accent)] px-4 py-2.5 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
      >
        {pending ? "Sending…" : "Send me a link"}
      </button>
      <p className="text-center text-sm">
        <Link href="/login" className="text-[var(--color-accent)] hover:underline dark:text-indigo-300">
          Back to sign-in
        </Link>
      </p>
    </form>
  );
}
