"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, SubmitButton, TextField, useFormWithValues } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import {
  createPersonAction,
  invitePeopleAction,
  movePersonAction,
  revokeInvitationAction,
  setActiveAction,
  updatePersonAction,
} from "../actions";

type TeamOption = { id: number; name: string; department: string };
const ROLES = ["employee", "manager", "leader", "admin"] as const;

function TeamSelect({
  teams,
  value,
  state,
  label = "Team",
  allowNone = false,
}: {
  teams: TeamOption[];
  value: string;
  state: ActionState<unknown>;
  label?: string;
  allowNone?: boolean;
}) {
  const departments = [...new Set(teams.map((t) => t.department))];
  return (
    <SelectField label={label} name="teamId" state={state} value={value}>
      <option value="">{allowNone ? "No team" : "Choose a team"}</option>
      {departments.map((d) => (
        <optgroup key={d} label={d}>
          {teams
            .filter((t) => t.department === d)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

function RoleSelect({ value, state }: { value: string; state: ActionState<unknown> }) {
  return (
    <SelectField
      label="Role"
      name="role"
      state={state}
      value={value}
      hint="What they may see and do"
      selectClassName="input capitalize"
    >
      {ROLES.map((r) => (
        <option key={r} value={r} className="capitalize">
          {r}
        </option>
      ))}
    </SelectField>
  );
}

export function CreatePersonForm({ teams }: { teams: TeamOption[] }) {
  const initial = { name: "", email: "", role: "employee", teamId: "", invite: "on" };
  const [state, action, v] = useFormWithValues(createPersonAction, initial);
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" state={state} value={v.name} autoComplete="off" />
        <TextField label="Email" name="email" type="email" state={state} value={v.email} autoComplete="off" />
        <RoleSelect value={v.role} state={state} />
        <TeamSelect teams={teams} value={v.teamId} state={state} allowNone />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="invite"
          value="on"
          defaultChecked={v.invite === "on"}
          key={`i-${v.invite}`}
          className="mt-1"
        />
        <span>
          Send an invitation by mail now
          <span className="text-muted block text-xs">
            A link to choose their own password. Without it they cannot sign in until you invite them.
          </span>
        </span>
      </label>
      <SubmitButton pendingText="Adding…">Add person</SubmitButton>
    </form>
  );
}

export function EditPersonForm({ person }: { person: { id: number; name: string; email: string; role: string } }) {
  const initial = { personId: String(person.id), name: person.name, email: person.email, role: person.role };
  const [state, action, v] = useFormWithValues(updatePersonAction, initial);
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="personId" value={person.id} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Name" name="name" state={state} value={v.name} />
        <TextField label="Email" name="email" type="email" state={state} value={v.email} />
        <RoleSelect value={v.role} state={state} />
      </div>
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}

export function MovePersonForm({
  personId,
  teams,
  currentTeamId,
}: {
  personId: number;
  teams: TeamOption[];
  currentTeamId: number | null;
}) {
  const initial = { personId: String(personId), teamId: currentTeamId ? String(currentTeamId) : "" };
  const [state, action, v] = useFormWithValues(movePersonAction, initial);
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="personId" value={personId} />
      <FormMessage state={state} />
      <TeamSelect teams={teams} value={v.teamId} state={state} label="Move to team" />
      <SubmitButton tone="plain" pendingText="Moving…">
        Move
      </SubmitButton>
    </form>
  );
}

export function ActiveForm({ personId, active, name }: { personId: number; active: boolean; name: string }) {
  const [state, action] = useActionState(setActiveAction, {
    status: "idle" as const,
    values: { personId: String(personId), active: String(!active) },
  });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="active" value={String(!active)} />
      <FormMessage state={state} />
      <p className="text-sm">
        {active
          ? `Deactivating ${name} stops them signing in and ends any session they have open. Their history stays.`
          : `${name} is deactivated. Re-activating lets them sign in again.`}
      </p>
      <SubmitButton tone={active ? "danger" : "plain"} pendingText="Saving…">
        {active ? "Deactivate" : "Re-activate"}
      </SubmitButton>
    </form>
  );
}

/** Invite, resend or revoke one person's invitation, on their page. */
export function InvitationForms({
  personId,
  canInvite,
  invited,
}: {
  personId: number;
  canInvite: boolean;
  invited: boolean;
}) {
  const [inviteState, invite] = useActionState(invitePeopleAction, {
    status: "idle" as const,
    values: { personIds: [String(personId)] },
  });
  const [revokeState, revoke] = useActionState(revokeInvitationAction, {
    status: "idle" as const,
    values: { personId: String(personId) },
  });
  if (!canInvite) return null;
  return (
    <div className="space-y-3">
      <FormMessage state={inviteState} />
      <FormMessage state={revokeState} />
      <div className="flex flex-wrap gap-2">
        <form action={invite}>
          <input type="hidden" name="personId" value={personId} />
          <SubmitButton pendingText="Sending…">{invited ? "Resend invitation" : "Send invitation"}</SubmitButton>
        </form>
        {invited && (
          <form action={revoke}>
            <input type="hidden" name="personId" value={personId} />
            <SubmitButton tone="plain" pendingText="Revoking…">
              Revoke invitation
            </SubmitButton>
          </form>
        )}
      </div>
    </div>
  );
}
