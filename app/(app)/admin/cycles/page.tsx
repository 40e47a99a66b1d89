import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { listCyclesWithCounts } from "@/db/queries/admin";
import { requireRole } from "@/lib/dal";
import { calendarDate, dateFormatters } from "@/lib/locale";
import { CreateCycleForm } from "./cycle-forms";

export const metadata: Metadata = { title: "Cycles · Admin" };

/** The quarter after the latest cycle, as the create form's starting values. */
function nextQuarter(latest: { name: string } | undefined) {
  const [year, q] = latest
    ? [Number(latest.name.slice(0, 4)), Number(latest.name.slice(6))]
    : [new Date().getUTCFullYear(), 0];
  const nextYear = q === 4 ? year + 1 : year;
  const nextQ = q === 4 ? 1 : q + 1;
  const month = (nextQ - 1) * 3 + 1;
  const start = `${nextYear}-${String(month).padStart(2, "0")}-01`;
  const endDate = new Date(Date.UTC(nextYear, month + 2, 0));
  return { name: `${nextYear} Q${nextQ}`, startsOn: start, endsOn: endDate.toISOString().slice(0, 10) };
}

export default async function CyclesPage() {
  const actor = await requireRole("admin");
  const [cycles, formats] = await Promise.all([listCyclesWithCounts(actor), dateFormatters()]);
  const byName = [...cycles].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <PageHeader
        title="Review cycles"
        description="A cycle is drafted, opened for writing, then closed: closed cycles are read-only, in the database itself."
      />
      <Card title="Cycles">
        <SimpleTable
          label="Review cycles"
          caption="Review cycles"
          columns={[
            "Cycle",
            { label: "Dates", className: "hidden sm:table-cell" },
            "Status",
            { label: "Self-assessments in", align: "right" },
            { label: "Reviews finalized", align: "right", className: "hidden sm:table-cell" },
          ]}
        >
          {[...cycles].reverse().map((cycle) => (
            <tr key={cycle.id} className="border-b border-line last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link
                  href={`/admin/cycles/${cycle.id}`}
                  className="text-[var(--color-accent)] underline-offset-2 hover:underline dark:text-indigo-300"
                >
                  {cycle.name}
                </Link>
              </th>
              <td className="hidden px-3 py-2 sm:table-cell">
                {formats.shortDate.format(calendarDate(cycle.startsOn))} –{" "}
                {formats.shortDate.format(calendarDate(cycle.endsOn))}
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={cycle.status} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{cycle.selfSubmitted}</td>
              <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{cycle.finalized}</td>
            </tr>
          ))}
        </SimpleTable>
      </Card>
      <Card
        className="mt-6"
        title="New cycle"
        description="It starts as a draft: nobody can write in it until you open it."
      >
        <CreateCycleForm suggestion={nextQuarter(byName.at(-1))} />
      </Card>
    </>
  );
}
