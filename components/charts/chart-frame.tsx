"use client";

import { useRef } from "react";
import { drawnCanvas } from "./canvas";

function fileName(title: string) {
  return `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}.png`;
}

/** Copies a canvas onto the page's background colour (a chart canvas is transparent) and saves it. */
export function downloadCanvas(canvas: HTMLCanvasElement, title: string) {
  const out = document.createElement("canvas");
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext("2d")!;
  ctx.fillStyle = getComputedStyle(document.body).backgroundColor || "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  const link = document.createElement("a");
  link.download = fileName(title);
  link.href = out.toDataURL("image/png");
  link.click();
}

/**
 * A chart with its "Download PNG" button. `data` (labels and series) is kept on the element so the
 * chart's numbers can be checked against its table.
 */
export function ChartFrame({ title, data, children }: { title: string; data?: unknown; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div ref={ref} data-chart={data === undefined ? undefined : JSON.stringify(data)} data-chart-title={title}>
      <div className="mb-2 flex justify-end">
        <button
          type="button"
          onClick={async () => {
            const canvas = ref.current && (await drawnCanvas(ref.current));
            if (canvas) downloadCanvas(canvas, title);
          }}
          className="rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:border-[var(--color-accent)]"
        >
          Download PNG<span className="sr-only"> of {title}</span>
        </button>
      </div>
      {children}
    </div>
  );
}
