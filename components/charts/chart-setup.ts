import type { ChartOptions } from "chart.js";
import { formatIndex, formatIndexChange, formatPercent } from "@/lib/ladder";

// Registration and the theme's defaults live in ./chart-js.ts, loaded with the first chart.
export const prefersDark = typeof window !== "undefined" && window.matchMedia("(prefers-color-scheme: dark)").matches;

/**
 * How a chart's values read, in its tooltip and along its value axis: the app's own formatters, so
 * a chart says "34%" or "2.84" exactly as the table under it does.
 */
const VALUE_FORMATS = {
  /** Leverage index, and mean ratings (shown like the index, as in their tables): "2.84". */
  index: formatIndex,
  /** A change in the index, signed: "+0.31". */
  indexChange: formatIndexChange,
  /** Shares and exposure, whole percents: "34%". */
  percent: formatPercent,
  /** People or reviews: "3". */
  count: (value: number) => String(Math.round(value)),
} satisfies Record<string, (value: number) => string>;

export type ValueFormat = keyof typeof VALUE_FORMATS;

/** One value as a tooltip shows it; a missing one as a dash. */
export function formatValue(format: ValueFormat, value: number | null | undefined) {
  return value === null || value === undefined ? "—" : VALUE_FORMATS[format](value);
}

/** A value axis's ticks in the same format (whole steps where the format shows whole numbers). */
export function valueTicks(format: ValueFormat) {
  return {
    callback: (value: number | string) => VALUE_FORMATS[format](Number(value)),
    ...(format === "percent" || format === "count" ? { precision: 0 } : {}),
  };
}

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
