"use client";

import { useActionState, useState } from "react";
import { PendingButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { assignRolesAction } from "./actions";

type Member = { personId: number; name: string; teamName: string; roleId: number | null };

export function RoleAssignments({
  members,
  rolesByTeam,
}: {
  members: Member[];
  rolesByTeam: Record<string, { id: number; title: string }[]>;
}) {
  const [state, action, pending] = useActionState(assignRolesAction, { status: "idle" } as ActionState<{
    roles: Record<string, string>;
  }>);
  const [chosen, setChosen] = useState<Record<number, string>>(() =>
    Object.fromEntries(members.map((m) => [m.personId, m.roleId === null ? "" : String(m.roleId)])),
  );
  const multipleTeams = new Set(members.map((m) => m.teamName)).size > 1;
  return (
    <form action={action} className="space-y-4">
      <ul className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        {members.map((m) => (
          <li key={m.personId}>
            <label htmlFor={`role-${m.personId}`} className="text-sm font-medium">
              {m.name}
              {multipleTeams && <span className="text-muted font-normal"> · {m.teamName}</span>}
            </label>
            <select
              id={`role-${m.personId}`}
              name={`role.${m.personId}`}
              className="input mt-1"
              value={chosen[m.personId] ?? ""}
              onChange={(e) => setChosen((c) => ({ ...c, [m.personId]: e.target.value }))}
            >
              <option value="">No role</option>
              {(rolesByTeam[m.teamName] ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <PendingButton
          pending={pending}
          pendingText="Saving…"
          className="rounded-md border border-line px-4 py-2 text-sm font-semibold hover:border-[var(--color-accent)] disabled:opacity-60"
        >
          {"Save role assignments"}
        </PendingButton>
        <p
          aria-live="polite"
          className={`text-sm ${state.status === "error" ? "text-red-700 dark:text-red-400" : "text-muted"}`}
        >
          {state.message}
        </p>
      </div>
    </form>
  );
}
