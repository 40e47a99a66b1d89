"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import type { ActionState } from "@/lib/action-state";

type SelfStatus = "draft" | "returned" | null;

export type NudgeDialogPreview = {
  cycle: { id: number; name: string };
  toRemind: { id: number; name: string; email: string; selfStatus: SelfStatus }[];
  remindedToday: { id: number; name: string; email: string }[];
  mail: { to: string; subject: string; text: string } | null;
};

type NudgeAction = (
  state: ActionState<{ cycleId: string }>,
  formData: FormData,
) => Promise<ActionState<{ cycleId: string }>>;

const STATUS_TEXT: Record<string, string> = {
  none: "Not started",
  draft: "Draft, not submitted",
  returned: "Returned for changes",
};

const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);

const BUTTON =
  "rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60";
const PLAIN_BUTTON = "rounded-md border border-line px-4 py-2 text-sm font-semibold hover:border-[var(--color-accent)]";

/**
 * "Remind the N who have not submitted": a preview of the exact mail and of who gets it (and who is
 * skipped because they were reminded today), then Send. `scope` says whose people these are.
 */
export function NudgeDialog({
  preview,
  action,
  scope,
}: {
  preview: NudgeDialogPreview;
  action: NudgeAction;
  scope: string;
}) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" });
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const count = preview.toRemind.length;
  const skipped = preview.remindedToday.length;

  useEffect(() => {
    if (state.status !== "idle") dialogRef.current?.close();
  }, [state]);

  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="nudge">
      {count > 0 ? (
        <button type="button" className={BUTTON} onClick={() => dialogRef.current?.showModal()}>
          Remind the {count} who have not submitted
        </button>
      ) : (
        <p className="text-muted text-sm">
          {skipped > 0
            ? `Everyone in ${scope} who has not submitted (${people(skipped)}) was reminded today. Reminders go out at most once a day.`
            : `Everyone in ${scope} has submitted: nobody to remind.`}
        </p>
      )}
      {count > 0 && skipped > 0 && (
        <p className="text-muted text-sm">
          {people(skipped)} more {skipped === 1 ? "was" : "were"} reminded today and will be skipped.
        </p>
      )}
      <p role="status" className="text-sm" data-testid="nudge-status">
        {state.status === "success" && <span className="text-green-800 dark:text-green-300">{state.message}</span>}
        {state.status === "error" && <span className="text-red-700 dark:text-red-300">{state.message}</span>}
      </p>

      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        className="surface m-auto w-[min(52rem,calc(100vw-2rem))] rounded-xl p-0 shadow-lg backdrop:bg-black/40"
      >
        <form action={dispatch} className="flex max-h-[85vh] flex-col">
          <input type="hidden" name="cycleId" value={preview.cycle.id} />
          <div className="border-b border-line px-5 py-4">
            <h2 id={`${id}-title`} className="text-base font-semibold">
              Remind {people(count)} to submit their {preview.cycle.name} self-assessment
            </h2>
            <p className="text-muted mt-1 text-sm">
              Each gets this in their notifications and by mail, unless they turned these mails off. At most one
              reminder per person a day.
            </p>
          </div>
          <div className="grid gap-5 overflow-y-auto px-5 py-4 md:grid-cols-[minmax(0,1fr)_15rem]">
            <section aria-labelledby={`${id}-mail`} className="min-w-0">
              <h3 id={`${id}-mail`} className="text-sm font-semibold">
                The mail
              </h3>
              {preview.mail && (
                <div className="mt-2 rounded-md border border-line text-sm">
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-b border-line bg-black/[0.03] px-3 py-2 dark:bg-white/5">
                    <dt className="text-muted">To</dt>
                    <dd>
                      {preview.mail.to}
                      {count > 1 && <span className="text-muted"> (and each of the others, by name)</span>}
                    </dd>
                    <dt className="text-muted">Subject</dt>
                    <dd className="font-medium" data-testid="nudge-subject">
                      {preview.mail.subject}
                    </dd>
                  </dl>
                  <pre
                    className="whitespace-pre-wrap px-3 py-2 font-sans text-sm [overflow-wrap:anywhere]"
                    data-testid="nudge-mail-text"
                  >
                    {preview.mail.text}
                  </pre>
                </div>
              )}
            </section>
            <section aria-labelledby={`${id}-who`} className="min-w-0">
              <h3 id={`${id}-who`} className="text-sm font-semibold">
                Goes to {people(count)}
              </h3>
              {skipped > 0 && (
                <p className="text-muted text-xs">{people(skipped)} reminded today are skipped (listed below).</p>
              )}
              <ul className="mt-2 space-y-1 text-sm" aria-label="Who gets the reminder">
                {preview.toRemind.map((p) => (
                  <li key={p.id} data-email={p.email}>
                    {p.name}
                    <span className="text-muted block text-xs [overflow-wrap:anywhere]">{p.email}</span>
                    <span className="text-muted block text-xs">{STATUS_TEXT[p.selfStatus ?? "none"]}</span>
                  </li>
                ))}
              </ul>
              {skipped > 0 && (
                <>
                  <h3 className="mt-4 text-sm font-semibold">Already reminded today (skipped)</h3>
                  <ul className="text-muted mt-2 space-y-1 text-sm" aria-label="Already reminded today">
                    {preview.remindedToday.map((p) => (
                      <li key={p.id} data-email={p.email}>
                        {p.name}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          </div>
          <div className="flex flex-wrap justify-end gap-3 border-t border-line px-5 py-4">
            <button type="button" className={PLAIN_BUTTON} onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
            <button type="submit" disabled={pending} className={BUTTON}>
              {pending ? "Sending…" : `Send ${count === 1 ? "the reminder" : `${count} reminders`}`}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
