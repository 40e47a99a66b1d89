"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { invitePeopleAction } from "../actions";

/** After an import: one button to invite everyone it created (many go out in the background). */
export function InviteNewPeople({ personIds }: { personIds: number[] }) {
  const [state, invite] = useActionState(invitePeopleAction, { status: "idle" as const, values: { personIds: [] } });
  const n = personIds.length;
  return (
    <form action={invite} className="mt-3 space-y-2">
      {personIds.map((id) => (
        <input key={id} type="hidden" name="personId" value={id} />
      ))}
      <FormMessage state={state} />
      {state.status !== "success" && (
        <SubmitButton pendingText="Sending…">
          Invite the {n === 1 ? "new person" : `${n.toLocaleString("en")} new people`}
        </SubmitButton>
      )}
    </form>
  );
}
