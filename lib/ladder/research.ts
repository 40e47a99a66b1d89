/**
 * The ladder next to published AI-exposure research: Eloundou, Manning, Mishkin & Rock (2023),
 * "GPTs are GPTs", task labels on O*NET 27.2 task statements.
 */

import type { LevelMix } from "./formulas";
import type { LadderLevel } from "./levels";

/** E0 = no exposure; E1 = an LLM alone halves the task's time; E2 = that needs software built on an LLM. */
export type ExposureLabel = 0 | 1 | 2;
/** GPT-4's T0–T4: how fully the task could be automated. */
export type AutomationLevel = 0 | 1 | 2 | 3 | 4;
/** Whose exposure label: the paper's human annotators (the default) or GPT-4. */
export type LabelSource = "human" | "gpt4";

export const RESEARCH_ATTRIBUTION = "O*NET 27.2, U.S. Department of Labor; exposure labels: Eloundou et al. 2023";

export function exposureLabelName(label: ExposureLabel) {
  return `E${label}`;
}

export function automationLabelName(level: AutomationLevel) {
  return `T${level}`;
}

/** O*NET's task type: "core", "supplemental", or null where O*NET gives none. */
export type OccupationTaskType = "core" | "supplemental" | null;

/** How much a task counts in its occupation's figures: Core 2, Supplemental (and untyped) 1 — as in occ_level.csv. */
export function taskWeight(taskType: OccupationTaskType) {
  return taskType === "core" ? 2 : 1;
}

/**
 * An occupation's beta, 0–1: the weighted share of its E1 tasks plus half the weighted share of its
 * E2 tasks (E1 + 0.5·E2), Core tasks weighing 2 and the others 1. This is how the published
 * occ_level.csv figures are computed; the same shape as the ladder's E = s1 + 0.5·s2. NaN for no tasks.
 */
export function occupationBeta(tasks: readonly { label: ExposureLabel; taskType: OccupationTaskType }[]) {
  let weights = 0;
  let sum = 0;
  for (const { label, taskType } of tasks) {
    const weight = taskWeight(taskType);
    weights += weight;
    sum += weight * (label === 1 ? 1 : label === 2 ? 0.5 : 0);
  }
  return weights === 0 ? Number.NaN : sum / weights;
}

/**
 * A proposed target mix from a role's task levels: each level's share of the tasks, in whole
 * percents summing to exactly 100 (largest remainder); null for no tasks.
 */
export function mixFromTaskLevels(levels: readonly LadderLevel[]): LevelMix | null {
  if (levels.length === 0) return null;
  const counts = [0, 0, 0, 0, 0];
  for (const level of levels) counts[level - 1]! += 1;
  const exact = counts.map((c) => (c * 100) / levels.length);
  const shares = exact.map(Math.floor);
  const order = exact
    .map((v, i) => ({ i, remainder: v - Math.floor(v) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let missing = 100 - shares.reduce((a, b) => a + b, 0);
  for (let k = 0; missing > 0; k++, missing--) shares[order[k]!.i]! += 1;
  const [s1, s2, s3, s4, s5] = shares as [number, number, number, number, number];
  return { s1, s2, s3, s4, s5 };
}

/** Within this many points, the ladder's exposure and the research's read as "about the same". */
export const RESEARCH_TOLERANCE_POINTS = 5;

export type ResearchComparison = "above" | "below" | "similar";

/** The ladder's exposure E (percent) against an occupation's published beta (as a percent). */
export function compareWithResearch(ladderExposure: number, betaPercent: number): ResearchComparison {
  const difference = ladderExposure - betaPercent;
  if (difference > RESEARCH_TOLERANCE_POINTS) return "above";
  if (difference < -RESEARCH_TOLERANCE_POINTS) return "below";
  return "similar";
}

/** One plain sentence: "People in the Financial Analyst role spend more time in exposed work than …". */
export function researchReading(roleTitle: string, comparison: ResearchComparison, basis: "people" | "target") {
  const subject =
    basis === "people" ? `People in the ${roleTitle} role spend` : `The ${roleTitle} role's target mix puts`;
  const amount = {
    above: "more time in exposed work than",
    below: "less time in exposed work than",
    similar: "about as much time in exposed work as",
  }[comparison];
  return `${subject} ${amount} the occupation's average task profile suggests.`;
}
