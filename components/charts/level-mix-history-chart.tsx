"use client";

import type { ChartDataset } from "chart.js";
import { ACCENT_COLOR, LEVELS, type LevelMix, SHARE_KEYS } from "@/lib/ladder";
import { Line } from "./canvas";
import { axisTitle, describedAs, formatValue, overCyclesOptions, valueTicks } from "./chart-setup";

/**
 * Level mix per cycle as stacked areas (level 1 at the bottom, so moving up the ladder reads as
 * colour rising) with the leverage index as a line on its own axis.
 */
export function LevelMixHistoryChart({
  labels,
  mixes,
  indexes,
  summary,
}: {
  labels: string[];
  mixes: LevelMix[];
  indexes: number[];
  summary: string;
}) {
  const areas: ChartDataset<"line", number[]>[] = LEVELS.map((level, i) => ({
    label: `${level.level}. ${level.name}`,
    data: mixes.map((m) => m[SHARE_KEYS[i]!]),
    borderColor: level.color,
    backgroundColor: `${level.color}cc`,
    fill: i === 0 ? "origin" : "-1",
    pointRadius: 0,
    pointHitRadius: 6,
    borderWidth: 1,
    tension: 0.2,
    yAxisID: "y",
    order: 2,
  }));
  const indexLine: ChartDataset<"line", number[]> = {
    label: "Leverage index",
    data: indexes,
    borderColor: ACCENT_COLOR,
    backgroundColor: ACCENT_COLOR,
    borderWidth: 3,
    pointRadius: 4,
    pointBackgroundColor: "#ffffff",
    pointBorderWidth: 2,
    fill: false,
    tension: 0.2,
    yAxisID: "index",
    order: 1,
  };
  const options = overCyclesOptions(
    "Review cycle",
    {
      legend: { position: "bottom", labels: { usePointStyle: true, boxWidth: 8 } },
      tooltip: {
        callbacks: {
          label: (ctx) =>
            ctx.dataset.yAxisID === "index"
              ? `Leverage index: ${formatValue("index", ctx.parsed.y)}`
              : `${ctx.dataset.label}: ${formatValue("percent", ctx.parsed.y)}`,
        },
      },
    },
    {
      y: {
        stacked: true,
        min: 0,
        max: 100,
        title: axisTitle("Share of working time (%)"),
        ticks: valueTicks("percent"),
      },
      index: {
        position: "right",
        min: 1,
        max: 5,
        grid: { drawOnChartArea: false },
        title: axisTitle("Leverage index"),
        ticks: { ...valueTicks("index"), stepSize: 1 },
      },
    },
  );
  return (
    <div className="relative h-80 w-full">
      <Line {...describedAs(summary)} options={options} data={{ labels, datasets: [...areas, indexLine] }} />
    </div>
  );
}
