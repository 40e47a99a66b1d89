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

/** What GPT-4's automation level means, in the words of Eloundou et al.'s rubric. */
const AUTOMATION_MEANINGS: Record<AutomationLevel, string> = {
  0: "no automation: the task needs a person throughout",
  1: "a person does most of it; AI helps in small parts",
  2: "a person and AI work on it together",
  3: "AI does most of it with a person checking",
  4: "AI could do it fully, with no person needed",
};

export function automationMeaning(level: AutomationLevel) {
  return AUTOMATION_MEANINGS[level];
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

/** Microsoft Research's second opinion, credited wherever one of its figures appears. */
export const WORKING_WITH_AI_ATTRIBUTION =
  "AI applicability: Tomlinson et al. 2025, Working with AI (CC BY 4.0); O*NET 29.0, U.S. Department of Labor";

/** Which research figure an occupation is read by: Eloundou's beta (either label source) or Tomlinson's applicability. */
export type ResearchSource = "beta-human" | "beta-gpt4" | "applicability";

export const RESEARCH_SOURCES: {
  value: ResearchSource;
  name: string;
  short: string;
  /** For a sentence: "… than {phrase} suggests". */
  phrase: string;
  meaning: string;
}[] = [
  {
    value: "beta-human",
    name: "Task exposure, annotators (Eloundou et al. 2023)",
    short: "Beta (annotators)",
    phrase: "their occupation's published task exposure",
    meaning: "share of the occupation's tasks an LLM could halve the time of (E1 + ½·E2, Core tasks counted twice)",
  },
  {
    value: "beta-gpt4",
    name: "Task exposure, GPT-4 (Eloundou et al. 2023)",
    short: "Beta (GPT-4)",
    phrase: "their occupation's task exposure by GPT-4's labels",
    meaning: "the same beta from GPT-4's task labels",
  },
  {
    value: "applicability",
    name: "AI applicability from real Copilot use (Tomlinson et al. 2025)",
    short: "AI applicability",
    phrase: "their occupation's measured AI use",
    meaning: "how much of the occupation's work people actually use AI for, and how successfully",
  },
];

/** Two ranks further apart than this (a third of all occupations) read as the sources disagreeing. */
export const SOURCE_DISAGREEMENT_RANK = 1 / 3;

/**
 * One sentence comparing where an occupation ranks among all occupations by Eloundou's beta and by
 * Tomlinson's applicability (ranks 0–1). The two measure different things on different scales —
 * what an LLM could speed up versus what people use AI for — so only their ranks are compared.
 */
export function sourcesReading(occupationTitle: string, betaRank: number, applicabilityRank: number) {
  const percentile = (rank: number) => `${Math.round(rank * 100)}%`;
  if (Math.abs(betaRank - applicabilityRank) <= SOURCE_DISAGREEMENT_RANK) {
    return `The two sources roughly agree on ${occupationTitle}: it is more exposed than ${percentile(betaRank)} of occupations by task exposure and more than ${percentile(applicabilityRank)} by actual AI use.`;
  }
  const [more, less] =
    betaRank > applicabilityRank
      ? ["task exposure (Eloundou)", "actual AI use (Working with AI)"]
      : ["actual AI use (Working with AI)", "task exposure (Eloundou)"];
  return `The two sources disagree on ${occupationTitle}: it ranks above ${percentile(Math.max(betaRank, applicabilityRank))} of occupations by ${more} but above only ${percentile(Math.min(betaRank, applicabilityRank))} by ${less}.`;
}

/**
 * Which tasks start ticked when an occupation has more than `max` of them: Core (and untyped) tasks
 * first; when those are more than `max`, the ones whose exposure labels (E0/E1/E2) best keep the mix of
 * the whole occupation, weighted as the research weighs it — each label gets its share of the places
 * (largest remainder), and within a label O*NET's order decides. Returns the ids to tick.
 */
export function representativeTaskIds(
  tasks: readonly { id: number; label: ExposureLabel; taskType: OccupationTaskType }[],
  max: number,
): Set<number> {
  const core = tasks.filter((t) => t.taskType !== "supplemental");
  if (core.length <= max) return new Set(core.map((t) => t.id));
  const weights = [0, 0, 0];
  for (const t of tasks) weights[t.label]! += taskWeight(t.taskType);
  const total = weights[0]! + weights[1]! + weights[2]!;
  const byLabel = [0, 1, 2].map((label) => core.filter((t) => t.label === label));
  const exact = weights.map((w) => (w / total) * max);
  const places = exact.map((e, label) => Math.min(Math.floor(e), byLabel[label]!.length));
  // The places left go to the labels furthest below their share that still have tasks to give.
  for (let left = max - places.reduce((a, b) => a + b, 0); left > 0; left--) {
    const open = [0, 1, 2].filter((label) => places[label]! < byLabel[label]!.length);
    const label = open.sort((a, b) => exact[b]! - places[b]! - (exact[a]! - places[a]!) || a - b)[0]!;
    places[label]! += 1;
  }
  return new Set(byLabel.flatMap((list, label) => list.slice(0, places[label]).map((t) => t.id)));
}
