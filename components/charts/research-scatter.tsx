"use client";

import type { ChartOptions } from "chart.js";
import { ACCENT_COLOR } from "@/lib/ladder";
import { Scatter } from "./canvas";
import { axisTitle, describedAs, formatValue, prefersDark, valueTicks } from "./chart-setup";

const DIAGONAL_COLOR = prefersDark ? "#7c8594" : "#8a93a1";

const PERCENT_AXIS = { type: "linear", min: 0, max: 100, ticks: valueTicks("percent") } as const;

export type ResearchPoint = { label: string; research: number; ladder: number; basis: "people" | "target" };

/**
 * Roles placed by their occupation's research figure (x) and the ladder's exposure (y), both in
 * percent, with the diagonal where the two agree. Roles measured from people's assessments are
 * filled dots; roles with only a target mix are hollow squares.
 */
export function ResearchScatter({
  points,
  summary,
  researchTitle,
}: {
  points: ResearchPoint[];
  summary: string;
  /** The x axis: which research figure the roles are read against. */
  researchTitle: string;
}) {
  const measured = points.filter((p) => p.basis === "people");
  const target = points.filter((p) => p.basis === "target");
  const groups = [measured, target];
  const options: ChartOptions<"scatter"> = {
    responsive: true,
    maintainAspectRatio: false,
    plugins: {
      legend: { position: "bottom", labels: { usePointStyle: true } },
      tooltip: {
        filter: (item) => item.datasetIndex < 2,
        callbacks: {
          label: (ctx) => {
            const point = groups[ctx.datasetIndex]?.[ctx.dataIndex];
            return point
              ? `${point.label}: ladder ${formatValue("percent", point.ladder)} (${point.basis === "people" ? "measured" : "target mix"}), research ${formatValue("percent", point.research)}`
              : "";
          },
        },
      },
    },
    scales: {
      x: { ...PERCENT_AXIS, title: axisTitle(`${researchTitle} (%)`) },
      y: { ...PERCENT_AXIS, title: axisTitle("AI exposure on the ladder, E (%)") },
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
              label: "Measured from people's assessments",
              data: measured.map((p) => ({ x: p.research, y: p.ladder })),
              backgroundColor: ACCENT_COLOR,
              borderColor: ACCENT_COLOR,
              pointRadius: 5,
              pointHoverRadius: 7,
            },
            {
              label: "Target mix only (no one assessed yet)",
              data: target.map((p) => ({ x: p.research, y: p.ladder })),
              backgroundColor: "transparent",
              borderColor: ACCENT_COLOR,
              borderWidth: 2,
              pointStyle: "rect",
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
