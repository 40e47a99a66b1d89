import type { Metadata } from "next";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listCyclesWithCounts, organisationCounts } from "@/db/queries/admin";
import { requireRole } from "@/lib/dal";
import { calendarDate, dateFormatters } from "@/lib/locale";

export const metadata: Metadata = { title: "Admin" };

const statusStyles = {
  draft: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  open: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200",
  closed: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
} as const;

export default async function AdminPage() {
  const actor = await requireRole("admin");
  const [counts, cycles, formats] = await Promise.all([organisationCounts(actor), listCyclesWithCounts(actor), dateFormatters()]);
  return (
    <>
      <PageHeader title="Admin" description="Review cycles, people and teams of the organisation." />
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat label="Active people" value={counts.activePeople} />
        <Stat label="Teams" value={counts.teams} />
        <Stat label="Departments" value={counts.departments} />
      </div>
      <Card title="Review cycles" description="A cycle is drafted, opened for writing, then closed for good.">
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Review cycles</caption>
            <thead>
              <tr className="border-b border-line text-left">
                <th scope="col" className="px-3 py-2 font-medium">Cycle</th>
                <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Dates</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Self-assessments in</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Reviews finalized</th>
              </tr>
            </thead>
            <tbody>
              {[...cycles].reverse().map((cycle) => (
                <tr key={cycle.id} className="border-b border-line last:border-0">
                  <th scope="row" className="px-3 py-2 text-left font-medium">{cycle.name}</th>
                  <td className="hidden px-3 py-2 sm:table-cell">
                    {formats.shortDate.format(calendarDate(cycle.startsOn))} – {formats.shortDate.format(calendarDate(cycle.endsOn))}
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${statusStyles[cycle.status]}`}>{cycle.status}</span>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{cycle.selfSubmitted}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{cycle.finalized}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
