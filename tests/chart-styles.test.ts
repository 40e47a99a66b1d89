import { describe, expect, it } from "vitest";
import { coloursRepeat, stableStyles } from "@/app/(app)/organization/sections/format";

describe("team colours and point shapes", () => {
  it("keep a team's colour whatever else is drawn, and tell apart teams that share one by shape", () => {
    const ids = Array.from({ length: 40 }, (_, i) => 100 + i * 7);
    const all = stableStyles(ids);
    // Eight colours for forty teams: colours repeat, and the legend says so.
    expect(coloursRepeat(ids)).toBe(true);
    expect(new Set(all.map((s) => `${s.color} ${s.pointStyle}`)).size).toBe(ids.length);
    // Filtered to every third team, each keeps its colour.
    const some = ids.filter((_, i) => i % 3 === 0);
    stableStyles(some).forEach((s, i) => {
      expect(s.color).toBe(all[ids.indexOf(some[i]!)]!.color);
    });
    expect(coloursRepeat(ids.slice(0, 1))).toBe(false);
  });
});
