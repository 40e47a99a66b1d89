import { calibrationGap, type LevelMix, leverageIndex, SHARE_KEYS } from "./formulas";

/** A manager's mix that moves any level by more than this many points needs a written reason. */
export const CALIBRATION_THRESHOLD_POINTS = 10;

/** A calibration gap beyond this many levels makes a row on the review board stand out. */
const ATTENTION_GAP_LEVELS = 0.5;

/** The largest difference between two mixes at any one level, in points. */
export function largestShareDifference(a: LevelMix, b: LevelMix) {
  return Math.max(...SHARE_KEYS.map((k) => Math.abs(a[k] - b[k])));
}

/** True when the manager's mix departs from the employee's enough to need a calibration reason. */
export function needsCalibration(self: LevelMix, manager: LevelMix) {
  return largestShareDifference(self, manager) > CALIBRATION_THRESHOLD_POINTS;
}

/** The level holding the largest share; a tie goes to the lower level. The SQL twin is in db/queries/team-trends.ts. */
export function dominantLevel(mix: LevelMix): 1 | 2 | 3 | 4 | 5 {
  let best = 0;
  for (let i = 1; i < SHARE_KEYS.length; i++) if (mix[SHARE_KEYS[i]!] > mix[SHARE_KEYS[best]!]) best = i;
  return (best + 1) as 1 | 2 | 3 | 4 | 5;
}

export type AttentionReason = "no_self_assessment" | "returned" | "calibration_gap" | "dropped";

/** Why a person's row on the review board needs the manager's attention, if it does. */
export function attentionReasons(row: {
  selfStatus: string | null;
  selfMix: LevelMix | null;
  managerMix: LevelMix | null;
  previousMix: LevelMix | null;
}) {
  const reasons: AttentionReason[] = [];
  if (row.selfStatus === null || row.selfStatus === "draft") reasons.push("no_self_assessment");
  // A returned assessment was submitted once: its figures still show, so it is not "missing".
  if (row.selfStatus === "returned") reasons.push("returned");
  if (row.selfMix && row.managerMix && Math.abs(calibrationGap(row.selfMix, row.managerMix)) > ATTENTION_GAP_LEVELS)
    reasons.push("calibration_gap");
  const now = row.managerMix ?? row.selfMix;
  if (now && row.previousMix && Math.round((leverageIndex(now) - leverageIndex(row.previousMix)) * 100) < 0)
    reasons.push("dropped");
  return reasons;
}
