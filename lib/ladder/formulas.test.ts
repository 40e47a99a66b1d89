import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIndex, formatIndexChange, formatPercent, formatPointsChange } from "./format";
import {
  aiExposure,
  calibrationGap,
  effectiveAssessment,
  executionShare,
  exposureClass,
  groupFigures,
  isCompleteMix,
  type LevelMix,
  leverageIndex,
  meanMix,
  median,
  mixTotal,
  ownershipShare,
  systemShare,
  upwardShift,
} from "./formulas";

const MINUS = "\u2212";

const mix = (s1: number, s2: number, s3: number, s4: number, s5: number): LevelMix => ({ s1, s2, s3, s4, s5 });

const allExecution = mix(100, 0, 0, 0, 0);
const allStrategic = mix(0, 0, 0, 0, 100);
const example = mix(10, 20, 30, 25, 15); // L = (10 + 40 + 90 + 100 + 75) / 100 = 3.15

describe("leverageIndex", () => {
  it("is 1 for pure execution and 5 for pure strategy", () => {
    expect(leverageIndex(allExecution)).toBe(1);
    expect(leverageIndex(allStrategic)).toBe(5);
    expect(leverageIndex(mix(0, 0, 100, 0, 0))).toBe(3);
  });

  it("weights each level by its number", () => {
    expect(leverageIndex(example)).toBeCloseTo(3.15, 10);
    expect(leverageIndex(mix(20, 20, 20, 20, 20))).toBeCloseTo(3, 10);
    expect(leverageIndex(mix(50, 0, 0, 0, 50))).toBeCloseTo(3, 10);
    expect(leverageIndex(mix(40, 30, 20, 10, 0))).toBeCloseTo(2, 10);
  });
});

describe("shares", () => {
  it("groups levels 1–2, 3 and 4–5", () => {
    expect(executionShare(example)).toBe(30);
    expect(ownershipShare(example)).toBe(30);
    expect(systemShare(example)).toBe(40);
  });

  it("puts each level in exactly one share", () => {
    expect(executionShare(mix(0, 100, 0, 0, 0))).toBe(100);
    expect(ownershipShare(mix(0, 100, 0, 0, 0))).toBe(0);
    expect(systemShare(mix(0, 0, 0, 100, 0))).toBe(100);
    expect(executionShare(mix(0, 0, 100, 0, 0))).toBe(0);
  });
});

describe("aiExposure", () => {
  it("counts level 1 fully and level 2 half", () => {
    expect(aiExposure(allExecution)).toBe(100);
    expect(aiExposure(mix(0, 100, 0, 0, 0))).toBe(50);
    expect(aiExposure(example)).toBe(20);
    expect(aiExposure(mix(30, 45, 25, 0, 0))).toBeCloseTo(52.5, 10);
  });

  it("ignores levels 3–5", () => {
    expect(aiExposure(mix(0, 0, 40, 30, 30))).toBe(0);
  });
});

describe("exposureClass", () => {
  it("classifies a single mix", () => {
    expect(exposureClass(allExecution)).toBe("exposed");
    expect(exposureClass(allStrategic)).toBe("enhanced");
    // E = 20 + 15 = 35 < 50; ownership + system = 50 → enhanced (boundary)
    expect(exposureClass(mix(20, 30, 20, 20, 10))).toBe("enhanced");
    // E = 30 + 17.5 = 47.5 < 50; ownership + system = 35 < 50 → in transition
    expect(exposureClass(mix(30, 35, 20, 10, 5))).toBe("in_transition");
  });

  it("is AI-exposed at exactly 50 exposure, not just above it", () => {
    expect(aiExposure(mix(50, 0, 50, 0, 0))).toBe(50);
    expect(exposureClass(mix(50, 0, 50, 0, 0))).toBe("exposed");
    expect(aiExposure(mix(0, 100, 0, 0, 0))).toBe(50);
    expect(exposureClass(mix(0, 100, 0, 0, 0))).toBe("exposed");
    // one point less of level 1 → E = 49
    expect(exposureClass(mix(49, 0, 51, 0, 0))).toBe("enhanced");
    // E = 48 + 1.5 = 49.5, ownership + system = 49
    expect(exposureClass(mix(48, 3, 49, 0, 0))).toBe("in_transition");
  });

  it("is AI-enhanced at exactly 50 ownership + system share", () => {
    // E = 30 + 10 = 40, ownership + system = 50
    expect(exposureClass(mix(30, 20, 50, 0, 0))).toBe("enhanced");
    // E = 31 + 10 = 41, ownership + system = 49
    expect(exposureClass(mix(31, 20, 49, 0, 0))).toBe("in_transition");
  });

  it("exposed wins over enhanced when both hold", () => {
    // E = 50, ownership + system = 50
    expect(exposureClass(mix(50, 0, 0, 0, 50))).toBe("exposed");
  });

  it("uses the median of a group, not the mean", () => {
    // Exposures 100, 0, 0: mean 33.3, median 0; ownership+system 0, 100, 100: median 100.
    const group = [allExecution, allStrategic, mix(0, 0, 100, 0, 0)];
    expect(exposureClass(group)).toBe("enhanced");
    // Exposures 60, 60, 0: mean 40 (< 50), median 60 → exposed.
    const exposedGroup = [mix(60, 0, 40, 0, 0), mix(60, 0, 40, 0, 0), allStrategic];
    expect(exposureClass(exposedGroup)).toBe("exposed");
  });

  it("takes the middle pair's mean for an even group, and is exposed at exactly 50", () => {
    // Exposures 40 and 60 → median 50 → exposed.
    expect(exposureClass([mix(40, 0, 60, 0, 0), mix(60, 0, 40, 0, 0)])).toBe("exposed");
    // Exposures 40 and 58 → median 49; ownership+system 60 and 42 → median 51 → enhanced.
    expect(exposureClass([mix(40, 0, 60, 0, 0), mix(58, 0, 42, 0, 0)])).toBe("enhanced");
  });

  it("treats a group of one like the single mix", () => {
    for (const m of [allExecution, allStrategic, mix(30, 35, 20, 10, 5), mix(50, 0, 50, 0, 0)]) {
      expect(exposureClass([m])).toBe(exposureClass(m));
    }
  });

  it("refuses an empty group", () => {
    expect(() => exposureClass([])).toThrow(RangeError);
  });
});

describe("median", () => {
  it("picks the middle value of an odd list and averages the middle pair of an even one", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("upwardShift", () => {
  it("reports the index change and the points moved from levels 1–2 to 3–5", () => {
    const from = mix(30, 30, 20, 15, 5); // L = (30 + 60 + 60 + 60 + 25)/100 = 2.35
    const to = mix(20, 30, 25, 15, 10); // L = (20 + 60 + 75 + 60 + 50)/100 = 2.65
    const shift = upwardShift(from, to);
    expect(shift.indexChange).toBeCloseTo(0.3, 10);
    expect(shift.pointsMovedUp).toBe(10);
  });

  it("is negative when work moves down", () => {
    const shift = upwardShift(allStrategic, allExecution);
    expect(shift.indexChange).toBe(-4);
    expect(shift.pointsMovedUp).toBe(-100);
  });

  it("moves no points when work only moves within levels 3–5", () => {
    const shift = upwardShift(mix(10, 10, 80, 0, 0), mix(10, 10, 0, 0, 80));
    expect(shift.indexChange).toBeCloseTo(1.6, 10);
    expect(shift.pointsMovedUp).toBe(0);
  });
});

describe("calibrationGap", () => {
  it("is self minus manager", () => {
    expect(calibrationGap(allStrategic, allExecution)).toBe(4);
    expect(calibrationGap(allExecution, allStrategic)).toBe(-4);
    expect(calibrationGap(example, mix(10, 20, 30, 30, 10))).toBeCloseTo(0.05, 10);
  });
});

describe("meanMix and groupFigures", () => {
  it("returns null for an empty group", () => {
    expect(meanMix([])).toBeNull();
  });

  it("averages each share and keeps the head-count", () => {
    const mean = meanMix([allExecution, allStrategic, mix(0, 0, 100, 0, 0)]);
    expect(mean).not.toBeNull();
    expect(mean!.count).toBe(3);
    expect(mean!.s1).toBeCloseTo(100 / 3, 10);
    expect(mean!.s2).toBe(0);
    expect(mean!.s3).toBeCloseTo(100 / 3, 10);
    expect(mean!.s4).toBe(0);
    expect(mean!.s5).toBeCloseTo(100 / 3, 10);
  });

  it("derives a group's figures from its mean mix", () => {
    const mean = meanMix([mix(40, 20, 20, 10, 10), mix(20, 20, 20, 20, 20)])!;
    const figures = groupFigures(mean);
    expect(figures.count).toBe(2);
    expect(figures.mix).toEqual({ s1: 30, s2: 20, s3: 20, s4: 15, s5: 15 });
    expect(figures.mix).not.toHaveProperty("count");
    // L = (30 + 40 + 60 + 60 + 75) / 100
    expect(figures.leverageIndex).toBeCloseTo(2.65, 10);
    expect(figures.aiExposure).toBe(40);
    expect(figures.executionShare).toBe(50);
    expect(figures.ownershipShare).toBe(20);
    expect(figures.systemShare).toBe(30);
  });
});

describe("effectiveAssessment", () => {
  type A = { id: string; status: string; mix: LevelMix | null };
  const a = (id: string, status: string, m: LevelMix | null = example): A => ({ id, status, mix: m });

  it("prefers the finalized manager assessment over the self-assessment", () => {
    expect(effectiveAssessment(a("self", "submitted"), a("mgr", "submitted"))?.id).toBe("self");
    expect(effectiveAssessment(a("self", "finalized"), a("mgr", "finalized"))?.id).toBe("mgr");
    expect(effectiveAssessment(null, a("mgr", "finalized"))?.id).toBe("mgr");
  });

  it("never counts drafts", () => {
    expect(effectiveAssessment(a("self", "draft"), a("mgr", "draft"))).toBeNull();
    expect(effectiveAssessment(a("self", "submitted"), a("mgr", "draft"))?.id).toBe("self");
    expect(effectiveAssessment(a("self", "draft"), null)).toBeNull();
  });

  it("does not count a returned assessment or one without a mix", () => {
    expect(effectiveAssessment(a("self", "returned"), null)).toBeNull();
    expect(effectiveAssessment(a("self", "submitted"), a("mgr", "finalized", null))?.id).toBe("self");
    expect(effectiveAssessment(a("self", "submitted", null), null)).toBeNull();
  });

  it("falls back to the submitted self-assessment", () => {
    expect(effectiveAssessment(a("self", "submitted"), null)?.id).toBe("self");
    expect(effectiveAssessment(null, null)).toBeNull();
  });
});

describe("mixTotal and isCompleteMix", () => {
  it("sums the five shares", () => {
    expect(mixTotal(example)).toBe(100);
    expect(mixTotal(mix(1, 2, 3, 4, 5))).toBe(15);
  });

  it("accepts whole percents summing to exactly 100", () => {
    expect(isCompleteMix(example)).toBe(true);
    expect(isCompleteMix(allExecution)).toBe(true);
  });

  it("refuses other totals, fractions, negatives and shares over 100", () => {
    expect(isCompleteMix(mix(10, 20, 30, 25, 14))).toBe(false);
    expect(isCompleteMix(mix(10, 20, 30, 25, 16))).toBe(false);
    expect(isCompleteMix(mix(10.5, 19.5, 30, 25, 15))).toBe(false);
    expect(isCompleteMix(mix(-10, 30, 30, 25, 25))).toBe(false);
    expect(isCompleteMix(mix(101, -1, 0, 0, 0))).toBe(false);
    expect(isCompleteMix(mix(Number.NaN, 0, 0, 0, 100))).toBe(false);
  });
});

describe("format", () => {
  it("shows the index with two decimals", () => {
    expect(formatIndex(2.84)).toBe("2.84");
    expect(formatIndex(3)).toBe("3.00");
    expect(formatIndex(2.8449)).toBe("2.84");
    expect(formatIndex(1.005 + 0.001)).toBe("1.01");
  });

  it("shows shares as whole percents", () => {
    expect(formatPercent(37)).toBe("37%");
    expect(formatPercent(37.4)).toBe("37%");
    expect(formatPercent(37.5)).toBe("38%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(100)).toBe("100%");
  });

  it("signs index changes with + and a real minus sign", () => {
    expect(formatIndexChange(0.31)).toBe("+0.31");
    expect(formatIndexChange(-0.12)).toBe(`${MINUS}0.12`);
    expect(formatIndexChange(-0.12)).not.toContain("-");
    expect(formatIndexChange(-1.5)).toBe(`${MINUS}1.50`);
    expect(formatIndexChange(0.3 - 0.1 - 0.2)).toBe("0.00");
  });

  it("leaves a change that rounds to zero unsigned", () => {
    expect(formatIndexChange(0)).toBe("0.00");
    expect(formatIndexChange(-0.004)).toBe("0.00");
    expect(formatIndexChange(0.004)).toBe("0.00");
    expect(formatPointsChange(0)).toBe("0 pts");
    expect(formatPointsChange(-0.4)).toBe("0 pts");
    expect(formatPointsChange(0.4)).toBe("0 pts");
  });

  it("signs share changes in points", () => {
    expect(formatPointsChange(6)).toBe("+6 pts");
    expect(formatPointsChange(1.2)).toBe("+1 pt");
    expect(formatPointsChange(-0.6)).toBe(`${MINUS}1 pt`);
    expect(formatPointsChange(-6)).toBe(`${MINUS}6 pts`);
    expect(formatPointsChange(-6)).not.toContain("-");
    expect(formatPointsChange(5.6)).toBe("+6 pts");
    expect(formatPointsChange(-12.2)).toBe(`${MINUS}12 pts`);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Five whole numbers ≥ 0 summing to 100: four cut points in 0..100, sorted. */
const completeMix: fc.Arbitrary<LevelMix> = fc
  .array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 })
  .map((cuts) => {
    const [a, b, c, d] = [...cuts].sort((x, y) => x - y) as [number, number, number, number];
    return mix(a, b - a, c - b, d - c, 100 - d);
  });

describe("properties", () => {
  it("the generator makes complete mixes", () => {
    fc.assert(fc.property(completeMix, (m) => isCompleteMix(m) && mixTotal(m) === 100));
  });

  it("the index is always within [1, 5]", () => {
    fc.assert(
      fc.property(completeMix, (m) => {
        const l = leverageIndex(m);
        expect(l).toBeGreaterThanOrEqual(1);
        expect(l).toBeLessThanOrEqual(5);
      }),
    );
  });

  it("exposure is always within [0, 100]", () => {
    fc.assert(
      fc.property(completeMix, (m) => {
        const e = aiExposure(m);
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("execution + ownership + system = 100", () => {
    fc.assert(
      fc.property(completeMix, (m) => {
        expect(executionShare(m) + ownershipShare(m) + systemShare(m)).toBe(100);
      }),
    );
  });

  it("moving k > 0 points from level 1 to level 5 raises the index by 4k/100 and lowers exposure", () => {
    fc.assert(
      fc.property(
        completeMix.filter((m) => m.s1 > 0),
        fc.integer({ min: 1, max: 100 }),
        (m, kSeed) => {
          const k = 1 + ((kSeed - 1) % m.s1);
          const moved = { ...m, s1: m.s1 - k, s5: m.s5 + k };
          expect(isCompleteMix(moved)).toBe(true);
          expect(leverageIndex(moved)).toBeGreaterThan(leverageIndex(m));
          expect(leverageIndex(moved) - leverageIndex(m)).toBeCloseTo((4 * k) / 100, 9);
          expect(aiExposure(moved)).toBeLessThan(aiExposure(m));
          expect(upwardShift(m, moved).pointsMovedUp).toBe(k);
        },
      ),
    );
  });

  it("calibrationGap is antisymmetric", () => {
    fc.assert(
      fc.property(completeMix, completeMix, (a, b) => {
        expect(calibrationGap(a, b)).toBeCloseTo(-calibrationGap(b, a), 12);
      }),
    );
  });

  it("upwardShift from a mix to itself is zero", () => {
    fc.assert(
      fc.property(completeMix, (m) => {
        const shift = upwardShift(m, m);
        expect(shift.indexChange).toBe(0);
        expect(shift.pointsMovedUp).toBe(0);
      }),
    );
  });

  it("the mean of complete mixes sums to 100 and its index is the mean of the indexes", () => {
    fc.assert(
      fc.property(fc.array(completeMix, { minLength: 1, maxLength: 30 }), (mixes) => {
        const mean = meanMix(mixes)!;
        expect(mean.count).toBe(mixes.length);
        expect(Math.abs(mixTotal(mean) - 100)).toBeLessThan(1e-9);
        const meanOfIndexes = mixes.reduce((sum, m) => sum + leverageIndex(m), 0) / mixes.length;
        expect(leverageIndex(mean)).toBeCloseTo(meanOfIndexes, 9);
        expect(groupFigures(mean).leverageIndex).toBeCloseTo(meanOfIndexes, 9);
      }),
    );
  });
});
