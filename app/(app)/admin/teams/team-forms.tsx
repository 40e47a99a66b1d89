"use client";

import { useActionState } from "react";
import { Field, FormMessage, invalidProps, SubmitButton } from "@/components/ui/form";
import { createTeamAction, setTeamManagerAction } from "../actions";

export function SetManagerForm({
  team,
  managerId,
  candidates,
}: {
  team: { id: number; name: string };
  managerId: number | null;
  candidates: { id: number; name: string; role: string }[];
}) {
  const initial = { teamId: String(team.id), managerId: managerId ? String(managerId) : "" };
  const [state, action] = useActionState(setTeamManagerAction, { status: "idle" as const, values: initial });
  const v = state.values ?? initial;
  const fieldId = `manager-${team.id}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="teamId" value={team.id} />
      <label htmlFor={fieldId} className="sr-only">
        Manager of {team.name}
      </label>
      <select
        id={fieldId}
        name="managerId"
        defaultValue={v.managerId}
        key={`m-${v.managerId}`}
        className="input w-auto min-w-44"
      >
        <option value="">No manager</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.role})
          </option>
        ))}
      </select>
      <SubmitButton tone="plain" className="px-3 py-1.5">
        Save<span className="sr-only"> manager of {team.name}</span>
      </SubmitButton>
      {state.message && (
        <span
          aria-live="polite"
          className={`text-sm ${state.status === "error" ? "text-red-700 dark:text-red-400" : "text-green-700 dark:text-green-400"}`}
        >
          {state.message}
        </span>
      )}
    </form>
  );
}

export function CreateTeamForm({ departments }: { departments: { id: number; name: string }[] }) {
  const initial = { name: "", departmentId: "" };
  const [state, action] = useActionState(createTeamAction, { status: "idle" as const, values: initial });
  const v = state.values ?? initial;
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Team name" name="name" errors={state.fieldErrors?.name}>
          <input
            id="name"
            name="name"
            defaultValue={v.name}
            key={`n-${v.name}`}
            className="input"
            {...invalidProps(state, "name")}
          />
        </Field>
        <Field label="Department" name="departmentId" errors={state.fieldErrors?.departmentId}>
          <select
            id="departmentId"
            name="departmentId"
            defaultValue={v.departmentId}
            key={`d-${v.departmentId}`}
            className="input"
            {...invalidProps(state, "departmentId")}
          >
            <option value="">Choose a department</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <SubmitButton>Create team</SubmitButton>
    </form>
  );
}
