"use client";

import { forwardRef } from "react";
import { fieldId, fieldLabel } from "./field-ids";

type Props = { prefix: string; message?: string; fieldErrors?: Partial<Record<string, string[]>> };

/**
 * The list of problems at the top of the form. It takes focus when it appears, so screen readers
 * announce it, and each entry links to its field.
 */
export const ErrorSummary = forwardRef<HTMLElement, Props>(function ErrorSummary(
  { prefix, message, fieldErrors },
  ref,
) {
  const entries = Object.entries(fieldErrors ?? {}).filter(([, messages]) => messages?.length);
  if (!message && entries.length === 0) return null;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={`${prefix}-error-summary-title`}
      data-testid="error-summary"
      className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
    >
      <h2 id={`${prefix}-error-summary-title`} className="font-semibold">
        {entries.length > 0
          ? `${message ?? "Some answers need attention."} ${entries.length === 1 ? "1 problem" : `${entries.length} problems`}:`
          : message}
      </h2>
      {entries.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {entries.map(([path, messages]) => {
            const id = fieldId(prefix, path);
            const text = `${fieldLabel(path)}: ${messages!.join(" ")}`;
            return (
              <li key={path}>
                {id ? (
                  <a href={`#${id}`} className="underline underline-offset-2">
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
