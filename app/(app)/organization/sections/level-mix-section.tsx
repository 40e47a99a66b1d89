import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartNumbers } from "@/components/charts/chart-numbers";
import { StackedAreaChart } from "@/components/charts/stacked-area-chart";
import { Card } from "@/components/ui/card";
import type { OrganizationOverview } from "@/db/queries/organization";
import { formatIndex, formatPercent, LEVELS, SHARE_KEYS } from "@/lib/ladder";
import { coverageText, cycleLabel, provisionalFrom, scopedTitle } from "./format";

export function LevelMixSection({ o }: { o: OrganizationOverview }) {
  const points = o.org.filter((p) => p.figures);
  const first = points[0];
  const last = points.findLast((p) => !p.coverage.provisional) ?? points.at(-1);
  const reading =
    first && last && first !== last
      ? `From ${first.cycle.name} to ${last.cycle.name}, time at decision ownership and above (levels 3–5) went from ${formatPercent(first.figures!.ownershipShare + first.figures!.systemShare)} to ${formatPercent(last.figures!.ownershipShare + last.figures!.systemShare)}, and execution (levels 1–2) from ${formatPercent(first.figures!.executionShare)} to ${formatPercent(last.figures!.executionShare)}.`
      : last
        ? `In ${last.cycle.name}, ${formatPercent(last.figures!.ownershipShare + last.figures!.systemShare)} of time is at decision ownership and above.`
        : "No assessments in this range.";
  const labels = points.map((p) =>
    p.coverage.provisional && p.cycle.status !== "open" ? `${p.cycle.name} (provisional)` : cycleLabel(p.cycle),
  );
  const dashedFrom = provisionalFrom(points);
  const series = LEVELS.map((l, i) => ({
    label: `${l.level}. ${l.name}`,
    values: points.map((p) => Number(p.figures!.mix[SHARE_KEYS[i]!].toFixed(1))),
    color: l.color,
  }));
  const chartTitle = scopedTitle(o.department, "Level mix per quarter");
  return (
    <Card
      title={o.department ? chartTitle : "The organisation's level mix per quarter"}
      description={`${reading} Dashed: provisional quarters (still open, or under 80% of people assessed).`}
    >
      <ChartFrame
        title={chartTitle}
        data={{ labels, series: series.map((s) => ({ label: s.label, values: s.values })) }}
      >
        <StackedAreaChart
          labels={labels}
          series={series}
          yTitle="Share of time (%)"
          summary={reading}
          provisionalFrom={dashedFrom}
        />
      </ChartFrame>
      <ChartNumbers
        caption={chartTitle}
        columns={[...LEVELS.map((l) => `${l.level}. ${l.name}`), "Leverage index", "AI exposure", "People", "Coverage"]}
        rows={points.map((p) => ({
          key: p.cycle.id,
          label: p.cycle.name,
          open: p.cycle.status === "open",
          values: [
            ...SHARE_KEYS.map((k) => formatPercent(p.figures!.mix[k])),
            formatIndex(p.figures!.leverageIndex),
            formatPercent(p.figures!.aiExposure),
            String(p.figures!.count),
            `${coverageText(p.coverage)}${p.coverage.provisional ? " · provisional" : ""}`,
          ],
        }))}
      />
    </Card>
  );
}
