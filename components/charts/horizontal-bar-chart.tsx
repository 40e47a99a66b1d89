"use client";

import type { ChartOptions } from "chart.js";
import { Bar } from "./canvas";
import { axisTitle, describedAs, formatValue, type ValueFormat, valueTicks } from "./chart-setup";

export type HorizontalBarSeries = { label: string; values: number[]; color: string | string[] };

/** Horizontal bars, one row per label; several series stack when `stacked`. */
export function HorizontalBarChart({
  labels,
  series,
  summary,
  xTitle,
  stacked = false,
  format,
}: {
  labels: string[];
  series: HorizontalBarSeries[];
  summary: string;
  xTitle: string;
  stacked?: boolean;
  /** How the values read in the tooltip and along x: a count of reviews, a change in the index. */
  format: ValueFormat;
}) {
  const options: ChartOptions<"bar"> = {
    indexAxis: "y",
    responsive: true,
    maintainAspectRatio: false,
    plugins: {
      legend: { display: series.length > 1, position: "bottom" },
      tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatValue(format, ctx.parsed.x)}` } },
    },
    scales: {
      x: {
        stacked,
        title: axisTitle(xTitle),
        ticks: valueTicks(format),
      },
      y: { stacked },
    },
  };
  return (
    <div className="relative w-full" style={{ height: `${Math.max(10, labels.length * 2.1 + 5)}rem` }}>
      <Bar
        {...describedAs(summary)}
        options={options}
        data={{
          labels,
          datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderWidth: 0 })),
        }}
      />
    </div>
  );
}
