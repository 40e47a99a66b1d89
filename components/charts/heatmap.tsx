"use client";

import { useRef } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatPercent } from "@/lib/ladder";
import { DOWNLOAD_SCALE, downloadCanvas, useChartCaption } from "./chart-frame";

export type HeatmapRow = { label: string; values: number[] };

/**
 * 0% → nearly the page colour, 60%+ → the accent at 60% opacity. Capped there so the page's own ink
 * stays readable on every cell, in the light theme and the dark one.
 */
function cellColor(value: number) {
  const t = Math.min(1, Math.max(0, value / 60));
  return `rgba(79, 70, 229, ${(0.05 + 0.55 * t).toFixed(3)})`;
}

/** A table-shaped heatmap: every cell shows its value, so it reads without the colours. */
export function Heatmap({
  title,
  columns,
  rows,
  summary,
}: {
  title: string;
  columns: string[];
  rows: HeatmapRow[];
  summary: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const caption = useChartCaption(title);

  function download() {
    const cellW = 120;
    const cellH = 34;
    const labelW = 200;
    const scale = DOWNLOAD_SCALE;
    const canvas = document.createElement("canvas");
    canvas.width = (labelW + cellW * columns.length) * scale;
    canvas.height = (cellH * (rows.length + 1) + 16) * scale;
    const ctx = canvas.getContext("2d")!;
    ctx.scale(scale, scale);
    // The PNG is drawn on white whatever the theme.
    const ink = "#1f2430";
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.fillStyle = ink;
    columns.forEach((c, i) => {
      ctx.textAlign = "center";
      let label = c;
      // Shortened to the cell's width, so neighbouring headers never run into each other.
      while (label.length > 4 && ctx.measureText(label).width > cellW - 8) label = `${label.slice(0, -2)}…`;
      ctx.fillText(label, labelW + cellW * i + cellW / 2, cellH / 2);
    });
    rows.forEach((row, r) => {
      const y = cellH * (r + 1);
      ctx.textAlign = "left";
      ctx.fillStyle = ink;
      ctx.fillText(row.label, 4, y + cellH / 2);
      row.values.forEach((v, i) => {
        ctx.fillStyle = cellColor(v);
        ctx.fillRect(labelW + cellW * i + 1, y + 1, cellW - 2, cellH - 2);
        ctx.fillStyle = ink;
        ctx.textAlign = "center";
        ctx.fillText(formatPercent(v), labelW + cellW * i + cellW / 2, y + cellH / 2);
      });
    });
    downloadCanvas(canvas, title, caption.lines(), scale);
  }

  return (
    <div
      ref={ref}
      data-chart={JSON.stringify({
        labels: rows.map((r) => r.label),
        columns,
        values: rows.map((r) => r.values.map((v) => Math.round(v))),
      })}
      data-chart-title={title}
      data-caption={caption.attribute}
    >
      <div className="mb-2 flex justify-end print:hidden">
        <button
          type="button"
          onClick={download}
          className="rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:border-[var(--color-accent)]"
        >
          Download PNG<span className="sr-only"> of {title}</span>
        </button>
      </div>
      <ScrollRegion label={summary}>
        <table className="w-full border-separate border-spacing-0.5 text-sm">
          <caption className="sr-only">{title}: share of time at each level, per team</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-left font-medium">
                Team
              </th>
              {columns.map((c) => (
                <th key={c} scope="col" className="px-1 py-1 text-center text-xs font-medium">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
                  {row.label}
                </th>
                {row.values.map((v, i) => (
                  <td
                    key={columns[i]}
                    className="rounded px-1 py-2 text-center tabular-nums"
                    style={{ background: cellColor(v) }}
                  >
                    {formatPercent(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="text-muted mt-3 flex items-center gap-2 text-xs" aria-hidden="true">
        <span>0%</span>
        <span
          className="h-2.5 w-40 rounded"
          style={{ background: `linear-gradient(to right, ${cellColor(0)}, ${cellColor(30)}, ${cellColor(60)})` }}
        />
        <span>60%+ of time</span>
      </div>
    </div>
  );
}
