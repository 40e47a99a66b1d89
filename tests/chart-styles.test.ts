import { describe, expect, it } from "vitest";
import { coloursRepeat, stableStyles } from "@/app/(app)/organization/sections/format";
import { formatValue, valueTicks } from "@/components/charts/chart-setup";

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

describe("chart values read as the app's formatters write them", () => {
  it("shows percents with their sign, whole, in the tooltip and on the axis", () => {
    expect(formatValue("percent", 34)).toBe("34%");
    expect(formatValue("percent", 33.6)).toBe("34%");
    expect(valueTicks("percent").callback(20)).toBe("20%");
    // Whole steps only: an axis never reads "2%, 3%, 3%" from rounding 2.5.
    expect(valueTicks("percent")).toMatchObject({ precision: 0 });
  });

  it("shows the index and mean ratings with two decimals, changes signed, counts whole, gaps as a dash", () => {
    expect(formatValue("index", 2.8)).toBe("2.80");
    expect(valueTicks("index").callback("3")).toBe("3.00");
    expect(formatValue("indexChange", 0.314)).toBe("+0.31");
    expect(formatValue("indexChange", -0.12)).toBe("\u22120.12");
    expect(valueTicks("indexChange").callback(-0.2)).toBe("\u22120.20");
    expect(formatValue("count", 3)).toBe("3");
    expect(formatValue("percent", null)).toBe("—");
  });
});
