import { SERIES_COLORS } from "@/lib/ladder";

export const seriesColor = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length]!;
export const pct1 = (v: number) => `${v.toFixed(1)}%`;
export const cycleLabel = (c: { name: string; status: string }) => (c.status === "open" ? `${c.name} (open)` : c.name);
