"use client";

import { type ComponentProps, type ReactNode, useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/action-state";
import { errorProps, FieldError } from "./field-error";

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
      <FieldError id={`${name}-error`} messages={errors} />
    </div>
  );
}

type FieldProps = {
  label: string;
  name: string;
  state: ActionState<unknown>;
  hint?: string;
  /** What the field shows first; a new value from the action's state replaces what is typed. */
  value?: string;
  className?: string;
};

/** What a control of an action's form shares: its id, its value (the submitted one after an error), its error. */
function controlProps(name: string, state: ActionState<unknown>, value: string | undefined) {
  return { id: name, name, defaultValue: value, ...invalidProps(state, name) };
}

/** A labelled input of an action's form, showing its field error and the submitted value back. */
export function TextField({
  label,
  name,
  state,
  hint,
  value,
  className,
  ...input
}: FieldProps & Omit<ComponentProps<"input">, "id" | "name" | "value" | "defaultValue" | "className">) {
  return (
    <Field label={label} name={name} errors={state.fieldErrors?.[name]} hint={hint} className={className}>
      <input key={`${name}-${value}`} className="input" {...input} {...controlProps(name, state, value)} />
    </Field>
  );
}

/** A labelled select of an action's form; `children` are its options. */
export function SelectField({
  selectClassName = "input",
  children,
  ...field
}: FieldProps & { selectClassName?: string; children: ReactNode }) {
  const { label, name, state, hint, value, className } = field;
  return (
    <Field label={label} name={name} errors={state.fieldErrors?.[name]} hint={hint} className={className}>
      <select key={`${name}-${value}`} className={selectClassName} {...controlProps(name, state, value)}>
        {children}
      </select>
    </Field>
  );
}

/**
 * `useActionState` for a form that shows its values back: the state, the action to give the form,
 * and the values to render (what was submitted after an error, else `initial`).
 */
export function useFormWithValues<Values>(
  action: (state: ActionState<Values>, formData: FormData) => Promise<ActionState<Values>>,
  initial: Values,
) {
  const [state, dispatch] = useActionState(action, { status: "idle", values: initial });
  return [state, dispatch, state.values ?? initial] as const;
}

/** A submit button for a form whose pending state the caller holds (from `useActionState`). */
export function PendingButton({
  pending,
  pendingText,
  className,
  children,
}: {
  pending: boolean;
  pendingText: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending ? pendingText : children}
    </button>
  );
}

/** aria props for a control named `name` given the action's field errors. */
export function invalidProps(state: ActionState<unknown>, name: string) {
  return errorProps(state.fieldErrors, name);
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
