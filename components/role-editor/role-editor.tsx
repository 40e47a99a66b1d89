"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/action-state";
import type { RoleEditorValues } from "@/lib/role-schema";
import { RoleBasics } from "./role-basics";
import { TargetMixFieldset } from "./target-mix-fieldset";
import { TaskBoard } from "./task-board";
import { useRoleDraft } from "./use-role-draft";

export type RoleEditorAction = (
  state: ActionState<RoleEditorValues>,
  formData: FormData,
) => Promise<ActionState<RoleEditorValues>>;

/**
 * A role's mapping onto the ladder: title, description, target level mix and typical tasks placed
 * on levels (drag a task's handle to another level column, or choose its level from the list).
 * Pre-filled from `initial`, so a new role can start from an existing one or a reference occupation.
 */
export function RoleEditor({
  initial,
  teams,
  action,
  cancelHref,
  submitLabel = "Save role",
}: {
  initial: RoleEditorValues;
  teams: { id: number; name: string }[];
  action: RoleEditorAction;
  cancelHref: string;
  submitLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", values: initial });
  const draft = useRoleDraft(initial, teams);
  const messageRef = useRef<HTMLDivElement>(null);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (state.status === "error") messageRef.current?.focus();
  }, [state]);

  return (
    <form action={formAction} noValidate aria-describedby="role-form-message">
      <input type="hidden" name="roleId" value={initial.roleId ?? ""} />
      <input type="hidden" name="baseVersion" value={initial.baseVersion ?? ""} />
      <div id="role-form-message" ref={messageRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {state.status === "error" && state.message && (
          <p className="mb-6 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            {state.message}
          </p>
        )}
      </div>
      <div className="space-y-8">
        <RoleBasics
          draft={draft}
          teams={teams}
          chooseTeam={teams.length > 1 && initial.roleId === null}
          errors={errors}
        />
        <TargetMixFieldset draft={draft} errors={errors} />
        <TaskBoard draft={draft} errors={errors} />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
          >
            {pending ? "Saving…" : submitLabel}
          </button>
          <Link href={cancelHref} className="text-muted text-sm font-medium hover:underline">
            Cancel
          </Link>
          {initial.roleId !== null && (
            <p className="text-muted text-sm">
              Saving keeps the current version for past cycles and starts version {(initial.baseVersion ?? 0) + 1}.
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
