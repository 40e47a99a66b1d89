"use client";

import type { ChartOptions } from "chart.js";
import { Bar } from "./canvas";
import { axisTitle, describedAs } from "./chart-setup";

export type HorizontalBarSeries = { label: string; values: number[]; color: string | string[] };

/** Horizontal bars, one row per label; several series stack when `stacked`. */
export function HorizontalBarChart({
  labels,
  series,
  summary,
  xTitle,
  stacked = false,
  decimals = 2,
}: {
  labels: string[];
  series: HorizontalBarSeries[];
  summary: string;
  xTitle: string;
  stacked?: boolean;
  decimals?: number;
}) {
  const options: ChartOptions<"bar"> = {
    indexAxis: "y",
    responsive: true,
    maintainAspectRatio: false,
    plugins: {
      legend: { display: series.length > 1, position: "bottom" },
      tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${Number(ctx.parsed.x).toFixed(decimals)}` } },
    },
    scales: {
      x: {
        stacked,
        title: axisTitle(xTitle),
        ticks: { callback: (v) => Number(v).toFixed(stacked ? 0 : decimals) },
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
