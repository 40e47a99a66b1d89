import type { Metadata } from "next";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { organizationOverview } from "@/db/queries/organization";
import { ORGANIZATION_ROLES } from "@/lib/authz";
import { requireRole } from "@/lib/dal";
import { formatIndex, formatIndexChange, formatPercent } from "@/lib/ladder";
import { parseId } from "@/lib/params";
import { ResearchSection } from "./research-section";
import { CalibrationSection } from "./sections/calibration-section";
import { OrganizationFilters } from "./sections/filters";
import { HeatmapSection } from "./sections/heatmap-section";
import { LevelMixSection } from "./sections/level-mix-section";
import { MoversSection } from "./sections/movers-section";
import { RolesSection } from "./sections/roles-section";
import { TeamTrendSection } from "./sections/team-trends-section";
import { TeamsSection } from "./sections/teams-section";

export const metadata: Metadata = { title: "Organization" };

type Search = { from?: string; to?: string; department?: string };

export default async function OrganizationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireRole(...ORGANIZATION_ROLES);
  const params = await searchParams;
  const o = await organizationOverview(actor, {
    from: params.from,
    to: params.to,
    departmentId: parseId(params.department) ?? undefined,
  });
  const exportQuery = new URLSearchParams(
    Object.entries({
      from: o.cycles[0]?.name ?? "",
      to: o.cycles.at(-1)?.name ?? "",
      department: o.department ? String(o.department.id) : "",
    }).filter(([, v]) => v),
  ).toString();
  const withData = o.org.filter((p) => p.figures);
  const latest = o.heatmap ? o.org.find((p) => p.cycle.id === o.heatmap!.cycle.id) : undefined;
  const first = withData[0];

  return (
    <>
      <PageHeader
        title="Organization"
        description="Which teams move from execution toward decision ownership and system design, and which roles are most exposed to AI."
      />
      <OrganizationFilters o={o} exportQuery={exportQuery} />
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
              value={latest.figures.count}
              hint={`${o.department?.name ?? "All departments"} · ${o.teams.length} teams`}
            />
          </div>
          <div className="space-y-6">
            <LevelMixSection o={o} />
            <TeamTrendSection o={o} metric="leverageIndex" />
            <TeamTrendSection o={o} metric="aiExposure" />
            <HeatmapSection o={o} />
            <MoversSection o={o} />
            <RolesSection o={o} />
            <CalibrationSection o={o} />
            <TeamsSection o={o} />
          </div>
        </>
      )}
      <ResearchSection actor={actor} />
    </>
  );
}
