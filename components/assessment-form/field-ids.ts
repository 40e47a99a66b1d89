import { CAPABILITIES, LEVELS, SHARE_KEYS } from "@/lib/ladder";

/** The id of the input a field error belongs to, so the error summary can link to it. */
export function fieldId(prefix: string, path: string): string | null {
  const [head, second, third] = path.split(".");
  if (head === "mix") return `${prefix}-share-${second ?? "s1"}`;
  if (head === "tasks") {
    if (second === undefined) return `${prefix}-task-add`;
    if (third === "level") return `${prefix}-task-${second}-level`;
    if (third === "aiUsed") return `${prefix}-task-${second}-ai`;
    return `${prefix}-task-${second}-text`;
  }
  if (head === "ratings") return `${prefix}-rating-${second ?? CAPABILITIES[0].key}-1`;
  if (head === "notes") return `${prefix}-notes`;
  if (head === "calibrationReason") return `${prefix}-calibration-reason`;
  return null;
}

/** A field's name as the person sees it, for the error summary. */
export function fieldLabel(path: string): string {
  const [head, second, third] = path.split(".");
  if (head === "mix") {
    const index = SHARE_KEYS.indexOf(second as (typeof SHARE_KEYS)[number]);
    return index >= 0 ? `Share at ${LEVELS[index]!.name}` : "Level mix total";
  }
  if (head === "tasks") {
    if (second === undefined) return "Task inventory";
    const n = Number(second) + 1;
    if (third === "level") return `Task ${n} level`;
    if (third === "aiUsed") return `Task ${n} AI used`;
    return `Task ${n}`;
  }
  if (head === "ratings") return CAPABILITIES.find((c) => c.key === second)?.name ?? "Capabilities";
  if (head === "notes") return "Notes and evidence";
  if (head === "calibrationReason") return "Reason for your changes";
  return "Form";
}

export function errorIdFor(inputId: string) {
  return `${inputId}-error`;
}
