"use client";

import { useActionState, useRef, useState } from "react";
import { Card } from "@/components/ui/card";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { invitePeopleAction } from "../actions";

type Row = {
  line: number;
  name: string;
  email: string;
  team: string;
  department: string;
  managerEmail: string;
  role: string | null;
  outcome: "create" | "change" | "unchanged" | "reject";
  notes: string[];
};
type Plan = {
  missingColumns: string[];
  counts: Record<Row["outcome"], number>;
  total: number;
  newTeams: { name: string; department: string }[];
  newDepartments: string[];
  rows: Row[];
};
type Progress = { phase: string; done: number; total: number };

const outcomeStyles: Record<Row["outcome"], string> = {
  create: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200",
  change: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  unchanged: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  reject: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
};
const outcomeLabels: Record<Row["outcome"], string> = {
  create: "Create",
  change: "Change",
  unchanged: "Unchanged",
  reject: "Rejected",
};

export function ImportClient({ template }: { template: string }) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [planFor, setPlanFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"dry-run" | "apply" | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState<(Record<string, number> & { createdIds?: number[] }) | null>(null);
  const [filter, setFilter] = useState<"all" | "reject">("all");
  const textRef = useRef<HTMLTextAreaElement>(null);

  async function loadFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    setPlan(null);
    setDone(null);
    setError(null);
  }

  async function dryRun() {
    setBusy("dry-run");
    setError(null);
    setDone(null);
    try {
      const response = await fetch("/api/admin/import?mode=dry-run", {
        method: "POST",
        body: text,
        headers: { "content-type": "text/csv" },
      });
      const body = await response.json();
      if (!response.ok) {
        setError(body.error ?? "The dry run failed.");
        setPlan(null);
      } else {
        setPlan(body);
        setPlanFor(text);
        setFilter(body.counts.reject > 0 ? "reject" : "all");
      }
    } catch {
      setError("Could not reach the server. Nothing was imported.");
    } finally {
      setBusy(null);
    }
  }

  async function apply() {
    setBusy("apply");
    setError(null);
    setProgress({ phase: "Uploading", done: 0, total: 1 });
    try {
      const response = await fetch("/api/admin/import?mode=apply", {
        method: "POST",
        body: text,
        headers: { "content-type": "text/csv" },
      });
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => ({}));
        setError(body.error ?? "The import was refused. Nothing was imported.");
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) {
          if (!line) continue;
          const message = JSON.parse(line);
          if (message.type === "progress") setProgress(message);
          else if (message.type === "done") {
            setDone(message.summary);
            setPlan(null);
          } else if (message.type === "error") setError(message.message);
        }
      }
    } catch {
      setError(
        "The connection broke off. The import runs in one transaction, so either all of it was saved or none: run the dry run again to see which.",
      );
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  const stale = plan !== null && planFor !== text;
  const canApply =
    plan !== null &&
    !stale &&
    plan.missingColumns.length === 0 &&
    plan.counts.reject === 0 &&
    plan.counts.create + plan.counts.change > 0;
  const shown = plan?.rows.filter((r) => filter === "all" || r.outcome === "reject") ?? [];

  return (
    <div className="space-y-6">
      <Card
        title="1. Choose a file"
        description="Columns: name, email, team, department, manager email, role (employee, manager, leader or admin; blank keeps or defaults to employee). The manager email sets the team's manager."
      >
        <div className="flex flex-wrap items-center gap-4">
          <div>
            <label htmlFor="file" className="block text-sm font-medium">
              CSV file
            </label>
            <input
              id="file"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => loadFile(e.target.files?.[0])}
              className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-line file:bg-transparent file:px-3 file:py-1.5 file:text-sm"
            />
          </div>
          <a
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`}
            download="people-template.csv"
            className="text-sm text-[var(--color-accent)] hover:underline dark:text-indigo-300"
          >
            Download a template
          </a>
        </div>
        <div className="mt-4">
          <label htmlFor="csv" className="block text-sm font-medium">
            File contents {fileName && <span className="text-muted font-normal">({fileName})</span>}
          </label>
          <p id="csv-hint" className="text-muted text-xs">
            Fix rejected rows here, or paste a file, then run the dry run again.
          </p>
          <textarea
            id="csv"
            ref={textRef}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={Math.min(14, Math.max(5, text.split("\n").length + 1))}
            spellCheck={false}
            aria-describedby="csv-hint"
            className="input mt-1 font-mono text-xs"
          />
        </div>
        <button
          type="button"
          onClick={dryRun}
          disabled={!text.trim() || busy !== null}
          className="mt-4 rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
        >
          {busy === "dry-run" ? "Checking…" : "Dry run"}
        </button>
      </Card>

      <div aria-live="polite">
        {error && (
          <p
            data-testid="import-error"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            {error}
          </p>
        )}
        {done && (
          <p
            data-testid="import-done"
            className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
          >
            Imported: {done.created} created, {done.changed} changed, {done.unchanged} unchanged; {done.teamsCreated}{" "}
            new teams. It is in the audit log.
          </p>
        )}
        {done?.createdIds && done.createdIds.length > 0 && <InviteNewPeople personIds={done.createdIds} />}
      </div>

      {plan && (
        <Card
          title="2. Check the dry run"
          description={stale ? "The file changed since this dry run: run it again." : "Nothing has been written yet."}
        >
          {plan.missingColumns.length > 0 ? (
            <p className="text-sm text-red-700 dark:text-red-400" data-testid="missing-columns">
              The file lacks the column(s): {plan.missingColumns.join(", ")}. The first line must name the columns.
            </p>
          ) : (
            <>
              <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Summary">
                {(Object.keys(outcomeLabels) as Row["outcome"][]).map((o) => (
                  <li key={o} className={`rounded-full px-3 py-1 font-medium ${outcomeStyles[o]}`}>
                    {outcomeLabels[o]}: {plan.counts[o]}
                  </li>
                ))}
              </ul>
              {(plan.newTeams.length > 0 || plan.newDepartments.length > 0) && (
                <p className="mb-4 text-sm">
                  New teams: {plan.newTeams.map((t) => `${t.name} (${t.department})`).join(", ") || "none"}.
                  {plan.newDepartments.length > 0 && ` New departments: ${plan.newDepartments.join(", ")}.`}
                </p>
              )}
              <fieldset className="mb-3 flex gap-4 text-sm">
                <legend className="sr-only">Rows to show</legend>
                <label className="flex items-center gap-1">
                  <input type="radio" name="show" checked={filter === "all"} onChange={() => setFilter("all")} /> All
                  rows
                </label>
                <label className="flex items-center gap-1">
                  <input type="radio" name="show" checked={filter === "reject"} onChange={() => setFilter("reject")} />{" "}
                  Rejected only
                </label>
              </fieldset>
              <div className="max-h-[28rem] overflow-auto" role="region" aria-label="Dry run, row by row" tabIndex={0}>
                <table className="w-full text-sm">
                  <caption className="sr-only">What each row of the file would do</caption>
                  <thead>
                    <tr className="border-b border-line text-left">
                      <th scope="col" className="px-2 py-1 font-medium">
                        Line
                      </th>
                      <th scope="col" className="px-2 py-1 font-medium">
                        Outcome
                      </th>
                      <th scope="col" className="px-2 py-1 font-medium">
                        Person
                      </th>
                      <th scope="col" className="hidden px-2 py-1 font-medium md:table-cell">
                        Team
                      </th>
                      <th scope="col" className="px-2 py-1 font-medium">
                        Why / what changes
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((r) => (
                      <tr
                        key={r.line}
                        data-outcome={r.outcome}
                        className="border-b border-line align-top last:border-0"
                      >
                        <td className="px-2 py-1 tabular-nums">{r.line}</td>
                        <td className="px-2 py-1">
                          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${outcomeStyles[r.outcome]}`}>
                            {outcomeLabels[r.outcome]}
                          </span>
                        </td>
                        <td className="px-2 py-1">
                          {r.name || <span className="text-muted">(no name)</span>}
                          <span className="text-muted block text-xs">{r.email}</span>
                        </td>
                        <td className="hidden px-2 py-1 md:table-cell">{r.team}</td>
                        <td className="px-2 py-1">{r.notes.join(" ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {plan.total > plan.rows.length && (
                  <p className="text-muted mt-2 text-xs">
                    Showing every rejected row and the first {plan.rows.length - plan.counts.reject} others of{" "}
                    {plan.total}.
                  </p>
                )}
              </div>
            </>
          )}
        </Card>
      )}

      {plan && plan.missingColumns.length === 0 && (
        <Card title="3. Apply" description="All rows in one transaction: if anything fails, nothing is imported.">
          {plan.counts.reject > 0 && (
            <p className="mb-3 text-sm">
              Fix or remove the {plan.counts.reject} rejected row(s) above, then run the dry run again.
            </p>
          )}
          {plan.counts.reject === 0 && plan.counts.create + plan.counts.change === 0 && (
            <p className="mb-3 text-sm">Nothing to do: every row matches what is already there.</p>
          )}
          {progress && (
            <div className="mb-3">
              <label htmlFor="import-progress" className="text-sm">
                {progress.phase}: {progress.done} of {progress.total}
              </label>
              <progress
                id="import-progress"
                max={Math.max(progress.total, 1)}
                value={progress.done}
                className="mt-1 block h-2 w-full"
              />
            </div>
          )}
          <button
            type="button"
            onClick={apply}
            disabled={!canApply || busy !== null}
            className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
          >
            {busy === "apply" ? "Importing…" : `Import ${plan.counts.create + plan.counts.change} row(s)`}
          </button>
        </Card>
      )}
    </div>
  );
}

/** After an import: one button to invite everyone it created (many go out in the background). */
function InviteNewPeople({ personIds }: { personIds: number[] }) {
  const [state, invite] = useActionState(invitePeopleAction, { status: "idle" as const, values: { personIds: [] } });
  const n = personIds.length;
  return (
    <form action={invite} className="space-y-2">
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
