"use client";

import { CategoryScale, Chart as ChartJS, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartOptions } from "chart.js";
import { Line } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Filler, Tooltip, Legend);

export type AreaSeries = { label: string; values: number[]; color: string };

/** Shares stacked to 100% per cycle, one band per series. */
export function StackedAreaChart({ labels, series, summary, yTitle = "Share of time (%)" }: { labels: string[]; series: AreaSeries[]; summary: string; yTitle?: string }) {
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: "index", intersect: false },
    plugins: {
      legend: { position: "bottom", labels: { usePointStyle: true } },
      tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y?.toFixed(1)}%` } },
    },
    scales: {
      x: { title: { display: true, text: "Review cycle" } },
      y: { stacked: true, min: 0, max: 100, title: { display: true, text: yTitle } },
    },
  };
  return (
    <div className="relative h-72 w-full">
      <Line
        role="img"
        aria-label={summary}
        options={options}
        data={{
          labels,
          datasets: series.map((s) => ({
            label: s.label,
            data: s.values,
            borderColor: s.color,
            backgroundColor: `${s.color}cc`,
            fill: true,
            pointRadius: 2,
            tension: 0.2,
          })),
        }}
      />
    </div>
  );
}
