"use client";

import type { ChartOptions } from "chart.js";
import { Scatter } from "react-chartjs-2";
import { ACCENT_COLOR } from "@/lib/ladder";
import { axisTitle, describedAs, percentTicks, prefersDark } from "./chart-setup";

const DIAGONAL_COLOR = prefersDark ? "#7c8594" : "#8a93a1";

const PERCENT_AXIS = { type: "linear", min: 0, max: 100, ticks: percentTicks } as const;

export type ResearchPoint = { label: string; research: number; ladder: number };

/**
 * Roles placed by the occupation's published exposure (x) and the ladder's measured exposure (y),
 * both in percent, with the diagonal where the two agree.
 */
export function ResearchScatter({ points, summary }: { points: ResearchPoint[]; summary: string }) {
  const options: ChartOptions<"scatter"> = {
    responsive: true,
    maintainAspectRatio: false,
    plugins: {
      legend: { position: "bottom", labels: { usePointStyle: true } },
      tooltip: {
        filter: (item) => item.datasetIndex === 0,
        callbacks: {
          label: (ctx) => {
            const point = points[ctx.dataIndex];
            return point
              ? `${point.label}: ladder ${Math.round(point.ladder)}%, research ${Math.round(point.research)}%`
              : "";
          },
        },
      },
    },
    scales: {
      x: { ...PERCENT_AXIS, title: axisTitle("Occupation's published exposure, beta (%)") },
      y: { ...PERCENT_AXIS, title: axisTitle("Measured exposure on the ladder, E (%)") },
    },
  };
  return (
    <div className="relative h-80 w-full">
      <Scatter
        {...describedAs(summary)}
        options={options}
        data={{
          datasets: [
            {
              label: "Roles",
              data: points.map((p) => ({ x: p.research, y: p.ladder })),
              backgroundColor: ACCENT_COLOR,
              borderColor: ACCENT_COLOR,
              pointRadius: 5,
              pointHoverRadius: 7,
            },
            {
              label: "Same as the research",
              data: [
                { x: 0, y: 0 },
                { x: 100, y: 100 },
              ],
              showLine: true,
              borderColor: DIAGONAL_COLOR,
              backgroundColor: DIAGONAL_COLOR,
              borderDash: [6, 4],
              borderWidth: 1.5,
              pointRadius: 0,
              pointStyle: "line",
            },
          ],
        }}
      />
    </div>
  );
}
