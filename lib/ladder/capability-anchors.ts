import type { CapabilityKey } from "./levels";

/** What each durable capability means, in one line. */
export const CAPABILITY_DESCRIPTIONS: Record<CapabilityKey, string> = {
  judgment: "Reading the situation and deciding what matters, beyond what the data says.",
  communication: "Making your reasoning and recommendations clear to the people who act on them.",
  stakeholders: "Understanding what others need and bringing them along.",
  systemsThinking: "Seeing how work, tools and decisions connect, and improving the whole.",
  ownership: "Owning results and their consequences, not only the tasks.",
};

/** The one-line anchor for each rating value, the same for every capability. */
export const RATING_ANCHORS = [
  { value: 1, label: "Rarely shown yet; needs close guidance" },
  { value: 2, label: "Shown in familiar situations, with support" },
  { value: 3, label: "Shown reliably in your own work" },
  { value: 4, label: "Shown in complex situations; others rely on it" },
  { value: 5, label: "Sets the standard; you grow it in others" },
] as const;

/** How to grow each capability, for the suggestions to move up the ladder. */
export const CAPABILITY_GROWTH: Record<CapabilityKey, string> = {
  judgment: "Take a recurring decision off your manager's desk: write your recommendation before the meeting.",
  communication: "Open each report or update with the decision it supports, in one sentence.",
  stakeholders: "Ask the people who use your work what they decide with it, and shape the next version around that.",
  systemsThinking: "Map one workflow you are part of end to end and propose where AI or a template removes a step.",
  ownership: "Pick one outcome (not a task) you will be accountable for next quarter, and report on it.",
};
