"use client";

import { Line } from "./canvas";
import { axisTitle, describedAs, formatValue, overCyclesOptions, provisionalSegment, valueTicks } from "./chart-setup";

export type AreaSeries = { label: string; values: number[]; color: string };

/**
 * Shares stacked to 100 % over cycles, the first series at the bottom: with the ladder's levels in
 * order, work moving up the ladder reads as colour rising. Described for screen readers by `summary`.
 */
export function StackedAreaChart({
  labels,
  series,
  yTitle,
  xTitle = "Review cycle",
  summary,
  provisionalFrom,
}: {
  labels: string[];
  series: AreaSeries[];
  yTitle: string;
  xTitle?: string;
  summary: string;
  /** Points from this label index on are provisional (an open cycle): drawn dashed. */
  provisionalFrom?: number;
}) {
  const options = overCyclesOptions(
    xTitle,
    {
      legend: { position: "bottom", reverse: true, labels: { usePointStyle: true, pointStyle: "rectRounded" } },
      tooltip: {
        itemSort: (a, b) => b.datasetIndex - a.datasetIndex,
        callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatValue("percent", ctx.parsed.y)}` },
      },
      filler: { propagate: false },
    },
    {
      y: {
        stacked: true,
        min: 0,
        max: 100,
        title: axisTitle(yTitle),
        ticks: { ...valueTicks("percent"), stepSize: 20 },
      },
    },
  );
  return (
    <div className="relative h-80 w-full">
      <Line
        {...describedAs(summary)}
        options={options}
        data={{
          labels,
          datasets: series.map((s, i) => ({
            label: s.label,
            data: s.values,
            borderColor: s.color,
            backgroundColor: `${s.color}cc`,
            fill: i === 0 ? "origin" : "-1",
            pointRadius: 0,
            pointHitRadius: 8,
            borderWidth: 1.5,
            segment: provisionalSegment(provisionalFrom, [5, 4]),
            tension: 0.2,
          })),
        }}
      />
    </div>
  );
}
