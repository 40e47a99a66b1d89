import type { Metadata } from "next";
import { ChartNumbers } from "@/components/charts/chart-numbers";
import { LineChart } from "@/components/charts/line-chart";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listTeamsWithDepartment, orgFiguresByCycle, teamFiguresByCycle } from "@/db/queries/organization";
import { ORGANIZATION_ROLES } from "@/lib/authz";
import { requireRole } from "@/lib/dal";
import { ACCENT_COLOR, formatIndex, formatIndexChange, formatPercent } from "@/lib/ladder";
import { ResearchSection } from "./research-section";
import { TeamFiguresTable, type TeamFiguresRow } from "./team-figures-table";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage({ searchParams }: { searchParams: Promise<{ cycle?: string }> }) {
  const actor = await requireRole(...ORGANIZATION_ROLES);
  const [cycles, teamFigures, teams] = await Promise.all([
    orgFiguresByCycle(actor),
    teamFiguresByCycle(actor),
    listTeamsWithDepartment(actor),
  ]);
  const withData = cycles.filter((c) => c.figures !== null);

  if (withData.length === 0) {
    return (
      <>
        <PageHeader title="Organization" />
        <Card title="No assessments yet">
          <p>Once people submit self-assessments or managers finalize reviews, the organisation&apos;s trends appear here.</p>
        </Card>
      </>
    );
  }

  const { cycle: requested } = await searchParams;
  const latestClosed = [...withData].reverse().find((c) => c.status === "closed") ?? withData.at(-1)!;
  const selected = withData.find((c) => c.cycleName === requested) ?? latestClosed;
  const selectedPosition = cycles.findIndex((c) => c.cycleId === selected.cycleId);
  const previous = selectedPosition > 0 ? cycles[selectedPosition - 1] : undefined;

  const figuresFor = (cycleId: number | undefined, teamId: number) =>
    teamFigures.find((f) => f.cycleId === cycleId && f.teamId === teamId)?.figures ?? null;
  const rows: TeamFiguresRow[] = teams.map((team) => {
    const now = figuresFor(selected.cycleId, team.id);
    const before = figuresFor(previous?.cycleId, team.id);
    return {
      teamId: team.id,
      team: team.name,
      department: team.department,
      manager: team.manager,
      headCount: now?.count ?? 0,
      leverageIndex: now?.leverageIndex ?? null,
      indexChange: now && before ? now.leverageIndex - before.leverageIndex : null,
      aiExposure: now?.aiExposure ?? null,
    };
  });

  // An open cycle is still filling up, so the plain reading stops at the last closed one.
  const first = withData[0]!;
  const last = latestClosed;
  const openCycle = cycles.find((c) => c.status === "open");
  const openIndex = openCycle ? cycles.indexOf(openCycle) : -1;
  const indexChange = last.figures!.leverageIndex - first.figures!.leverageIndex;
  const reading =
    withData.length < 2
      ? `The organisation's leverage index is ${formatIndex(last.figures!.leverageIndex)} in ${last.cycleName}.`
      : `Since ${first.cycleName} the organisation's leverage index ${indexChange >= 0 ? "rose" : "fell"} from ${formatIndex(first.figures!.leverageIndex)} to ${formatIndex(last.figures!.leverageIndex)} (${formatIndexChange(indexChange)}) in ${last.cycleName}.`;

  return (
    <>
      <PageHeader
        title="Organization"
        description="How the organisation's work moves up the leverage ladder, from execution toward decision ownership and system design."
      />

      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat label={`Leverage index, ${selected.cycleName}`} value={formatIndex(selected.figures!.leverageIndex)} hint="1.00 = all execution · 5.00 = all strategy" />
        <Stat label={`AI exposure, ${selected.cycleName}`} value={formatPercent(selected.figures!.aiExposure)} hint="Share of time in automatable work (s1 + ½·s2)" />
        <Stat label={`People assessed, ${selected.cycleName}`} value={selected.figures!.count} hint={`${teams.length} teams`} />
      </div>

      <Card
        title="Organisation leverage index by quarter"
        description={
          <>
            {reading}
            {openCycle?.figures && ` ${openCycle.cycleName} is still open: its dashed point counts the ${openCycle.figures.count} people assessed so far.`}
          </>
        }
      >
        <LineChart
          labels={cycles.map((c) => c.cycleName)}
          series={[{ label: "Leverage index", values: cycles.map((c) => c.figures?.leverageIndex ?? null), color: ACCENT_COLOR }]}
          yTitle="Leverage index (1–5)"
          summary={reading}
          provisionalFrom={openIndex >= 0 ? openIndex : undefined}
        />
        <ChartNumbers
          caption="Organisation leverage index by quarter"
          columns={["Leverage index", "AI exposure", "People assessed"]}
          rows={cycles.map((c) => ({
            key: c.cycleId,
            label: c.cycleName,
            open: c.status === "open",
            values: [
              c.figures ? formatIndex(c.figures.leverageIndex) : "—",
              c.figures ? formatPercent(c.figures.aiExposure) : "—",
              String(c.figures?.count ?? 0),
            ],
          }))}
        />
      </Card>

      <Card
        className="mt-6"
        title={`Teams in ${selected.cycleName}`}
        description={previous ? `Change is against ${previous.cycleName}. Click a column to sort.` : "Click a column to sort."}
      >
        <form method="get" className="mb-4 flex items-end gap-2">
          <div>
            <label htmlFor="cycle" className="block text-sm font-medium">
              Review cycle
            </label>
            <select id="cycle" name="cycle" defaultValue={selected.cycleName} className="input mt-1 w-40">
              {withData.map((c) => (
                <option key={c.cycleId} value={c.cycleName}>
                  {c.cycleName}
                  {c.status === "open" ? " (open)" : ""}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md border border-line px-3 py-2 text-sm font-medium hover:border-[var(--color-accent)]">
            Show
          </button>
        </form>
        <TeamFiguresTable rows={rows} cycleName={selected.cycleName} />
      </Card>

      <ResearchSection actor={actor} />
    </>
  );
}
