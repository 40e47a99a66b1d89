"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { Field, FormMessage, invalidProps, SubmitButton, TextField, useFormWithValues } from "@/components/ui/form";
import {
  closeCycleAction,
  createCycleAction,
  openCycleAction,
  reopenCycleAction,
  updateCycleDatesAction,
} from "../actions";

export function CreateCycleForm({ suggestion }: { suggestion: { name: string; startsOn: string; endsOn: string } }) {
  const [state, action, v] = useFormWithValues(createCycleAction, suggestion);
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Name" name="name" state={state} value={v.name} hint='Like "2027 Q1"' />
        <TextField label="Starts on" name="startsOn" type="date" state={state} value={v.startsOn} hint="First day" />
        <TextField label="Ends on" name="endsOn" type="date" state={state} value={v.endsOn} hint="Last day" />
      </div>
      <SubmitButton pendingText="Creating…">Create cycle</SubmitButton>
    </form>
  );
}

export function CycleDatesForm({ cycleId, startsOn, endsOn }: { cycleId: number; startsOn: string; endsOn: string }) {
  const initial = { cycleId: String(cycleId), startsOn, endsOn };
  const [state, action, v] = useFormWithValues(updateCycleDatesAction, initial);
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="cycleId" value={cycleId} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Starts on" name="startsOn" type="date" state={state} value={v.startsOn} />
        <TextField label="Ends on" name="endsOn" type="date" state={state} value={v.endsOn} />
      </div>
      <SubmitButton tone="plain">Save dates</SubmitButton>
    </form>
  );
}

export function OpenCycleForm({ cycleId, name }: { cycleId: number; name: string }) {
  const [state, action] = useActionState(openCycleAction, { status: "idle" as const });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="cycleId" value={cycleId} />
      <FormMessage state={state} />
      <p className="text-sm">
        Opening lets employees write their self-assessments and managers their reviews for {name}.
      </p>
      <SubmitButton pendingText="Opening…">Open {name}</SubmitButton>
    </form>
  );
}

export function CloseCycleForm({ cycleId, name }: { cycleId: number; name: string }) {
  const [state, action] = useActionState(closeCycleAction, { status: "idle" as const });
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="cycleId" value={cycleId} />
      <FormMessage state={state} />
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            className="mt-1"
            {...invalidProps(state, "confirm")}
            aria-describedby={state.fieldErrors?.confirm ? "confirm-error" : undefined}
          />
          <span>
            I understand that closing {name} makes every assessment in it read-only, including the unsubmitted ones
            listed here.
          </span>
        </label>
        <FieldError id="confirm-error" messages={state.fieldErrors?.confirm} />
      </div>
      <SubmitButton tone="danger" pendingText="Closing…">
        Close {name}
      </SubmitButton>
    </form>
  );
}

export function ReopenCycleForm({ cycleId, name }: { cycleId: number; name: string }) {
  const [state, action] = useActionState(reopenCycleAction, {
    status: "idle" as const,
    values: { cycleId: String(cycleId), reason: "" },
  });
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="cycleId" value={cycleId} />
      <FormMessage state={state} />
      <Field
        label="Reason for re-opening"
        name="reason"
        errors={state.fieldErrors?.reason}
        hint="Recorded in the audit log with your name."
      >
        <textarea
          id="reason"
          name="reason"
          rows={2}
          defaultValue={state.values?.reason}
          key={`r-${state.values?.reason}`}
          className="input"
          {...invalidProps(state, "reason")}
        />
      </Field>
      <SubmitButton tone="plain" pendingText="Re-opening…">
        Re-open {name}
      </SubmitButton>
    </form>
  );
}
