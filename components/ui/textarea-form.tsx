"use client";

import { type ComponentProps, type ReactNode, useActionState, useEffect, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { PendingButton } from "./form";

const buttonClass = {
  primary:
    "rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60",
  plain:
    "rounded-md border border-line px-3 py-1.5 text-sm font-semibold hover:border-[var(--color-accent)] disabled:opacity-60",
};

/** A form action as `useActionState` takes it. */
export type FormAction<Values> = (state: ActionState<Values>, formData: FormData) => Promise<ActionState<Values>>;

/**
 * A small form of one textarea, named `name` and labelled: an optional hint under it, then the
 * field's error or the action's message (both tied to it by aria-describedby), then the submit
 * button. What was typed stays after a refusal and is cleared after a success. `children` come
 * first (hidden fields, a heading). With a `summary`, the form folds away under it, open while a
 * refusal shows.
 */
export function TextareaForm<Values>({
  action,
  summary,
  id,
  name,
  label,
  labelClassName = "block text-sm font-medium",
  rows,
  maxLength,
  hint,
  submit,
  className,
  children,
  ...formProps
}: {
  action: FormAction<Values>;
  summary?: ReactNode;
  /** The textarea's id; its hint and error are `${id}-hint` and `${id}-error`. */
  id: string;
  name: string;
  label: ReactNode;
  /** The label's classes: a block above the box unless told otherwise. */
  labelClassName?: string;
  rows: number;
  maxLength: number;
  hint?: ReactNode;
  submit: { label: string; pendingText: string; tone: keyof typeof buttonClass };
  className: string;
  children?: ReactNode;
} & Pick<ComponentProps<"form">, "aria-labelledby">) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" } as ActionState<Values>);
  const [value, setValue] = useState("");
  useEffect(() => {
    if (state.status === "success") setValue("");
  }, [state]);
  const errors = state.status === "error" ? (state.fieldErrors?.[name] ?? []) : [];
  const form = (
    <form action={dispatch} className={className} noValidate {...formProps}>
      {children}
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        className="input"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={errors.length > 0}
        aria-describedby={hint ? `${id}-hint ${id}-error` : `${id}-error`}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-muted text-xs">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
        {errors.join(" ") || (state.status === "error" ? state.message : "")}
      </p>
      <PendingButton pending={pending} pendingText={submit.pendingText} className={buttonClass[submit.tone]}>
        {submit.label}
      </PendingButton>
    </form>
  );
  if (!summary) return form;
  return (
    <details className="mt-6 rounded-md border border-line p-3" open={state.status === "error"}>
      <summary className="cursor-pointer text-sm font-medium">{summary}</summary>
      {form}
    </details>
  );
}
