"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { type AssessmentDraftValues, type AssessmentFormEcho, assessmentSaveErrors } from "@/lib/assessment-schema";
import { CapabilityRatings } from "./capability-ratings";
import { ErrorSummary } from "./error-summary";
import { LevelMixEditor } from "./level-mix-editor";
import { NotesField } from "./notes-field";
import { type SavedAssessment, useReportSaved } from "./saved-assessment";
import { TaskInventoryEditor, type TaskRow, toTaskRows } from "./task-inventory-editor";

/** A further submit button; with `confirm`, it first asks in a modal dialog that says what it does. */
/** Who is writing: the employee about their own quarter, or the manager about a report's. */
const VOICES = {
  self: {
    whose: "your",
    mix: "How your working time splits across the five levels this quarter, in whole percents adding up to 100.",
    tasks: "One to twenty tasks that represent your quarter, each with its level and whether you use AI for it.",
    capabilities: "The capabilities that keep their value as AI takes over execution. Rate each from 1 to 5.",
    notes: "Anything that helps your manager see your quarter.",
    notesHint: undefined,
  },
  manager: {
    whose: "this person's",
    mix: "How this person's working time split across the five levels this quarter, as you saw it, in whole percents adding up to 100.",
    tasks: "The tasks that represent this person's quarter, each with its level and whether they use AI for it.",
    capabilities:
      "The capabilities that keep their value as AI takes over execution. Rate each from 1 to 5 from what you observed.",
    notes: "What you observed this quarter, for the record and for them.",
    notesHint:
      "What you observed: a decision they owned, a process they redesigned, a tool they rolled out — and what you would like to see next.",
  },
} as const;

export type ExtraAction = {
  value: string;
  label: string;
  pendingLabel: string;
  confirm?: { title: string; body: React.ReactNode; confirmLabel: string };
  /**
   * The server's rules for this action, run first in the browser: when they find problems, the
   * form shows them at their fields and neither asks nor sends. The server still checks.
   */
  check?: FormCheck;
};

/** The server's rules for one button, run in the browser first: the problems by field, or null. */
export type FormCheck = (
  values: AssessmentDraftValues,
) => { message: string; fieldErrors: Partial<Record<string, string[]>> } | null;

/** What the server refuses for Save draft or Submit, unless the caller's own rules replace it. */
function saveCheck(intent: "draft" | "submit"): FormCheck {
  return (values) => {
    const fieldErrors = assessmentSaveErrors(values, intent);
    return Object.keys(fieldErrors).length > 0 ? { message: "Some answers need attention.", fieldErrors } : null;
  };
}
const SAVE_CHECKS = { draft: saveCheck("draft"), submit: saveCheck("submit") };

export type AssessmentFormAction = (
  state: ActionState<AssessmentFormEcho>,
  formData: FormData,
) => Promise<ActionState<AssessmentFormEcho>>;

export type AssessmentFormProps = {
  /** Prefix for element ids, so two instruments can share a page. */
  prefix?: string;
  action: AssessmentFormAction;
  initialValues: AssessmentDraftValues;
  /** The version the page loaded (0 when not started): a stale save is refused as a conflict. */
  version: number;
  assessmentId: number | null;
  /** Further fields the action needs to know what is being assessed, e.g. the cycle or the person. */
  hiddenFields: Record<string, string | number>;
  /** Field errors to show on first render, e.g. from a refused submission the page re-renders. */
  initialFieldErrors?: Partial<Record<string, string[]>>;
  submitLabel?: string;
  submitNote?: string;
  /** Extra text in the task section: e.g. how the manager's copy was pre-filled. */
  taskNote?: React.ReactNode;
  /** The main button's rules when the server's differ from a plain submission's (the manager's Save review). */
  submitCheck?: FormCheck;
  /** Further submit buttons after the main one, each sending its `value` as the intent (e.g. the manager's Finalize). */
  extraActions?: ExtraAction[];
  /** Whose quarter the wording speaks of: the employee's own ("your") or, for the manager, a report's. */
  voice?: keyof typeof VOICES;
  /** Shown beside the saved message, e.g. a link on to the next person. */
  afterSave?: React.ReactNode;
  /** A section of the caller's own just before the buttons, given the values as typed and the field errors. */
  beforeActions?: (current: {
    mix: AssessmentDraftValues["mix"];
    errors: Partial<Record<string, string[]>>;
  }) => React.ReactNode;
};

const SECTION = "surface rounded-xl p-5 shadow-sm";

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={SECTION}>
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      <p className="text-muted mt-1 text-sm">{description}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}

/**
 * The assessment instrument: level mix, tasks, capabilities, notes; Save draft and Submit. The
 * values live in this component's state and are sent as they are, so nothing typed is lost on a
 * refusal (React would reset a `<form action>`; this form dispatches the action itself).
 */
export function AssessmentForm({
  prefix = "af",
  action,
  initialValues,
  version: loadedVersion,
  assessmentId: loadedAssessmentId,
  hiddenFields,
  initialFieldErrors,
  submitLabel = "Submit",
  submitNote,
  taskNote,
  extraActions = [],
  submitCheck,
  beforeActions,
  voice = "self",
  afterSave,
}: AssessmentFormProps) {
  const words = VOICES[voice];
  const [state, dispatch, pending] = useActionState<ActionState<AssessmentFormEcho>, FormData>(action, {
    status: "idle",
    values: { version: loadedVersion, assessmentId: loadedAssessmentId },
  });
  const [mix, setMix] = useState(initialValues.mix);
  const [tasks, setTasks] = useState<TaskRow[]>(() => toTaskRows(initialValues.tasks));
  const [ratings, setRatings] = useState(initialValues.ratings);
  const [notes, setNotes] = useState(initialValues.notes);
  const [errors, setErrors] = useState<Partial<Record<string, string[]>>>(initialFieldErrors ?? {});
  const [focusId, setFocusId] = useState<{ id: string } | null>(null);
  const [pendingIntent, setPendingIntent] = useState<string>("draft");
  const [dirty, setDirty] = useState(false);
  const summaryRef = useRef<HTMLElement>(null);
  const leaving = useRef(false);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const [confirming, setConfirming] = useState<ExtraAction | null>(null);
  const [checkMessage, setCheckMessage] = useState<{ text: string } | null>(null);

  const reportSaved = useReportSaved();
  /** The button pressed and the answers of the request in flight, for the page around the form once saved. */
  const lastSent = useRef<Omit<SavedAssessment, "savedAt"> | null>(null);
  const version = state.values?.version ?? loadedVersion;
  const assessmentId = state.values?.assessmentId ?? loadedAssessmentId;

  useEffect(() => {
    if (state.status === "error") {
      setErrors(state.fieldErrors ?? {});
      summaryRef.current?.focus();
    } else if (state.status === "success") {
      setErrors({});
      setDirty(false);
      const sent = lastSent.current;
      if (state.values?.savedAt && sent) reportSaved?.({ ...sent, savedAt: new Date(state.values.savedAt) });
    }
  }, [state, reportSaved]);

  // Leaving with unsaved answers asks first: a hurried person closing the tab loses nothing silently.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!leaving.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  function edited<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setDirty(true);
    };
  }

  useEffect(() => {
    if (focusId) document.getElementById(focusId.id)?.focus();
  }, [focusId]);

  useEffect(() => {
    if (checkMessage) summaryRef.current?.focus();
  }, [checkMessage]);

  function currentValues(): AssessmentDraftValues {
    return { mix, tasks: tasks.map(({ text, level, aiUsed }) => ({ text, level, aiUsed })), ratings, notes };
  }

  function changeTasks(next: TaskRow[], focus?: string) {
    if (next.length !== tasks.length || next.some((t, i) => t.key !== tasks[i]?.key)) {
      // Task errors are keyed by position: once rows move, they would point at the wrong task.
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith("tasks"))));
    }
    setTasks(next);
    setDirty(true);
    if (focus) setFocusId({ id: focus });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const chosen = submitter?.value ?? "draft";
    const extra = extraActions.find((a) => a.value === chosen);
    const check = extra ? extra.check : chosen === "submit" ? (submitCheck ?? SAVE_CHECKS.submit) : SAVE_CHECKS.draft;
    const problems = check?.(currentValues());
    if (problems) {
      setErrors(problems.fieldErrors);
      setCheckMessage({ text: problems.message });
      return;
    }
    setCheckMessage(null);
    if (extra?.confirm) {
      // Nothing is sent until the dialog is confirmed; Escape or Cancel close it and focus returns to the button.
      setConfirming(extra);
      confirmRef.current?.showModal();
      return;
    }
    send(chosen === "submit" || extra ? chosen : "draft");
  }

  function send(intent: string) {
    const formData = new FormData();
    formData.set("intent", intent);
    formData.set("version", String(version));
    formData.set("assessmentId", assessmentId === null ? "" : String(assessmentId));
    for (const [key, value] of Object.entries(hiddenFields)) formData.set(key, String(value));
    const values = currentValues();
    formData.set("mix", JSON.stringify(values.mix));
    formData.set("tasks", JSON.stringify(values.tasks));
    formData.set("ratings", JSON.stringify(values.ratings));
    formData.set("notes", values.notes);
    setCheckMessage(null);
    setPendingIntent(intent);
    lastSent.current = {
      intent,
      values: { mix, tasks: tasks.map(({ text, level, aiUsed }) => ({ text, level, aiUsed })), ratings, notes },
    };
    startTransition(() => dispatch(formData));
  }

  const savedAt = state.status === "success" && state.values?.savedAt ? new Date(state.values.savedAt) : null;
  const successText =
    state.status === "success" && savedAt
      ? `${state.message ?? "Saved."} ${savedAt.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}.`
      : null;
  const conflict =
    state.status === "error" &&
    /reload/i.test(state.message ?? "") &&
    Object.keys(state.fieldErrors ?? {}).length === 0;

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-6" aria-describedby={`${prefix}-status`}>
      <ErrorSummary
        ref={summaryRef}
        prefix={prefix}
        message={checkMessage?.text ?? (state.status === "error" ? state.message : undefined)}
        fieldErrors={checkMessage || state.status === "error" ? errors : undefined}
      />
      {conflict && (
        <p>
          <button
            type="button"
            onClick={() => {
              leaving.current = true;
              window.location.reload();
            }}
            className="rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:border-[var(--color-accent)]"
          >
            Reload the latest version
          </button>
        </p>
      )}

      <Section id={`${prefix}-mix-heading`} title="1. Level mix" description={words.mix}>
        <LevelMixEditor
          prefix={prefix}
          whose={words.whose}
          mix={mix}
          onChange={edited(setMix)}
          errors={errors}
          disabled={pending}
        />
      </Section>

      <Section id={`${prefix}-tasks-heading`} title="2. Task inventory" description={words.tasks}>
        {taskNote}
        <TaskInventoryEditor prefix={prefix} tasks={tasks} onChange={changeTasks} errors={errors} disabled={pending} />
      </Section>

      <Section id={`${prefix}-capabilities-heading`} title="3. Durable capabilities" description={words.capabilities}>
        <CapabilityRatings
          prefix={prefix}
          ratings={ratings}
          onChange={edited(setRatings)}
          errors={errors}
          disabled={pending}
        />
      </Section>

      <Section id={`${prefix}-notes-heading`} title="4. Notes and evidence" description={words.notes}>
        <NotesField
          prefix={prefix}
          notes={notes}
          onChange={edited(setNotes)}
          hint={words.notesHint}
          errors={errors.notes}
          disabled={pending}
        />
      </Section>

      {beforeActions?.({ mix, errors })}

      <div className={`${SECTION} flex flex-wrap items-center gap-3`}>
        <button
          type="submit"
          name="intent"
          value="draft"
          disabled={pending}
          className="rounded-md border border-line px-4 py-2 text-sm font-semibold hover:border-[var(--color-accent)] disabled:opacity-60"
        >
          {pending && pendingIntent === "draft" ? "Saving…" : "Save draft"}
        </button>
        <button
          type="submit"
          name="intent"
          value="submit"
          disabled={pending}
          className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
        >
          {pending && pendingIntent === "submit" ? "Submitting…" : submitLabel}
        </button>
        {extraActions.map((extra) => (
          <button
            key={extra.value}
            type="submit"
            name="intent"
            value={extra.value}
            disabled={pending}
            className="rounded-md bg-[var(--color-accent-strong)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent)] disabled:opacity-60"
          >
            {pending && pendingIntent === extra.value ? extra.pendingLabel : extra.label}
          </button>
        ))}
        <dialog
          ref={confirmRef}
          aria-labelledby={`${prefix}-confirm-title`}
          aria-describedby={`${prefix}-confirm-body`}
          onClose={() => setConfirming(null)}
          className="surface m-auto max-w-md rounded-xl p-5 shadow-lg backdrop:bg-black/40"
        >
          {confirming?.confirm && (
            <>
              <h2 id={`${prefix}-confirm-title`} className="text-base font-semibold">
                {confirming.confirm.title}
              </h2>
              <div id={`${prefix}-confirm-body`} className="mt-2 text-sm">
                {confirming.confirm.body}
              </div>
              <div className="mt-4 flex flex-wrap justify-end gap-3">
                <button
                  type="button"
                  onClick={() => confirmRef.current?.close()}
                  className="rounded-md border border-line px-4 py-2 text-sm font-semibold hover:border-[var(--color-accent)]"
                >
                  Cancel
                </button>
                <button
                  type="button"
                  onClick={() => {
                    confirmRef.current?.close();
                    send(confirming.value);
                  }}
                  className="rounded-md bg-[var(--color-accent-strong)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent)]"
                >
                  {confirming.confirm.confirmLabel}
                </button>
              </div>
            </>
          )}
        </dialog>
        <p id={`${prefix}-status`} role="status" className="text-sm" data-testid="form-status">
          {successText ? (
            <>
              {successText} {afterSave}
            </>
          ) : state.status === "error" ? (
            <span className="text-red-700 dark:text-red-300">Not saved — see the problems above.</span>
          ) : (
            submitNote && <span className="text-muted">{submitNote}</span>
          )}
        </p>
      </div>
    </form>
  );
}
