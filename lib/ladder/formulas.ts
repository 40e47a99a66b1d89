import type { ExposureClass } from "./levels";

/** Share of working time at each level, in percent. A complete mix sums to 100. */
export type LevelMix = { s1: number; s2: number; s3: number; s4: number; s5: number };

export const SHARE_KEYS = ["s1", "s2", "s3", "s4", "s5"] as const;

export function mixTotal(mix: LevelMix) {
  return mix.s1 + mix.s2 + mix.s3 + mix.s4 + mix.s5;
}

/** Whole percents, each 0–100, summing to exactly 100. */
export function isCompleteMix(mix: LevelMix) {
  return SHARE_KEYS.every((k) => Number.isInteger(mix[k]) && mix[k] >= 0 && mix[k] <= 100) && mixTotal(mix) === 100;
}

/** L = (1·s1 + 2·s2 + 3·s3 + 4·s4 + 5·s5) / 100, from 1.00 to 5.00. */
export function leverageIndex(mix: LevelMix) {
  return (1 * mix.s1 + 2 * mix.s2 + 3 * mix.s3 + 4 * mix.s4 + 5 * mix.s5) / 100;
}

export function executionShare(mix: LevelMix) {
  return mix.s1 + mix.s2;
}

export function ownershipShare(mix: LevelMix) {
  return mix.s3;
}

export function systemShare(mix: LevelMix) {
  return mix.s4 + mix.s5;
}

/** E = s1 + 0.5·s2, in percent: level-1 work is the most automatable, level-2 work partly. */
export function aiExposure(mix: LevelMix) {
  return mix.s1 + 0.5 * mix.s2;
}

export function median(values: readonly number[]) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * AI-exposed when the median exposure is ≥ 50; otherwise AI-enhanced when the median of
 * ownership + system share is ≥ 50; otherwise in transition. One mix is a group of one.
 */
export function exposureClass(mixes: LevelMix | readonly LevelMix[]): ExposureClass {
  const group = Array.isArray(mixes) ? (mixes as readonly LevelMix[]) : [mixes as LevelMix];
  if (group.length === 0) throw new RangeError("exposureClass needs at least one level mix");
  if (median(group.map(aiExposure)) >= 50) return "exposed";
  if (median(group.map((m) => ownershipShare(m) + systemShare(m))) >= 50) return "enhanced";
  return "in_transition";
}

/** The change in L between two cycles, and the points of share moved from levels 1–2 to 3–5. */
export function upwardShift(from: LevelMix, to: LevelMix) {
  return {
    indexChange: leverageIndex(to) - leverageIndex(from),
    pointsMovedUp: ownershipShare(to) + systemShare(to) - (ownershipShare(from) + systemShare(from)),
  };
}

/** L(self) − L(manager): positive when the employee places their work higher than the manager does. */
export function calibrationGap(self: LevelMix, manager: LevelMix) {
  return leverageIndex(self) - leverageIndex(manager);
}

/** The mean level mix of a group (team or org) with its head-count; null for an empty group. */
export function meanMix(mixes: readonly LevelMix[]): (LevelMix & { count: number }) | null {
  if (mixes.length === 0) return null;
  const sum = { s1: 0, s2: 0, s3: 0, s4: 0, s5: 0 };
  for (const m of mixes) for (const k of SHARE_KEYS) sum[k] += m[k];
  const n = mixes.length;
  return { s1: sum.s1 / n, s2: sum.s2 / n, s3: sum.s3 / n, s4: sum.s4 / n, s5: sum.s5 / n, count: n };
}

/** A group's figures from its mean mix. L and E are linear, so they equal the means of the members'. */
export function groupFigures(mean: LevelMix & { count: number }) {
  return {
    count: mean.count,
    mix: { s1: mean.s1, s2: mean.s2, s3: mean.s3, s4: mean.s4, s5: mean.s5 },
    leverageIndex: leverageIndex(mean),
    aiExposure: aiExposure(mean),
    executionShare: executionShare(mean),
    ownershipShare: ownershipShare(mean),
    systemShare: systemShare(mean),
  };
}

type Counted = { status: string; mix: LevelMix | null };

/**
 * The assessment that counts for a person in a cycle: the manager's once finalized, else the
 * submitted (or finalized) self-assessment; drafts and reviews in progress never count.
 */
export function effectiveAssessment<T extends Counted>(self: T | null, manager: T | null): T | null {
  if (manager?.mix && manager.status === "finalized") return manager;
  if (self?.mix && (self.status === "submitted" || self.status === "finalized")) return self;
  return null;
}
