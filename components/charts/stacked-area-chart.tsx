"use client";

import {
  CategoryScale,
  Chart as ChartJS,
  type ChartOptions,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { Line } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Filler, Tooltip, Legend);

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
  const provisional = (index: number) => provisionalFrom !== undefined && index >= provisionalFrom;
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: "index", intersect: false },
    plugins: {
      legend: { position: "bottom", reverse: true, labels: { usePointStyle: true, pointStyle: "rectRounded" } },
      tooltip: {
        itemSort: (a, b) => b.datasetIndex - a.datasetIndex,
        callbacks: { label: (ctx) => `${ctx.dataset.label}: ${Math.round(ctx.parsed.y ?? 0)}%` },
      },
      filler: { propagate: false },
    },
    scales: {
      x: { title: { display: true, text: xTitle } },
      y: {
        stacked: true,
        min: 0,
        max: 100,
        title: { display: true, text: yTitle },
        ticks: { callback: (value) => `${value}%`, stepSize: 20 },
      },
    },
  };
  return (
    <div className="relative h-80 w-full">
      <Line
        role="img"
        aria-label={summary}
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
            segment: {
              borderDash: (ctx: { p1DataIndex: number }) => (provisional(ctx.p1DataIndex) ? [5, 4] : undefined),
            },
            tension: 0.2,
          })),
        }}
      />
    </div>
  );
}
