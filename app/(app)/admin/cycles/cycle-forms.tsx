"use client";

import { useActionState } from "react";
import { Field, FormMessage, invalidProps, SubmitButton } from "@/components/ui/form";
import {
  closeCycleAction,
  createCycleAction,
  openCycleAction,
  reopenCycleAction,
  updateCycleDatesAction,
} from "../actions";

export function CreateCycleForm({ suggestion }: { suggestion: { name: string; startsOn: string; endsOn: string } }) {
  const [state, action] = useActionState(createCycleAction, { status: "idle" as const, values: suggestion });
  const v = state.values ?? suggestion;
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Name" name="name" errors={state.fieldErrors?.name} hint='Like "2027 Q1"'>
          <input
            id="name"
            name="name"
            defaultValue={v.name}
            key={`n-${v.name}`}
            className="input"
            {...invalidProps(state, "name")}
          />
        </Field>
        <Field label="Starts on" name="startsOn" errors={state.fieldErrors?.startsOn} hint="First day">
          <input
            id="startsOn"
            name="startsOn"
            type="date"
            defaultValue={v.startsOn}
            key={`s-${v.startsOn}`}
            className="input"
            {...invalidProps(state, "startsOn")}
          />
        </Field>
        <Field label="Ends on" name="endsOn" errors={state.fieldErrors?.endsOn} hint="Last day">
          <input
            id="endsOn"
            name="endsOn"
            type="date"
            defaultValue={v.endsOn}
            key={`e-${v.endsOn}`}
            className="input"
            {...invalidProps(state, "endsOn")}
          />
        </Field>
      </div>
      <SubmitButton pendingText="Creating…">Create cycle</SubmitButton>
    </form>
  );
}

export function CycleDatesForm({ cycleId, startsOn, endsOn }: { cycleId: number; startsOn: string; endsOn: string }) {
  const initial = { cycleId: String(cycleId), startsOn, endsOn };
  const [state, action] = useActionState(updateCycleDatesAction, { status: "idle" as const, values: initial });
  const v = state.values ?? initial;
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="cycleId" value={cycleId} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Starts on" name="startsOn" errors={state.fieldErrors?.startsOn}>
          <input
            id="startsOn"
            name="startsOn"
            type="date"
            defaultValue={v.startsOn}
            key={`s-${v.startsOn}`}
            className="input"
            {...invalidProps(state, "startsOn")}
          />
        </Field>
        <Field label="Ends on" name="endsOn" errors={state.fieldErrors?.endsOn}>
          <input
            id="endsOn"
            name="endsOn"
            type="date"
            defaultValue={v.endsOn}
            key={`e-${v.endsOn}`}
            className="input"
            {...invalidProps(state, "endsOn")}
          />
        </Field>
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
        {state.fieldErrors?.confirm && (
          <p id="confirm-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {state.fieldErrors.confirm.join(" ")}
          </p>
        )}
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
