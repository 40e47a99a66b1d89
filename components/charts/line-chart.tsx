"use client";

import { Line } from "./canvas";
import { axisTitle, describedAs, overCyclesOptions, provisionalSegment } from "./chart-setup";

export type LineSeries = { label: string; values: (number | null)[]; color: string };

/** A line chart over cycles; the canvas is described for screen readers by `summary`. */
export function LineChart({
  labels,
  series,
  yTitle,
  xTitle = "Review cycle",
  summary,
  yDecimals = 2,
  provisionalFrom,
}: {
  labels: string[];
  series: LineSeries[];
  yTitle: string;
  xTitle?: string;
  summary: string;
  yDecimals?: number;
  /** Points from this label index on are provisional (an open cycle): drawn dashed and hollow. */
  provisionalFrom?: number;
}) {
  const provisional = (index: number) => provisionalFrom !== undefined && index >= provisionalFrom;
  const options = overCyclesOptions(
    xTitle,
    {
      legend: { position: "bottom", labels: { usePointStyle: true } },
      tooltip: {
        callbacks: {
          label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y?.toFixed(yDecimals) ?? "—"}`,
        },
      },
    },
    { y: { title: axisTitle(yTitle), ticks: { callback: (value) => Number(value).toFixed(yDecimals) } } },
  );
  return (
    <div className="relative h-72 w-full">
      <Line
        {...describedAs(summary)}
        options={options}
        data={{
          labels,
          datasets: series.map((s) => ({
            label: s.label,
            data: s.values,
            borderColor: s.color,
            backgroundColor: s.color,
            pointRadius: 3,
            pointBackgroundColor: s.values.map((_, i) => (provisional(i) ? "transparent" : s.color)),
            segment: provisionalSegment(provisionalFrom, [6, 4]),
            tension: 0.25,
            spanGaps: true,
          })),
        }}
      />
    </div>
  );
}
