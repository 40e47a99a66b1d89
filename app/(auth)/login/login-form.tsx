"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { errorProps, FieldError } from "@/components/ui/field-error";
import { PendingButton } from "@/components/ui/form";
import { type SignInState, signInWithPassword } from "./actions";

type DemoAccount = { role: string; name: string; email: string };

export function LoginForm({
  callbackUrl,
  demo,
}: {
  callbackUrl?: string;
  demo: { password: string; accounts: readonly DemoAccount[] } | null;
}) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInWithPassword, {
    values: { email: "" },
  });
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // After a refusal the email is kept, so the next thing to type is the password.
  useEffect(() => {
    if (state.message) passwordRef.current?.focus();
    else if (state.errors?.email) emailRef.current?.focus();
    else if (state.errors?.password) passwordRef.current?.focus();
  }, [state]);

  function fillDemo(account: DemoAccount) {
    if (!demo || !emailRef.current || !passwordRef.current) return;
    emailRef.current.value = account.email;
    passwordRef.current.value = demo.password;
    passwordRef.current.focus();
  }

  return (
    <div className="space-y-8">
      <form action={formAction} className="space-y-5" noValidate aria-describedby="sign-in-message">
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
        <div id="sign-in-message" aria-live="assertive">
          {state.message && (
            <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
              {state.message}
            </p>
          )}
        </div>
        <Field label="Work email" name="email" error={state.errors?.email}>
          <input
            ref={emailRef}
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.values.email}
            key={`email-${state.values.email}`}
            {...errorProps(state.errors, "email")}
            className="input"
          />
        </Field>
        <Field label="Password" name="password" error={state.errors?.password}>
          <input
            ref={passwordRef}
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            {...errorProps(state.errors, "password")}
            className="input"
          />
        </Field>
        <PendingButton
          pending={pending}
          pendingText="Signing in…"
          className="w-full rounded-md bg-[var(--color-accent)] px-4 py-2.5 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
        >
          {"Sign in"}
        </PendingButton>
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="text-[var(--color-accent)] hover:underline dark:text-indigo-300">
            Forgot your password?
          </Link>
        </p>
      </form>

      {demo && (
        <section aria-labelledby="demo-heading" className="rounded-lg border border-dashed border-line p-4">
          <h2 id="demo-heading" className="text-sm font-semibold">
            Demo organisation
          </h2>
          <p className="text-muted mt-1 text-sm">
            Every demo account uses the password <code className="font-mono">{demo.password}</code>. Pick one to fill in
            the form:
          </p>
          <ul className="mt-3 grid gap-2">
            {demo.accounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  onClick={() => fillDemo(account)}
                  className="w-full rounded-md border border-line px-3 py-2 text-left text-sm hover:border-[var(--color-accent)]"
                >
                  <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <span className="font-medium">
                      <span className="capitalize">{account.role}</span> · {account.name}
                    </span>
                    <span className="text-muted break-all">{account.email}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Field({
  label,
  name,
  error,
  children,
}: {
  label: string;
  name: string;
  error?: string[];
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      <div aria-live="polite">
        <FieldError id={`${name}-error`} messages={error} />
      </div>
    </div>
  );
}
