import { Card } from "@/components/ui/card";
import type { ImportPreview } from "./use-import-preview";

/** Step 1: a file (or pasted text), editable in place, and the dry-run button. */
export function ChooseFileCard({ preview, template }: { preview: ImportPreview; template: string }) {
  const { text } = preview;
  return (
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
            onChange={(e) => preview.loadFile(e.target.files?.[0])}
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
          File contents {preview.fileName && <span className="text-muted font-normal">({preview.fileName})</span>}
        </label>
        <p id="csv-hint" className="text-muted text-xs">
          Fix rejected rows here, or paste a file, then run the dry run again.
        </p>
        <textarea
          id="csv"
          value={text}
          onChange={(e) => preview.setText(e.target.value)}
          rows={Math.min(14, Math.max(5, text.split("\n").length + 1))}
          spellCheck={false}
          aria-describedby="csv-hint"
          className="input mt-1 font-mono text-xs"
        />
      </div>
      <button
        type="button"
        onClick={preview.dryRun}
        disabled={!text.trim() || preview.busy !== null}
        className="mt-4 rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
      >
        {preview.busy === "dry-run" ? "Checking…" : "Dry run"}
      </button>
    </Card>
  );
}
