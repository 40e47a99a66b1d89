"use client";

import { FormMessage, SelectField, SubmitButton, TextField, useFormWithValues } from "@/components/ui/form";
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
  const [state, action, v] = useFormWithValues(setTeamManagerAction, initial);
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
  const [state, action, v] = useFormWithValues(createTeamAction, initial);
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Team name" name="name" state={state} value={v.name} />
        <SelectField label="Department" name="departmentId" state={state} value={v.departmentId}>
          <option value="">Choose a department</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton>Create team</SubmitButton>
    </form>
  );
}
