"use client";

import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/action-state";

/** A labelled control with its error message right under it, tied by aria-describedby. */
export function Field({
  label,
  name,
  errors,
  hint,
  children,
  className = "",
}: {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-muted text-xs">
          {hint}
        </p>
      )}
      <div className="mt-1">{children}</div>
      {errors?.length ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** aria props for a control named `name` given the action's field errors. */
export function invalidProps(state: ActionState<unknown>, name: string) {
  const has = Boolean(state.fieldErrors?.[name]?.length);
  return { "aria-invalid": has, "aria-describedby": has ? `${name}-error` : undefined } as const;
}

export function FormMessage({ state }: { state: ActionState<unknown> }) {
  return (
    <div aria-live="polite">
      {state.message && (
        <p
          data-status={state.status}
          className={`rounded-md border px-3 py-2 text-sm ${
            state.status === "error"
              ? "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
              : "border-green-300 bg-green-50 text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
          }`}
        >
          {state.message}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({
  children,
  pendingText,
  tone = "primary",
  className = "",
  disabled = false,
}: {
  children: React.ReactNode;
  pendingText?: string;
  tone?: "primary" | "danger" | "plain";
  className?: string;
  disabled?: boolean;
}) {
  const { pending } = useFormStatus();
  const tones = {
    primary: "bg-[var(--color-accent)] text-white hover:bg-[var(--color-accent-strong)]",
    danger: "bg-red-700 text-white hover:bg-red-800",
    plain: "border border-line hover:border-[var(--color-accent)]",
  };
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      className={`rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${tones[tone]} ${className}`}
    >
      {pending ? (pendingText ?? "Saving…") : children}
    </button>
  );
}
