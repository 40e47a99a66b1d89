import { useState } from "react";
import type { applyImport, ImportProgress } from "@/db/queries/import";
import type { DryRunPlan, RowOutcome } from "@/lib/import/people-csv";

/** What the apply step streams back last: the counts, and the ids of the people it created (to invite them). */
export type ImportSummary = Awaited<ReturnType<typeof applyImport>>;
export type RowFilter = "all" | "reject";

type StreamMessage =
  | ({ type: "progress" } & ImportProgress)
  | { type: "done"; summary: ImportSummary }
  | { type: "error"; message: string };

const postCsv = (mode: "dry-run" | "apply", text: string) =>
  fetch(`/api/admin/import?mode=${mode}`, { method: "POST", body: text, headers: { "content-type": "text/csv" } });

/** Reads the apply route's newline-delimited JSON messages as they arrive. */
async function readMessages(body: NonNullable<Response["body"]>, onMessage: (message: StreamMessage) => void) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) if (line) onMessage(JSON.parse(line));
  }
}

/**
 * The CSV being imported, its dry run and the apply that follows. A plan goes stale when the text
 * changes after it; only a fresh plan without rejected rows can be applied.
 */
export function useImportPreview() {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [plan, setPlan] = useState<DryRunPlan | null>(null);
  const [planFor, setPlanFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"dry-run" | "apply" | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const [filter, setFilter] = useState<RowFilter>("all");

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
      const response = await postCsv("dry-run", text);
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

  function onMessage(message: StreamMessage) {
    if (message.type === "progress") setProgress(message);
    else if (message.type === "done") {
      setDone(message.summary);
      setPlan(null);
    } else if (message.type === "error") setError(message.message);
  }

  async function apply() {
    setBusy("apply");
    setError(null);
    setProgress({ phase: "Uploading", done: 0, total: 1 });
    try {
      const response = await postCsv("apply", text);
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => ({}));
        setError(body.error ?? "The import was refused. Nothing was imported.");
        return;
      }
      await readMessages(response.body, onMessage);
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

  return {
    text,
    setText,
    fileName,
    loadFile,
    plan,
    stale,
    filter,
    setFilter,
    shown,
    error,
    done,
    busy,
    progress,
    dryRun,
    apply,
    canApply,
  };
}

export type ImportPreview = ReturnType<typeof useImportPreview>;

export const outcomeStyles: Record<RowOutcome, string> = {
  create: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200",
  change: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  unchanged: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  reject: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
};

export const outcomeLabels: Record<RowOutcome, string> = {
  create: "Create",
  change: "Change",
  unchanged: "Unchanged",
  reject: "Rejected",
};
