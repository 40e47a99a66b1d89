"use client";

import { describedBy, FieldError } from "@/components/ui/field-error";
import { NOTES_MAX } from "@/lib/limits";
import { errorIdFor, fieldId } from "./field-ids";

export function NotesField({
  prefix,
  notes,
  onChange,
  errors,
  disabled,
  label = "Notes and evidence",
  hint = "What changed this quarter, and the work that shows it: a decision you owned, a process you redesigned, a tool you rolled out.",
}: {
  prefix: string;
  notes: string;
  onChange: (notes: string) => void;
  errors?: string[];
  disabled?: boolean;
  label?: string;
  hint?: string;
}) {
  const id = fieldId(prefix, "notes")!;
  const over = notes.length > NOTES_MAX;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label} <span className="text-muted font-normal">(optional)</span>
      </label>
      <p id={`${id}-hint`} className="text-muted text-xs">
        {hint}
      </p>
      <textarea
        id={id}
        rows={6}
        value={notes}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(errors) || over || undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-count`, errors && errorIdFor(id))}
        className="input mt-1"
      />
      <p
        id={`${id}-count`}
        className={`mt-1 text-xs tabular-nums ${over ? "font-medium text-red-700 dark:text-red-300" : "text-muted"}`}
      >
        {notes.length.toLocaleString("en-GB")} / {NOTES_MAX.toLocaleString("en-GB")} characters
        {over ? ` — ${(notes.length - NOTES_MAX).toLocaleString("en-GB")} too many` : ""}
      </p>
      <FieldError id={errorIdFor(id)} messages={errors} />
    </div>
  );
}
