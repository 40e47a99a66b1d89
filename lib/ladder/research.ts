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

/**
 * An occupation's beta, 0–1: the share of its E1 tasks plus half the share of its E2 tasks
 * (E1 + 0.5·E2) — the same shape as the ladder's E = s1 + 0.5·s2. NaN for no tasks.
 */
export function occupationBeta(labels: readonly ExposureLabel[]) {
  if (labels.length === 0) return Number.NaN;
  let sum = 0;
  for (const label of labels) sum += label === 1 ? 1 : label === 2 ? 0.5 : 0;
  return sum / labels.length;
}

// Opening verbs of O*NET task statements ("Direct or coordinate …", "Advise clients on …").
const STRATEGIC_VERB = /^(direct|allocate|authorize|approve|appoint|set|establish|formulate|determine)\b/;
const STRATEGIC_OBJECT =
  /\b(polic(y|ies)|priorit(y|ies)|goals?|objectives?|strateg(y|ies|ic)|budgets?|resources|funds|organization'?s?|operations|activities|businesses|programs?|departments?|mission)\b/;
const SYSTEM_VERB =
  /^(design|develop|coordinate|plan|organize|implement|supervise|manage|oversee|train|establish|structure|standardize|integrate|schedule|delegate)\b/;

/** The verbs a statement opens with: "Direct or coordinate an …" → ["direct", "coordinate"]. */
export function openingVerbs(statement: string) {
  const words = statement
    .toLowerCase()
    .replace(/[^a-z' ]+/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const verbs = words.slice(0, 1);
  for (let i = 1; i + 1 < words.length && (words[i] === "or" || words[i] === "and"); i += 2) verbs.push(words[i + 1]!);
  return verbs;
}

/**
 * The ladder level a task starts at when a role is built from an occupation; the manager confirms
 * or changes it. The rule, from the task's exposure label (the chosen source) and GPT-4's automation:
 *  1. E1 with automation T3 or T4 → level 1, Task Execution: the most automatable work.
 *  2. any other E1 or E2 → level 2, AI-Assisted Execution: the work stays, AI accelerates it.
 *  3. E0, by what the statement opens with:
 *     direct / allocate / authorize / set or establish policy, priorities, budgets… → level 5;
 *     design / develop / coordinate / plan / organize / implement / supervise / manage / train → level 4;
 *     advise / recommend / decide / evaluate / assess / review / negotiate / interpret… → level 3;
 *     anything else not exposed to LLMs → level 3 (the work stays with a person who owns it).
 */
export function suggestedLevel(task: {
  exposure: ExposureLabel;
  automation: AutomationLevel;
  statement: string;
}): LadderLevel {
  if (task.exposure === 1 && task.automation >= 3) return 1;
  if (task.exposure !== 0) return 2;
  const verbs = openingVerbs(task.statement);
  const text = task.statement.toLowerCase();
  if (verbs.some((v) => STRATEGIC_VERB.test(v)) && STRATEGIC_OBJECT.test(text)) return 5;
  if (verbs.some((v) => SYSTEM_VERB.test(v))) return 4;
  return 3;
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
const RESEARCH_TOLERANCE_POINTS = 5;

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
