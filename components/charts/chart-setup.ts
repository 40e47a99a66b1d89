import type { ChartOptions } from "chart.js";

// Registration and the theme's defaults live in ./chart-js.ts, loaded with the first chart.
export const prefersDark = typeof window !== "undefined" && window.matchMedia("(prefers-color-scheme: dark)").matches;

export const percentTicks = { callback: (value: number | string) => `${value}%` };

export function axisTitle(text: string) {
  return { display: true, text };
}

type LineOptions = ChartOptions<"line">;

/**
 * A chart over review cycles that fills its box, with one tooltip for every series at the cycle
 * under the pointer and the cycles along x.
 */
export function overCyclesOptions(
  xTitle: string,
  plugins: NonNullable<LineOptions["plugins"]>,
  scales: NonNullable<LineOptions["scales"]>,
): LineOptions {
  return {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: "index", intersect: false },
    plugins,
    scales: { x: { title: axisTitle(xTitle) }, ...scales },
  };
}

/** Line segments that end at a provisional point (an open cycle's, from `provisionalFrom` on) are dashed. */
export function provisionalSegment(provisionalFrom: number | undefined, dash: number[]) {
  return {
    borderDash: (ctx: { p1DataIndex: number }) =>
      provisionalFrom !== undefined && ctx.p1DataIndex >= provisionalFrom ? dash : undefined,
  };
}

/** A chart canvas is an image to assistive technology, described by the chart's summary sentence. */
export function describedAs(summary: string) {
  return { role: "img", "aria-label": summary } as const;
}
