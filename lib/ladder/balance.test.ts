import { describe, expect, it } from "vitest";
import { balanceMix, typedTotal } from "./balance";

describe("typedTotal", () => {
  it("counts blanks as 0", () => {
    expect(typedTotal({ s1: 30, s2: null, s3: 20, s4: null, s5: 5 })).toBe(55);
  });
});

describe("balanceMix", () => {
  it("puts the remainder into the largest share and fills blanks with 0", () => {
    expect(balanceMix({ s1: 10, s2: 20, s3: 40, s4: 20, s5: null })).toEqual({ s1: 10, s2: 20, s3: 50, s4: 20, s5: 0 });
  });

  it("takes an excess from the largest shares first, never below 0", () => {
    expect(balanceMix({ s1: 30, s2: 30, s3: 30, s4: 10, s5: 10 })).toEqual({ s1: 20, s2: 30, s3: 30, s4: 10, s5: 10 });
    expect(balanceMix({ s1: 100, s2: 100, s3: 5, s4: 0, s5: 0 })).toEqual({ s1: 0, s2: 95, s3: 5, s4: 0, s5: 0 });
  });

  it("rounds to whole percents and clamps to 0–100", () => {
    const balanced = balanceMix({ s1: 12.4, s2: -5, s3: 150, s4: null, s5: 0 });
    expect(Object.values(balanced).every((v) => Number.isInteger(v) && v! >= 0 && v! <= 100)).toBe(true);
    expect(typedTotal(balanced)).toBe(100);
  });

  it("leaves a complete mix as it is", () => {
    const mix = { s1: 10, s2: 20, s3: 30, s4: 25, s5: 15 };
    expect(balanceMix(mix)).toEqual(mix);
  });
});
