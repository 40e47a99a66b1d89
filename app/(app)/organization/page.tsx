import type { Metadata } from "next";
import { ChartContextProvider } from "@/components/charts/chart-frame";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { organizationOverview } from "@/db/queries/organization";
import { ORGANIZATION_ROLES } from "@/lib/authz";
import { requireRole } from "@/lib/dal";
import { organizationName, PRODUCT_NAME } from "@/lib/env";
import { formatIndex, formatIndexChange, formatPercent } from "@/lib/ladder";
import { parseId } from "@/lib/params";
import { ResearchSection } from "./research-section";
import { CalibrationSection } from "./sections/calibration-section";
import { CapabilitiesSection } from "./sections/capabilities-section";
import { OrganizationFilters } from "./sections/filters";
import { coverageText } from "./sections/format";
import { HeatmapSection } from "./sections/heatmap-section";
import { LevelMixSection } from "./sections/level-mix-section";
import { MoversSection } from "./sections/movers-section";
import { RolesSection } from "./sections/roles-section";
import { TeamTrendSection } from "./sections/team-trends-section";
import { TeamsSection, type TeamTableParams } from "./sections/teams-section";

export const metadata: Metadata = { title: "Organization" };

type Search = { from?: string; to?: string; department?: string; basis?: string } & TeamTableParams;

export default async function OrganizationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireRole(...ORGANIZATION_ROLES);
  const params = await searchParams;
  const o = await organizationOverview(actor, {
    from: params.from,
    to: params.to,
    departmentId: parseId(params.department) ?? undefined,
    basis: params.basis,
  });
  const exportQuery = new URLSearchParams(
    Object.entries({
      from: o.cycles[0]?.name ?? "",
      to: o.cycles.at(-1)?.name ?? "",
      department: o.department ? String(o.department.id) : "",
      basis: o.basis === "reviewed" ? "reviewed" : "",
    }).filter(([, v]) => v),
  ).toString();
  const query = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const withData = o.org.filter((p) => p.figures);
  // The headline is the latest cycle with enough people assessed, never an open or thin one.
  const latest = o.latestIndex >= 0 ? o.org[o.latestIndex] : undefined;
  const first = withData[0];
  const newest = withData.at(-1);
  const provisionalNote =
    newest && latest && newest !== latest
      ? `${newest.cycle.name} is ${newest.cycle.status === "open" ? "still open" : "thinly covered"} (${coverageText(newest.coverage)}): its figures are provisional and not the headline.`
      : latest?.coverage.provisional
        ? `No quarter in range has 80% of people assessed; ${latest.cycle.name} is shown but provisional.`
        : null;

  // What every chart downloaded from this page says about itself, drawn into the PNG.
  const chartContext = {
    scope: `${o.department?.name ?? "All departments"} · ${o.basis === "reviewed" ? "manager-reviewed assessments only" : "best available (the finalized review, else the submitted self-assessment)"}`,
    cycles:
      o.cycles.length > 1 ? `${o.cycles[0]!.name} to ${o.cycles.at(-1)!.name}` : (o.cycles[0]?.name ?? "no cycles"),
    source: `Source: ${PRODUCT_NAME}, ${organizationName()}, self and manager assessments.`,
  };

  return (
    <ChartContextProvider value={chartContext}>
      <PageHeader
        title="Organization"
        description="Which teams move from execution toward decision ownership and system design, and which roles are most exposed to AI."
      />
      <OrganizationFilters o={o} exportQuery={exportQuery} />
      {/* The filters are not printed: the printed page says what they chose instead. */}
      <p className="mb-4 hidden text-sm print:block">
        {chartContext.scope} · {chartContext.cycles}. {chartContext.source}
      </p>
      {!latest?.figures ? (
        <Card title="No assessments in this range">
          <p>
            Once people submit self-assessments or managers finalize reviews, the organisation&apos;s trends appear
            here. Try a wider range of cycles or all departments.
          </p>
        </Card>
      ) : (
        <>
          <div className="mb-6 grid gap-4 sm:grid-cols-3">
            <Stat
              label={`Leverage index, ${latest.cycle.name}`}
              value={formatIndex(latest.figures.leverageIndex)}
              hint={
                first && first !== latest
                  ? `${formatIndexChange(latest.figures.leverageIndex - first.figures!.leverageIndex)} since ${first.cycle.name}`
                  : "1.00 = all execution · 5.00 = all strategy"
              }
            />
            <Stat
              label={`AI exposure, ${latest.cycle.name}`}
              value={formatPercent(latest.figures.aiExposure)}
              hint="Share of time in automatable work (s1 + ½·s2)"
            />
            <Stat
              label={`People assessed, ${latest.cycle.name}`}
              value={`${Math.round(latest.coverage.share * 100)}%`}
              hint={`${coverageText(latest.coverage)} · ${o.department?.name ?? "All departments"} · ${o.teamCount.toLocaleString("en")} teams`}
            />
          </div>
          {provisionalNote && (
            <p
              role="note"
              className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
            >
              {provisionalNote}
            </p>
          )}
          <div className="deferred-sections space-y-6">
            <LevelMixSection o={o} />
            <CapabilitiesSection o={o} />
            <TeamTrendSection o={o} metric="leverageIndex" />
            <TeamTrendSection o={o} metric="aiExposure" />
            <HeatmapSection o={o} query={query} />
            <MoversSection o={o} />
            <RolesSection o={o} />
            <CalibrationSection o={o} />
            <TeamsSection actor={actor} o={o} query={query} params={params} />
          </div>
        </>
      )}
      <ResearchSection actor={actor} departmentId={o.department?.id} />
    </ChartContextProvider>
  );
}
