"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/form";
import { type MailPreferenceState, setMailPreferenceFromLink } from "./actions";

export function MailPreferenceForm({
  link,
  label,
  mail,
}: {
  link: Record<string, string>;
  label: string;
  mail: boolean;
}) {
  const [state, action] = useActionState<MailPreferenceState, FormData>(setMailPreferenceFromLink, { status: "idle" });
  const current = state.status === "done" ? state.mail! : mail;
  return (
    <form action={action} className="space-y-4">
      {Object.entries(link).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="mail" value={current ? "off" : "on"} />
      <p role="status" data-testid="mail-preference-state">
        Mail for “{label}” is <strong>{current ? "on" : "off"}</strong>.{state.status === "done" && " Saved."}
        {state.status === "error" && " This link is not valid."}
      </p>
      <SubmitButton tone={current ? "danger" : "primary"}>
        {current ? "Stop these mails" : "Mail me these again"}
      </SubmitButton>
    </form>
  );
}
