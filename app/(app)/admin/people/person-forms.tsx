"use client";

import { useActionState } from "react";
import { Field, FormMessage, invalidProps, SubmitButton } from "@/components/ui/form";
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
  state: { fieldErrors?: Partial<Record<string, string[]>> };
  label?: string;
  allowNone?: boolean;
}) {
  const departments = [...new Set(teams.map((t) => t.department))];
  return (
    <Field label={label} name="teamId" errors={state.fieldErrors?.teamId}>
      <select
        id="teamId"
        name="teamId"
        defaultValue={value}
        key={`t-${value}`}
        className="input"
        {...invalidProps(state as never, "teamId")}
      >
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
      </select>
    </Field>
  );
}

function RoleSelect({ value, state }: { value: string; state: { fieldErrors?: Partial<Record<string, string[]>> } }) {
  return (
    <Field label="Role" name="role" errors={state.fieldErrors?.role} hint="What they may see and do">
      <select
        id="role"
        name="role"
        defaultValue={value}
        key={`r-${value}`}
        className="input capitalize"
        {...invalidProps(state as never, "role")}
      >
        {ROLES.map((r) => (
          <option key={r} value={r} className="capitalize">
            {r}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CreatePersonForm({ teams }: { teams: TeamOption[] }) {
  const initial = { name: "", email: "", role: "employee", teamId: "", invite: "on" };
  const [state, action] = useActionState(createPersonAction, { status: "idle" as const, values: initial });
  const v = state.values ?? initial;
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" errors={state.fieldErrors?.name}>
          <input
            id="name"
            name="name"
            defaultValue={v.name}
            key={`n-${v.name}`}
            className="input"
            autoComplete="off"
            {...invalidProps(state, "name")}
          />
        </Field>
        <Field label="Email" name="email" errors={state.fieldErrors?.email}>
          <input
            id="email"
            name="email"
            type="email"
            defaultValue={v.email}
            key={`e-${v.email}`}
            className="input"
            autoComplete="off"
            {...invalidProps(state, "email")}
          />
        </Field>
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
  const [state, action] = useActionState(updatePersonAction, { status: "idle" as const, values: initial });
  const v = state.values ?? initial;
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="personId" value={person.id} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Name" name="name" errors={state.fieldErrors?.name}>
          <input
            id="name"
            name="name"
            defaultValue={v.name}
            key={`n-${v.name}`}
            className="input"
            {...invalidProps(state, "name")}
          />
        </Field>
        <Field label="Email" name="email" errors={state.fieldErrors?.email}>
          <input
            id="email"
            name="email"
            type="email"
            defaultValue={v.email}
            key={`e-${v.email}`}
            className="input"
            {...invalidProps(state, "email")}
          />
        </Field>
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
  const [state, action] = useActionState(movePersonAction, { status: "idle" as const, values: initial });
  const v = state.values ?? initial;
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
