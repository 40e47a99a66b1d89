"use client";

import { Line } from "./canvas";
import {
  axisTitle,
  describedAs,
  formatValue,
  overCyclesOptions,
  provisionalSegment,
  type ValueFormat,
  valueTicks,
} from "./chart-setup";

/** `pointStyle` tells apart series that share a colour (the legend draws it too). */
export type LineSeries = {
  label: string;
  values: (number | null)[];
  color: string;
  pointStyle?: "circle" | "triangle" | "rect" | "rectRot" | "star" | "crossRot";
};

/** A line chart over cycles; the canvas is described for screen readers by `summary`. */
export function LineChart({
  labels,
  series,
  yTitle,
  xTitle = "Review cycle",
  summary,
  yFormat = "index",
  provisionalFrom,
  yRange,
}: {
  labels: string[];
  series: LineSeries[];
  yTitle: string;
  xTitle?: string;
  summary: string;
  /** How the values read in the tooltip and on the y axis: "2.84", "34%". */
  yFormat?: ValueFormat;
  /** Points from this label index on are provisional (an open cycle): drawn dashed and hollow. */
  provisionalFrom?: number;
  /** A fixed y axis (a 1–5 rating scale) instead of one fitted to the data. */
  yRange?: [number, number];
}) {
  const provisional = (index: number) => provisionalFrom !== undefined && index >= provisionalFrom;
  const options = overCyclesOptions(
    xTitle,
    {
      legend: { position: "bottom", labels: { usePointStyle: true } },
      tooltip: {
        callbacks: {
          label: (ctx) => `${ctx.dataset.label}: ${formatValue(yFormat, ctx.parsed.y)}`,
        },
      },
    },
    {
      y: {
        title: axisTitle(yTitle),
        ...(yRange ? { min: yRange[0], max: yRange[1] } : {}),
        ticks: valueTicks(yFormat),
      },
    },
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
            pointRadius: s.pointStyle && s.pointStyle !== "circle" ? 4 : 3,
            pointStyle: s.pointStyle ?? "circle",
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
