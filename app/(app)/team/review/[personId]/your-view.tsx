"use client";

import { useSavedAssessment } from "@/components/assessment-form/saved-assessment";
import { calibrationGap, formatIndexChange, type LevelMix } from "@/lib/ladder";
import { MixRow } from "./mix-row";

/** The manager's mix as the page loaded it, then as the last completed save left it (a draft keeps the stored review's). */
function useManagerMix(loaded: LevelMix | null) {
  const saved = useSavedAssessment();
  return saved && saved.intent !== "draft" ? (saved.values.mix as LevelMix) : loaded;
}

export function YourViewRow({ loaded }: { loaded: LevelMix | null }) {
  const managerMix = useManagerMix(loaded);
  return managerMix && <MixRow label="Your view" mix={managerMix} />;
}

export function CalibrationGap({ selfMix, loaded }: { selfMix: LevelMix | null; loaded: LevelMix | null }) {
  const managerMix = useManagerMix(loaded);
  if (!selfMix || !managerMix) return null;
  return (
    <p className="mt-3 text-sm">
      Calibration gap <strong className="tabular-nums">{formatIndexChange(calibrationGap(selfMix, managerMix))}</strong>{" "}
      <span className="text-muted">(their index minus yours)</span>
    </p>
  );
}
