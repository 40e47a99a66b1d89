"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { markAllReadAction, saveMailPreferencesAction } from "./actions";

export function MarkAllReadForm() {
  const [state, action] = useActionState(markAllReadAction, { status: "idle" as const, values: {} });
  return (
    <form action={action}>
      <SubmitButton tone="plain" pendingText="Marking…">
        Mark all as read
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function MailPreferencesForm({ kinds }: { kinds: { kind: string; label: string; mail: boolean }[] }) {
  const [state, action] = useActionState(saveMailPreferencesAction, {
    status: "idle" as const,
    values: { mailed: kinds.filter((k) => k.mail).map((k) => k.kind) },
  });
  const mailed = new Set(state.values?.mailed ?? []);
  return (
    <form action={action} className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium">Send me a mail when…</legend>
        <ul className="mt-2 space-y-2">
          {kinds.map((k) => (
            <li key={k.kind}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="mail" value={k.kind} defaultChecked={mailed.has(k.kind)} />
                {k.label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="text-muted text-xs">Unticked kinds still show here, under the bell.</p>
      <SubmitButton pendingText="Saving…">Save mail choices</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
