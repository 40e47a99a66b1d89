import { describe, expect, it } from "vitest";
import type { LevelMix } from "./formulas";
import { movementSentence } from "./movement";

const mix = (s1: number, s2: number, s3: number, s4: number, s5: number): LevelMix => ({ s1, s2, s3, s4, s5 });

describe("movementSentence", () => {
  it("names the points moved from execution into decision ownership", () => {
    expect(movementSentence("2025 Q3", mix(40, 30, 20, 10, 0), mix(30, 22, 38, 10, 0))).toBe(
      "Since 2025 Q3 you moved 18 points of your time from execution into decision ownership; your leverage index went from 2.00 to 2.28 (+0.28).",
    );
  });

  it("says when both decision ownership and system design grew", () => {
    expect(movementSentence("2025 Q1", mix(40, 35, 20, 5, 0), mix(4, 15, 40, 29, 12))).toMatch(
      /^Since 2025 Q1 you moved 56 points of your time from execution into decision ownership and system design; your leverage index went from 1\.90 to 3\.30 \(\+1\.40\)\.$/,
    );
    expect(movementSentence("2025 Q1", mix(40, 30, 20, 10, 0), mix(40, 29, 20, 10, 1))).toContain(
      "1 point of your time from execution into workflow design and strategy",
    );
  });

  it("reads a move back down, and a steady mix", () => {
    expect(movementSentence("2025 Q2", mix(10, 20, 40, 20, 10), mix(20, 30, 30, 15, 5))).toBe(
      "Since 2025 Q2 20 points of your time moved back into execution (levels 1–2); your leverage index went from 3.00 to 2.55 (\u22120.45).",
    );
    expect(movementSentence("2025 Q2", mix(10, 20, 40, 20, 10), mix(10, 20, 40, 20, 10))).toBe(
      "Since 2025 Q2 your level mix has held steady, with a leverage index of 3.00.",
    );
    expect(movementSentence("2025 Q2", mix(10, 20, 40, 20, 10), mix(10, 20, 20, 40, 10))).toBe(
      "Since 2025 Q2 your share of execution work is unchanged, and your leverage index went from 3.00 to 3.20 (+0.20).",
    );
  });
});
