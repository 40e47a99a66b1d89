import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartNumbers } from "@/components/charts/chart-numbers";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { Card } from "@/components/ui/card";
import { CALIBRATION_BUCKETS, type OrganizationOverview } from "@/db/queries/organization";
import { formatIndexChange } from "@/lib/ladder";

const BUCKET_COLORS = ["#1d4ed8", "#93c5fd", "#a3a3a3", "#fdba74", "#c2410c"];

export function CalibrationSection({ o }: { o: OrganizationOverview }) {
  if (o.calibration.length === 0) return null;
  const widest = o.calibration[0]!;
  const reading = `Managers and employees disagree most in ${widest.team.name} (mean distance ${widest.meanAbsGap.toFixed(2)} index points); there, employees place their work ${widest.meanGap >= 0 ? "higher" : "lower"} than their manager on average (${formatIndexChange(widest.meanGap)}).`;
  const labels = o.calibration.map((c) => c.team.name);
  const series = CALIBRATION_BUCKETS.map((b, i) => ({
    label: b.label,
    values: o.calibration.map((c) => c.buckets[i]!),
    color: BUCKET_COLORS[i]!,
  }));
  return (
    <Card title="Calibration: where managers and employees disagree" description={reading}>
      <ChartFrame
        title="Self versus manager gaps per team"
        data={{ labels, series: series.map((s) => ({ label: s.label, values: s.values })) }}
      >
        <HorizontalBarChart
          labels={labels}
          series={series}
          stacked
          xTitle="Reviews (self-assessment versus finalized review)"
          summary={reading}
          format="count"
        />
      </ChartFrame>
      <p className="text-muted mt-2 text-xs">
        Gap = leverage index of the self-assessment minus that of the manager&apos;s finalized review, per person and
        cycle in the range.
      </p>
      <ChartNumbers
        caption="Self versus manager gaps per team"
        rowHeader="Team"
        columns={[...CALIBRATION_BUCKETS.map((b) => b.label), "Mean gap", "Mean distance", "Reviews"]}
        rows={o.calibration.map((c) => ({
          key: c.team.id,
          label: c.team.name,
          values: [...c.buckets.map(String), formatIndexChange(c.meanGap), c.meanAbsGap.toFixed(2), String(c.pairs)],
        }))}
      />
    </Card>
  );
}
