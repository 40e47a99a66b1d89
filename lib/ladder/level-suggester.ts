/**
 * The one rule that suggests a task's ladder level, shared by the self-assessment (a person's own
 * words) and by roles built from an O*NET occupation (a task statement with its research labels).
 *
 * What the work is decides the level, in the source text's words: deciding, advising, recommending,
 * evaluating → 3 Decision Ownership; designing processes, coordinating, implementing across
 * workflows → 4 Workflow or System Design; directing the organisation, allocating resources, setting
 * priorities, long-term plans → 5 Strategic Influence. Everything else is execution, and only then
 * does AI decide between 1 Task Execution (automatable, or untouched by AI) and 2 AI-Assisted
 * Execution (AI speeds the person up).
 */

import type { LadderLevel } from "./levels";
import type { AutomationLevel, ExposureLabel } from "./research";

type Entry = { level: LadderLevel; label: string; all: RegExp[] };

const word = (stem: string) => new RegExp(`\\b${stem}`, "i");
const exact = (words: string) => new RegExp(`\\b(${words})\\b`, "i");
const AI = /\bai\b|\bai-/i;
const DIRECT = exact("direct|directs|directed|directing");

/** Decision, design and strategy: the work itself puts a task at level 3, 4 or 5. Highest match wins. */
const WORK_VOCABULARY: Entry[] = [
  { level: 3, label: "decide", all: [exact("decide|decides|deciding|decision|decisions")] },
  { level: 3, label: "determine", all: [word("determin")] },
  { level: 3, label: "advise", all: [word("advis")] },
  { level: 3, label: "counsel", all: [word("counsel")] },
  { level: 3, label: "recommend", all: [word("recommend")] },
  { level: 3, label: "evaluate", all: [word("evaluat")] },
  { level: 3, label: "assess", all: [word("assess")] },
  { level: 3, label: "prioritize", all: [word("prioriti[sz]")] },
  { level: 3, label: "negotiate", all: [word("negotiat")] },
  { level: 3, label: "approve", all: [word("approv")] },
  { level: 3, label: "represent", all: [exact("represent|represents|represented|representing")] },
  {
    level: 4,
    label: "design process",
    all: [
      word("(design|develop|formulat|standardi[sz]|redesign)"),
      exact("process|processes|procedure|procedures|workflow|workflows|method|methods"),
    ],
  },
  // Verb forms only: "established standards" and "can be coordinated" describe, they do not do.
  { level: 4, label: "establish procedures", all: [exact("establish|establishes|establishing")] },
  { level: 4, label: "coordinate", all: [exact("coordinate|coordinates|coordinating|coordination")] },
  { level: 4, label: "liaise", all: [word("liais")] },
  { level: 4, label: "supervise", all: [word("supervis")] },
  { level: 4, label: "direct work", all: [DIRECT] },
  {
    level: 4,
    label: "implement … across",
    all: [
      word("implement"),
      exact(
        "across|process|processes|method|methods|program|programs|programme|programmes|policy|policies|workflow|workflows",
      ),
    ],
  },
  { level: 4, label: "formulate programs", all: [word("formulat"), exact("program|programs|policy|policies")] },
  { level: 5, label: "direct the organization", all: [DIRECT, word("organi[sz]ation")] },
  {
    level: 5,
    label: "allocate resources",
    all: [word("allocat"), exact("resources|capital|budget|budgets|funds|funding|staff|personnel|headcount")],
  },
  {
    level: 5,
    label: "set priorities",
    all: [exact("set|sets|setting|shape|shapes|shaping|establish|establishes"), exact("priority|priorities|goals")],
  },
  { level: 5, label: "long-term", all: [/\blong[- ](term|range)\b/i] },
];

/** For a person's own words without research labels: what marks execution as routine or as AI-assisted. */
const EXECUTION_WORDS: Entry[] = [
  { level: 1, label: "format", all: [word("format")] },
  { level: 1, label: "compile", all: [word("compil")] },
  { level: 1, label: "organize", all: [word("organi[sz](e|ing)")] },
  { level: 2, label: "summarize", all: [word("summari[sz]")] },
  { level: 2, label: "draft with AI", all: [word("draft"), AI] },
  { level: 2, label: "format with AI", all: [word("format"), AI] },
  { level: 2, label: "compile with AI", all: [word("compil"), AI] },
];

export type LevelSuggestion = { level: LadderLevel; matched: string[] };

function highest(entries: Entry[], text: string): LevelSuggestion | null {
  const hits = entries.filter((entry) => entry.all.every((re) => re.test(text)));
  if (hits.length === 0) return null;
  const level = Math.max(...hits.map((h) => h.level)) as LadderLevel;
  return { level, matched: hits.filter((h) => h.level === level).map((h) => h.label) };
}

/** Level 3, 4 or 5 when the words say the task decides, designs or steers; null for execution. */
function workLevel(text: string): LevelSuggestion | null {
  return highest(WORK_VOCABULARY, text);
}

/** The level a person's own description of a task suggests, and which words matched; null when none does. */
export function suggestLevel(text: string): LevelSuggestion | null {
  return workLevel(text) ?? highest(EXECUTION_WORDS, text);
}

/** Exposed to LLMs (E1 or E2) and not largely automatable (T0–T2): AI speeds the person up. */
function isAiAcceleratedExecution(exposure: ExposureLabel, automation: AutomationLevel) {
  return exposure !== 0 && automation <= 2;
}

/**
 * The level an O*NET task starts at when a role is built from its occupation (the manager confirms
 * or changes it): the work vocabulary first; execution is 2 when AI accelerates it (E1/E2 and T0–T2),
 * else 1 (automatable at T3–T4, or not exposed to LLMs at all).
 */
export function suggestedLevel(task: {
  statement: string;
  exposure: ExposureLabel;
  automation: AutomationLevel;
}): LevelSuggestion {
  const work = workLevel(task.statement);
  if (work) return work;
  return isAiAcceleratedExecution(task.exposure, task.automation)
    ? { level: 2, matched: ["execution AI speeds up"] }
    : { level: 1, matched: [task.exposure === 0 ? "execution not exposed to AI" : "automatable execution"] };
}

/** The rule in plain words, shown wherever a level is suggested. */
export const LEVEL_RULE_TEXT =
  "What the work is decides the level: decide, advise, recommend, evaluate → 3; design processes, coordinate, supervise, implement across workflows → 4; direct the organisation, allocate resources, set priorities, long-term plans → 5. Anything else is execution: 2 when AI speeds it up, 1 when it is routine or automatable. You can always choose another level.";

/** The self-assessment's version: a person's words carry no research labels, so AI shows in the words. */
export const SUGGESTION_RULE_TEXT = `${LEVEL_RULE_TEXT.replace(" You can always choose another level.", "")} In your own words: format, compile, organize → 1; summarize, or draft with AI → 2. You can always choose another level.`;
