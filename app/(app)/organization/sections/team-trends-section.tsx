import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartNumbers } from "@/components/charts/chart-numbers";
import { LineChart } from "@/components/charts/line-chart";
import { Card } from "@/components/ui/card";
import { type OrganizationOverview, TEAM_LINES_MAX } from "@/db/queries/organization";
import { formatIndex, formatIndexChange, formatPercent, formatPointsChange } from "@/lib/ladder";
import { coloursRepeat, cycleLabel, scopedTitle, stableStyles } from "./format";

type Metric = "leverageIndex" | "aiExposure";

/**
 * One line a team over the range while there are few teams; beyond that one line a department (the
 * largest twelve), since hundreds of lines read as noise. Click a legend entry to hide or show a line.
 */
export function TeamTrendSection({ o, metric }: { o: OrganizationOverview; metric: Metric }) {
  const labels = o.cycles.map(cycleLabel);
  const openIndex = o.cycles.findIndex((c) => c.status === "open");
  const byDepartment = o.teamsPartial || o.teamSeries.length > TEAM_LINES_MAX;
  if (byDepartment) return <DepartmentTrendSection o={o} metric={metric} />;
  const styles = stableStyles(o.teamSeries.map((s) => s.team.id));
  const series = o.teamSeries.map((s, i) => ({
    label: s.team.name,
    values: s.points.map((p) =>
      p
        ? Number(
            (metric === "leverageIndex" ? p.leverageIndex : p.aiExposure).toFixed(metric === "leverageIndex" ? 2 : 1),
          )
        : null,
    ),
    ...styles[i]!,
  }));
  const format = (v: number) => (metric === "leverageIndex" ? formatIndex(v) : formatPercent(v));
  const isIndex = metric === "leverageIndex";
  const title = scopedTitle(o.department, isIndex ? "Leverage index per team" : "AI exposure per team");

  const movers = o.teamMovers.map((m) => {
    const s = o.teamSeries.find((t) => t.team.id === m.id)!;
    const a = s.points.find((p) => p)!;
    const b = s.points.findLast((p, i) => p && (openIndex < 0 || i < openIndex)) ?? a;
    return {
      name: m.name,
      from: a,
      to: b,
      change: isIndex ? b.leverageIndex - a.leverageIndex : b.aiExposure - a.aiExposure,
    };
  });
  const highest = [...movers].sort((x, y) =>
    isIndex ? y.to.leverageIndex - x.to.leverageIndex : y.to.aiExposure - x.to.aiExposure,
  )[0];
  const biggest = [...movers].sort((x, y) => (isIndex ? y.change - x.change : x.change - y.change))[0];
  const reading = !highest
    ? "Not enough cycles in this range to show a trend."
    : isIndex
      ? `${highest.name} has the highest index (${formatIndex(highest.to.leverageIndex)}); ${biggest!.name} moved most (${formatIndexChange(biggest!.change)}) over the range.`
      : `${highest.name} is the most exposed team (${formatPercent(highest.to.aiExposure)} of time in automatable work); ${biggest!.name} reduced its exposure most (${formatPointsChange(biggest!.change)}).`;

  return (
    <Card title={title} description={reading}>
      <ChartFrame title={title} data={{ labels, series: series.map((s) => ({ label: s.label, values: s.values })) }}>
        <LineChart
          labels={labels}
          series={series}
          yTitle={isIndex ? "Leverage index (1–5)" : "AI exposure (% of time)"}
          yFormat={isIndex ? "index" : "percent"}
          summary={reading}
          provisionalFrom={openIndex >= 0 ? openIndex : undefined}
        />
      </ChartFrame>
      <p className="text-muted mt-2 text-xs">
        Click a team in the legend to hide or show its line. Dashed: a cycle still open.
        {coloursRepeat(o.teamSeries.map((s) => s.team.id)) &&
          " Each team keeps its colour under every filter, so colours repeat: teams that share one have different point shapes."}
      </p>
      <ChartNumbers
        caption={title}
        rowHeader="Team"
        columns={o.cycles.map(cycleLabel)}
        rows={o.teamSeries.map((s) => ({
          key: s.team.id,
          label: s.team.name,
          values: s.points.map((p) => (p ? format(isIndex ? p.leverageIndex : p.aiExposure) : "—")),
        }))}
      />
    </Card>
  );
}

const DEPARTMENT_LINES_MAX = 12;

function DepartmentTrendSection({ o, metric }: { o: OrganizationOverview; metric: Metric }) {
  const isIndex = metric === "leverageIndex";
  const labels = o.cycles.map(cycleLabel);
  const openIndex = o.cycles.findIndex((c) => c.status === "open");
  const at = Math.max(0, o.latestIndex);
  const ranked = [...o.departmentSeries].sort((a, b) => (b.points[at]?.count ?? 0) - (a.points[at]?.count ?? 0));
  const shown = ranked.slice(0, DEPARTMENT_LINES_MAX);
  const value = (p: { leverageIndex: number; aiExposure: number }) => (isIndex ? p.leverageIndex : p.aiExposure);
  const format = (v: number) => (isIndex ? formatIndex(v) : formatPercent(v));
  const styles = stableStyles(shown.map((s) => s.department.id));
  const series = shown.map((s, i) => ({
    label: s.department.name,
    values: s.points.map((p) => (p ? Number(value(p).toFixed(isIndex ? 2 : 1)) : null)),
    ...styles[i]!,
  }));
  const title = isIndex ? "Leverage index per department" : "AI exposure per department";
  const withLatest = ranked.filter((s) => s.points[at]);
  const top = [...withLatest].sort((a, b) => value(b.points[at]!) - value(a.points[at]!))[0];
  const reading = top
    ? `${top.department.name} has the ${isIndex ? "highest leverage index" : "highest AI exposure"} in ${o.cycles[at]!.name} (${format(value(top.points[at]!))}).${ranked.length > shown.length ? ` The ${shown.length} largest of ${ranked.length} departments are drawn and tabled; every department is in the CSV and in the heatmap below.` : ""} Pick a department above to see its teams.`
    : "Not enough cycles in this range to show a trend.";
  return (
    <Card title={title} description={reading}>
      <ChartFrame title={title} data={{ labels, series: series.map((s) => ({ label: s.label, values: s.values })) }}>
        <LineChart
          labels={labels}
          series={series}
          yTitle={isIndex ? "Leverage index (1–5)" : "AI exposure (% of time)"}
          yFormat={isIndex ? "index" : "percent"}
          summary={reading}
          provisionalFrom={openIndex >= 0 ? openIndex : undefined}
        />
      </ChartFrame>
      <ChartNumbers
        caption={title}
        rowHeader="Department"
        columns={o.cycles.map(cycleLabel)}
        rows={shown.map((s) => ({
          key: s.department.id,
          label: s.department.name,
          values: s.points.map((p) => (p ? format(value(p)) : "—")),
        }))}
      />
    </Card>
  );
}
