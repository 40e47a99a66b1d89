import type { LadderLevel } from "./levels";

/**
 * A transparent keyword rule, taken from the source text's examples of each level. Each rule lists
 * word stems that must all appear in the task text (in any order); the highest level matched wins,
 * because a task that includes deciding or designing is more than its execution part.
 */
type Rule = { level: LadderLevel; label: string; all: RegExp[] };

const word = (stem: string) => new RegExp(`\\b${stem}`, "i");
const AI = /\bai\b|\bai-/i;

const RULES: Rule[] = [
  { level: 1, label: "format", all: [word("format")] },
  { level: 1, label: "compile", all: [word("compil")] },
  { level: 1, label: "organize", all: [word("organi[sz]")] },
  { level: 2, label: "summarize", all: [word("summari[sz]")] },
  { level: 2, label: "draft with AI", all: [word("draft"), AI] },
  { level: 2, label: "format with AI", all: [word("format"), AI] },
  { level: 2, label: "compile with AI", all: [word("compil"), AI] },
  { level: 3, label: "recommend", all: [word("recommend")] },
  { level: 3, label: "prioritize", all: [word("prioriti[sz]")] },
  { level: 3, label: "evaluate", all: [word("evaluat")] },
  { level: 3, label: "advise", all: [word("advis")] },
  { level: 4, label: "design process", all: [word("design"), word("process")] },
  { level: 4, label: "coordinate", all: [word("coordinat")] },
  { level: 4, label: "implement … across", all: [word("implement"), word("across")] },
  { level: 5, label: "allocate", all: [word("allocat")] },
  { level: 5, label: "set priorities", all: [/\bset(ting|s)?\b/i, word("priorities")] },
  { level: 5, label: "long-term", all: [/\blong[- ]term\b/i] },
];

export type LevelSuggestion = { level: LadderLevel; matched: string[] };

/** The level the task's words suggest, and which keywords matched; null when none does. */
export function suggestLevel(text: string): LevelSuggestion | null {
  const hits = RULES.filter((rule) => rule.all.every((re) => re.test(text)));
  if (hits.length === 0) return null;
  const level = Math.max(...hits.map((h) => h.level)) as LadderLevel;
  return { level, matched: hits.filter((h) => h.level === level).map((h) => h.label) };
}

/** The rule in words, for the form's help text. */
export const SUGGESTION_RULE_TEXT =
  "Suggestions come from keywords in the ladder's examples: format, compile, organize → 1; summarize, draft with AI → 2; recommend, prioritize, evaluate, advise → 3; design process, coordinate, implement … across → 4; allocate, set priorities, long-term → 5. The highest match wins; you can always choose another level.";
