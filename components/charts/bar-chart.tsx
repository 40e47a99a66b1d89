"use client";

import type { ChartOptions } from "chart.js";
import { Bar } from "./canvas";
import { axisTitle, describedAs } from "./chart-setup";

/** One bar per category, each in its own colour (the categories are its legend); `summary` describes it. */
export function BarChart({
  labels,
  values,
  colors,
  xTitle,
  yTitle,
  summary,
}: {
  labels: string[];
  values: number[];
  colors: string[];
  xTitle: string;
  yTitle: string;
  summary: string;
}) {
  const options: ChartOptions<"bar"> = {
    responsive: true,
    maintainAspectRatio: false,
    plugins: { legend: { display: false } },
    scales: {
      x: { title: axisTitle(xTitle) },
      y: { beginAtZero: true, title: axisTitle(yTitle), ticks: { precision: 0 } },
    },
  };
  return (
    <div className="relative h-64 w-full">
      <Bar
        {...describedAs(summary)}
        options={options}
        data={{ labels, datasets: [{ label: yTitle, data: values, backgroundColor: colors, borderRadius: 4 }] }}
      />
    </div>
  );
}
