import { PrintButton } from "@/components/charts/print-button";
import type { OrganizationOverview } from "@/db/queries/organization";

/** The range of cycles and the department, as a GET form: the URL holds the view, so it can be shared. */
export function OrganizationFilters({ o, exportQuery }: { o: OrganizationOverview; exportQuery: string }) {
  const from = o.cycles[0]?.name;
  const to = o.cycles.at(-1)?.name;
  return (
    <section aria-label="Filters and downloads" className="surface mb-6 rounded-xl p-4 shadow-sm print:hidden">
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="from" className="block text-sm font-medium">
            From
          </label>
          <select id="from" name="from" defaultValue={from} className="input mt-1 w-36">
            {o.allCycles.map((c) => (
              <option key={c.id} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            To
          </label>
          <select id="to" name="to" defaultValue={to} className="input mt-1 w-44">
            {o.allCycles.map((c) => (
              <option key={c.id} value={c.name}>
                {c.name}
                {c.status === "open" ? " (open)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="department" className="block text-sm font-medium">
            Department
          </label>
          <select id="department" name="department" defaultValue={o.department?.id ?? ""} className="input mt-1 w-52">
            <option value="">All departments</option>
            {o.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="basis" className="block text-sm font-medium">
            Figures from
          </label>
          <select id="basis" name="basis" defaultValue={o.basis} className="input mt-1 w-64">
            <option value="best">Best available (review, else self-assessment)</option>
            <option value="reviewed">Manager-reviewed only</option>
          </select>
        </div>
        <button
          type="submit"
          className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)]"
        >
          Show
        </button>
        <div className="ml-auto flex flex-wrap gap-2 text-sm">
          <a
            href={`/api/export/organization?${exportQuery}`}
            download
            className="rounded-md border border-line px-3 py-2 font-medium hover:border-[var(--color-accent)]"
          >
            Download figures (CSV)
          </a>
          <a
            href={`/api/export/assessments?${exportQuery}`}
            download
            className="rounded-md border border-line px-3 py-2 font-medium hover:border-[var(--color-accent)]"
          >
            Download assessments (CSV)
          </a>
          <PrintButton className="rounded-md border border-line px-3 py-2 font-medium hover:border-[var(--color-accent)]" />
        </div>
      </form>
    </section>
  );
}
