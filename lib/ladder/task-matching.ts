/**
 * When two task descriptions are "the same kind of task": they share at least two key words.
 * Key words are words of four letters or more, lower-cased, without common filler words, with a
 * plural or -ing ending trimmed so "reports" matches "report" and "formatting" matches "format".
 */
const FILLER = new Set([
  "with",
  "from",
  "into",
  "onto",
  "that",
  "this",
  "then",
  "them",
  "they",
  "their",
  "your",
  "yours",
  "have",
  "each",
  "every",
  "when",
  "what",
  "which",
  "about",
  "after",
  "before",
  "other",
  "others",
  "across",
  "using",
  "first",
  "team",
  "teams",
  "weekly",
  "monthly",
  "daily",
  "quarterly",
  "assistant",
  "helper",
]);

export const MIN_SHARED_KEYWORDS = 2;

function stem(word: string) {
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ies") && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith("es") && word.length > 5 && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && word.length > 4) return word.slice(0, -1);
  return word;
}

export function taskKeywords(text: string): Set<string> {
  const words =
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .match(/[a-z]+/g) ?? [];
  return new Set(
    words
      .filter((w) => w.length >= 4 && !FILLER.has(w))
      .map(stem)
      .filter((w) => !FILLER.has(w)),
  );
}

/** The key words two tasks share, in the first task's order. */
export function sharedKeywords(a: string, b: string): string[] {
  const other = taskKeywords(b);
  return [...taskKeywords(a)].filter((w) => other.has(w));
}

export function isSimilarTask(a: string, b: string) {
  return sharedKeywords(a, b).length >= MIN_SHARED_KEYWORDS;
}
