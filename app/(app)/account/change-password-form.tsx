"use client";

import { startTransition, useActionState } from "react";
import { PasswordField } from "@/components/password-field";
import { Field, FormMessage, invalidProps } from "@/components/ui/form";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, { status: "idle" as const, values: {} });
  return (
    // Submitted by hand rather than through `action`, so a refusal keeps what was typed.
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      noValidate
      className="space-y-4"
    >
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormMessage state={state} />
      <Field label="Current password" name="current" errors={state.fieldErrors?.current}>
        <input
          id="current"
          name="current"
          type="password"
          autoComplete="current-password"
          className="input"
          {...invalidProps(state, "current")}
        />
      </Field>
      <PasswordField name="password" label="New password" email={email} errors={state.fieldErrors?.password} />
      <Field label="Type the new password again" name="confirm" errors={state.fieldErrors?.confirm}>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          className="input"
          {...invalidProps(state, "confirm")}
        />
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
      >
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
