"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";

type LinkValues = { roleId: string; occupationCode: string };

/** One button that links a role to an occupation (or unlinks it, with an empty code). */
export function LinkOccupationForm({
  action,
  roleId,
  occupationCode,
  label,
  accessibleLabel,
}: {
  action: (state: ActionState<LinkValues>, formData: FormData) => Promise<ActionState<LinkValues>>;
  roleId: number;
  occupationCode: string;
  label: string;
  accessibleLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="inline-flex flex-col items-end">
      <input type="hidden" name="roleId" value={roleId} />
      <input type="hidden" name="occupationCode" value={occupationCode} />
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className="rounded-md border border-line px-3 py-1 text-sm font-medium hover:border-[var(--color-accent)] disabled:opacity-60"
      >
        {pending ? "Saving…" : label}
      </button>
      <span aria-live="polite" className="text-sm text-red-700 dark:text-red-300">
        {state.status === "error" ? state.message : ""}
      </span>
    </form>
  );
}
