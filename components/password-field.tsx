"use client";

import { useEffect, useRef, useState } from "react";
import { emailInputs, PASSWORD_MIN_LENGTH } from "@/lib/password-policy";
import type { PasswordStrength } from "@/lib/password-strength";

const LABELS = ["Very weak", "Weak", "Fair", "Good", "Strong"] as const;
const COLOURS = ["bg-red-600", "bg-orange-500", "bg-yellow-500", "bg-lime-600", "bg-green-700"] as const;

/**
 * A new-password input with a strength hint as the person types. zxcvbn and its dictionaries
 * load on the first keystroke, not with the page.
 */
export function PasswordField({
  name,
  label,
  email,
  errors,
}: {
  name: string;
  label: string;
  email: string;
  errors?: string[];
}) {
  const [value, setValue] = useState("");
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  const latest = useRef("");
  // A server refusal is about what was submitted: it goes away once the person types something else.
  const [refused, setRefused] = useState<{ errors?: string[]; value: string }>({ value: "" });
  if (refused.errors !== errors) setRefused({ errors, value });
  const shownErrors = refused.value === value ? errors : undefined;

  useEffect(() => {
    latest.current = value;
    if (!value) {
      setStrength(null);
      return;
    }
    const timer = setTimeout(async () => {
      const { passwordStrength } = await import("@/lib/password-strength");
      const result = await passwordStrength(value, emailInputs(email));
      if (latest.current === value) setStrength(result);
    }, 120);
    return () => clearTimeout(timer);
  }, [value, email]);

  const tooShort = value.length > 0 && value.length < PASSWORD_MIN_LENGTH;
  const describedBy = [`${name}-hint`, shownErrors?.length ? `${name}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={Boolean(shownErrors?.length)}
        aria-describedby={describedBy}
        className="input mt-1"
      />
      <div id={`${name}-hint`} aria-live="polite" className="mt-2 space-y-1 text-xs">
        <p className={tooShort ? "text-red-700 dark:text-red-300" : "text-muted"}>
          At least {PASSWORD_MIN_LENGTH} characters{value ? ` (${value.length} so far)` : ""}; not a common password and
          not your email. A few unrelated words make a strong one.
        </p>
        {strength && !tooShort && (
          <div data-testid="password-strength" data-score={strength.score}>
            <div className="flex gap-1" aria-hidden="true">
              {[0, 1, 2, 3].map((i) => (
                <span
                  key={i}
                  className={`h-1.5 flex-1 rounded ${i < Math.max(1, strength.score) ? COLOURS[strength.score] : "bg-[var(--color-line,#dde1e8)]"}`}
                />
              ))}
            </div>
            <p className="mt-1">
              <span className="font-medium">Strength: {LABELS[strength.score]}.</span>{" "}
              {strength.warning ?? strength.suggestions[0] ?? ""}
            </p>
          </div>
        )}
      </div>
      {shownErrors?.length ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {shownErrors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
