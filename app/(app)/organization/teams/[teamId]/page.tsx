import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChartContextProvider, ChartFrame } from "@/components/charts/chart-frame";
import { ChartNumbers } from "@/components/charts/chart-numbers";
import { LineChart } from "@/components/charts/line-chart";
import { StackedAreaChart } from "@/components/charts/stacked-area-chart";
import { Card, Stat } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { SMALL_GROUP_NOTE, teamTrendForOrganization } from "@/db/queries/organization";
import { ORGANIZATION_ROLES } from "@/lib/authz";
import { requireRole } from "@/lib/dal";
import { organizationName, PRODUCT_NAME } from "@/lib/env";
import { ACCENT_COLOR, formatIndex, formatIndexChange, formatPercent, LEVELS, SHARE_KEYS } from "@/lib/ladder";
import { parseId } from "@/lib/params";
import { cycleLabel, seriesColor } from "../../sections/format";

export const metadata: Metadata = { title: "Team trends · Organization" };

/** A team's trends for leaders and admins: read-only, reached from the Organization page. */
export default async function OrganizationTeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const actor = await requireRole(...ORGANIZATION_ROLES);
  const teamId = parseId((await params).teamId);
  const trend = teamId ? await teamTrendForOrganization(actor, teamId) : null;
  if (!trend) notFound();
  const points = trend.cycles.filter((c) => c.figures);
  const labels = points.map(cycleLabel);
  const openIndex = points.findIndex((c) => c.status === "open");
  const first = points[0];
  const last = points.findLast((c) => c.status === "closed") ?? points.at(-1);
  const reading =
    first && last && first !== last
      ? `${trend.team.name}'s leverage index went from ${formatIndex(first.figures!.leverageIndex)} in ${first.name} to ${formatIndex(last.figures!.leverageIndex)} in ${last.name} (${formatIndexChange(last.figures!.leverageIndex - first.figures!.leverageIndex)}); AI exposure from ${formatPercent(first.figures!.aiExposure)} to ${formatPercent(last.figures!.aiExposure)}.`
      : "Not enough cycles yet to show a trend.";
  const mixSeries = LEVELS.map((l, i) => ({
    label: `${l.level}. ${l.name}`,
    values: points.map((p) => Number(p.figures!.mix[SHARE_KEYS[i]!].toFixed(1))),
    color: l.color,
  }));
  const hiddenCycles = trend.cycles.filter((c) => c.hidden).map((c) => c.name);
  const chartContext = {
    scope: `${trend.team.name}, ${trend.team.department} · best available (the finalized review, else the submitted self-assessment)`,
    cycles: points.length > 1 ? `${points[0]!.name} to ${points.at(-1)!.name}` : (points[0]?.name ?? "no cycles"),
    source: `Source: ${PRODUCT_NAME}, ${organizationName()}, self and manager assessments.`,
  };
  return (
    <ChartContextProvider value={chartContext}>
      <BackLink href="/organization">Organization</BackLink>
      <PageHeader
        title={trend.team.name}
        description={`${trend.team.department} · manager ${trend.team.manager ?? "none"} · read-only view of the team's trends`}
      />
      {last?.figures && (
        <div className="mb-6 grid gap-4 sm:grid-cols-3">
          <Stat label={`Leverage index, ${last.name}`} value={formatIndex(last.figures.leverageIndex)} />
          <Stat label={`AI exposure, ${last.name}`} value={formatPercent(last.figures.aiExposure)} />
          <Stat label={`People assessed, ${last.name}`} value={last.figures.count} />
        </div>
      )}
      {(hiddenCycles.length > 0 || trend.hiddenRoles > 0) && (
        <p role="note" className="text-muted mb-6 text-sm">
          {hiddenCycles.length > 0 && `Not shown: ${hiddenCycles.join(", ")} (${SMALL_GROUP_NOTE}). `}
          {trend.hiddenRoles > 0 &&
            `${trend.hiddenRoles} ${trend.hiddenRoles === 1 ? "role is" : "roles are"} left out (${SMALL_GROUP_NOTE}).`}
        </p>
      )}
      <div className="space-y-6">
        <Card title="Leverage index and AI exposure" description={reading}>
          <ChartFrame
            title={`${trend.team.name} leverage index`}
            data={{
              labels,
              series: [
                { label: "Leverage index", values: points.map((p) => Number(p.figures!.leverageIndex.toFixed(2))) },
              ],
            }}
          >
            <LineChart
              labels={labels}
              series={[
                { label: "Leverage index", values: points.map((p) => p.figures!.leverageIndex), color: ACCENT_COLOR },
              ]}
              yTitle="Leverage index (1–5)"
              summary={reading}
              provisionalFrom={openIndex >= 0 ? openIndex : undefined}
            />
          </ChartFrame>
          <ChartNumbers
            caption={`${trend.team.name} by quarter`}
            columns={["Leverage index", "AI exposure", "People"]}
            rows={points.map((p) => ({
              key: p.id,
              label: p.name,
              open: p.status === "open",
              values: [
                formatIndex(p.figures!.leverageIndex),
                formatPercent(p.figures!.aiExposure),
                String(p.figures!.count),
              ],
            }))}
          />
        </Card>
        <Card title="Level mix per quarter" description="Share of the team's time at each level.">
          <ChartFrame
            title={`${trend.team.name} level mix`}
            data={{ labels, series: mixSeries.map((s) => ({ label: s.label, values: s.values })) }}
          >
            <StackedAreaChart
              labels={labels}
              series={mixSeries}
              yTitle="Share of time (%)"
              summary={`${trend.team.name}: level mix per quarter`}
            />
          </ChartFrame>
          <ChartNumbers
            caption={`${trend.team.name} level mix`}
            columns={LEVELS.map((l) => `${l.level}. ${l.name}`)}
            rows={points.map((p) => ({
              key: p.id,
              label: p.name,
              open: p.status === "open",
              values: SHARE_KEYS.map((k) => formatPercent(p.figures!.mix[k])),
            }))}
          />
        </Card>
        {trend.roles.length > 0 && (
          <Card title="Leverage index per role">
            <ChartFrame title={`${trend.team.name} roles`}>
              <LineChart
                labels={trend.cycles.map(cycleLabel)}
                series={trend.roles.map((r, i) => ({
                  label: r.title,
                  values: r.points.map((p) => p?.leverageIndex ?? null),
                  color: seriesColor(i),
                }))}
                yTitle="Leverage index (1–5)"
                summary={`${trend.team.name}: leverage index per role`}
              />
            </ChartFrame>
            <ChartNumbers
              caption={`${trend.team.name} roles`}
              rowHeader="Role"
              columns={trend.cycles.map(cycleLabel)}
              rows={trend.roles.map((r) => ({
                key: r.id,
                label: r.title,
                values: r.points.map((p) => (p ? formatIndex(p.leverageIndex) : "—")),
              }))}
            />
          </Card>
        )}
      </div>
    </ChartContextProvider>
  );
}
