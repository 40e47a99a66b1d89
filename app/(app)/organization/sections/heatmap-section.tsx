import { Heatmap } from "@/components/charts/heatmap";
import { Card } from "@/components/ui/card";
import type { OrganizationOverview } from "@/db/queries/organization";
import { formatPercent, LEVELS } from "@/lib/ladder";

export function HeatmapSection({ o }: { o: OrganizationOverview }) {
  const h = o.heatmap;
  if (!h || h.rows.length === 0) return null;
  const top = [...h.rows].sort((a, b) => b.figures.systemShare - a.figures.systemShare)[0]!;
  const exec = [...h.rows].sort((a, b) => b.figures.mix.s1 - a.figures.mix.s1)[0]!;
  const reading = `In ${h.cycle.name}, ${top.team.name} spends the most time on system design and strategy (levels 4–5, ${formatPercent(top.figures.systemShare)}); ${exec.team.name} the most on manual execution (level 1, ${formatPercent(exec.figures.mix.s1)}).`;
  return (
    <Card title={`Where each team's time sits, ${h.cycle.name}`} description={reading}>
      <Heatmap
        title={`Team by level heatmap ${h.cycle.name}`}
        columns={LEVELS.map((l) => `${l.level}. ${l.name}`)}
        rows={h.rows.map((r) => ({
          label: r.team.name,
          values: [r.figures.mix.s1, r.figures.mix.s2, r.figures.mix.s3, r.figures.mix.s4, r.figures.mix.s5],
        }))}
        summary={reading}
      />
    </Card>
  );
}
