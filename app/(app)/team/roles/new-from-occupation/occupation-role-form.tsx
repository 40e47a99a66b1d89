"use client";

import { useActionState } from "react";
import { PendingButton } from "@/components/ui/form";
import type { OccupationTaskRow } from "@/db/queries/occupations";
import type { ActionState } from "@/lib/action-state";
import { createRoleFromOccupationAction, type RoleFromOccupationValues } from "./actions";
import { LabelSourceFieldset } from "./label-source-fieldset";
import { RoleFields } from "./role-fields";
import { TargetMixFieldset } from "./target-mix-fieldset";
import { TaskPicker } from "./task-picker";
import { useOccupationTasks, useProposedMix } from "./use-occupation-tasks";

/** A new role from an O*NET occupation: its tasks with suggested levels, and a target mix proposed from them. */
export function OccupationRoleForm({
  occupation,
  tasks,
  teams,
}: {
  occupation: { code: string; title: string };
  tasks: OccupationTaskRow[];
  teams: { id: number; name: string }[];
}) {
  const [state, formAction, pending] = useActionState<ActionState<RoleFromOccupationValues>, FormData>(
    createRoleFromOccupationAction,
    { status: "idle" },
  );
  const picker = useOccupationTasks(tasks);
  const mix = useProposedMix(picker.included.map((t) => t.level));
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="occupationCode" value={occupation.code} />
      <input type="hidden" name="labelSource" value={picker.source} />
      <div aria-live="polite">
        {state.status === "error" && state.message && (
          <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            {state.message}
          </p>
        )}
      </div>
      <RoleFields initialTitle={occupation.title} teams={teams} errors={errors} />
      <LabelSourceFieldset source={picker.source} onChange={picker.changeSource} />
      <TaskPicker tasks={tasks} picker={picker} errors={errors} />
      <TargetMixFieldset mix={mix} errors={errors} />
      <PendingButton
        pending={pending}
        pendingText="Saving…"
        className="rounded-md bg-[var(--color-accent)] px-4 py-2.5 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
      >
        {"Save role"}
      </PendingButton>
    </form>
  );
}
