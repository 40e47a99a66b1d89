import { SERIES_COLORS } from "@/lib/ladder";

export const seriesColor = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length]!;
export const pct1 = (v: number) => `${v.toFixed(1)}%`;
export const cycleLabel = (c: { name: string; status: string }) => (c.status === "open" ? `${c.name} (open)` : c.name);

type Coverage = { assessed: number; active: number; finalized: number; share: number; provisional: boolean };

/** "8,620 of 9,100 assessed (95%), 7,276 manager-reviewed". */
export function coverageText(c: Coverage) {
  return `${c.assessed.toLocaleString("en")} of ${c.active.toLocaleString("en")} assessed (${Math.round(c.share * 100)}%), ${c.finalized.toLocaleString("en")} manager-reviewed`;
}

/** The first cycle from which every later one is provisional (open or under-covered): drawn dashed from there. */
export function provisionalFrom(points: { coverage: Coverage }[]) {
  let from: number | undefined;
  for (let i = points.length - 1; i >= 0 && points[i]!.coverage.provisional; i--) from = i;
  return from;
}
