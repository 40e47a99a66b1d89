import { SERIES_COLORS } from "@/lib/ladder";

export const seriesColor = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length]!;
/**
 * A team's (or department's) colour from a hash of its id, not its place in the list: a team keeps
 * its colour whatever the filter, so charts taken from the app into a deck agree with each other.
 */
const stableColor = (id: number) =>
  // Fibonacci hashing: the product's high bits, so neighbouring ids land on different colours.
  SERIES_COLORS[Math.floor(((Math.imul(id, 2654435769) >>> 0) / 2 ** 32) * SERIES_COLORS.length)]!;
const POINT_STYLES = ["circle", "triangle", "rect", "rectRot", "star", "crossRot"] as const;
/**
 * Each series' colour by its id, and, where the eight colours repeat, a different point shape for
 * every series after the first of a colour (the legend draws the shapes), so two teams never look alike.
 */
export function stableStyles(ids: number[]) {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const color = stableColor(id);
    const n = seen.get(color) ?? 0;
    seen.set(color, n + 1);
    return { color, pointStyle: POINT_STYLES[n % POINT_STYLES.length]! };
  });
}
/** Whether any two of these ids share a colour, so the chart says how to tell them apart. */
export const coloursRepeat = (ids: number[]) => new Set(ids.map(stableColor)).size < ids.length;
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

/** A title naming its scope when the page is filtered to a department: "Finance's level mix per quarter". */
export function scopedTitle(department: { name: string } | null, title: string) {
  return department ? `${department.name}'s ${title.charAt(0).toLowerCase()}${title.slice(1)}` : title;
}
