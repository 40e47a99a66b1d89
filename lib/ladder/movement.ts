import { formatIndex, formatIndexChange } from "./format";
import { type LevelMix, leverageIndex, ownershipShare, systemShare, upwardShift } from "./formulas";

const pts = (n: number) => `${n} ${n === 1 ? "point" : "points"}`;

/**
 * A plain-language reading of how a level mix moved between two cycles, e.g. "Since 2025 Q3 you
 * moved 18 points of your time from execution into decision ownership; your leverage index went
 * from 2.10 to 2.55 (+0.45)."
 */
export function movementSentence(sinceName: string, from: LevelMix, to: LevelMix): string {
  const { indexChange, pointsMovedUp } = upwardShift(from, to);
  const moved = Math.round(pointsMovedUp);
  const ownershipGain = ownershipShare(to) - ownershipShare(from);
  const systemGain = systemShare(to) - systemShare(from);
  const index = `your leverage index went from ${formatIndex(leverageIndex(from))} to ${formatIndex(leverageIndex(to))} (${formatIndexChange(indexChange)})`;
  if (moved > 0) {
    const into =
      ownershipGain > 0 && systemGain > 0
        ? "decision ownership and system design"
        : ownershipGain >= systemGain
          ? "decision ownership"
          : "workflow design and strategy";
    return `Since ${sinceName} you moved ${pts(moved)} of your time from execution into ${into}; ${index}.`;
  }
  if (moved < 0) {
    return `Since ${sinceName} ${pts(-moved)} of your time moved back into execution (levels 1–2); ${index}.`;
  }
  if (Math.abs(indexChange) < 0.005) {
    return `Since ${sinceName} your level mix has held steady, with a leverage index of ${formatIndex(leverageIndex(to))}.`;
  }
  return `Since ${sinceName} your share of execution work is unchanged, and ${index}.`;
}
