/** The five fixed levels of the career leverage ladder, with the source text's examples. */
export const LEVELS = [
  {
    level: 1,
    key: "execution",
    name: "Task Execution",
    summary: "Producing outputs by hand: the work AI automates first.",
    examples: [
      "formatting documents",
      "compiling research",
      "drafting routine content",
      "preparing reports",
      "organizing data",
    ],
    color: "#3b6fb6",
  },
  {
    level: 2,
    key: "ai_assisted",
    name: "AI-Assisted Execution",
    summary: "Still producing outputs, faster, with AI as an assistant.",
    examples: [
      "AI as a drafting assistant",
      "AI as a summarization tool",
      "AI as a research accelerator",
      "AI as a formatting helper",
    ],
    color: "#47a6b8",
  },
  {
    level: 3,
    key: "decision",
    name: "Decision Ownership",
    summary: "Interpreting information and owning the decision and its consequences.",
    examples: ["recommending strategies", "evaluating trade-offs", "prioritizing initiatives", "advising stakeholders"],
    color: "#8fbf5a",
  },
  {
    level: 4,
    key: "system_design",
    name: "Workflow & System Design",
    summary: "Shaping how work happens, not just doing it.",
    examples: [
      "designing processes",
      "coordinating teams",
      "implementing AI tools across workflows",
      "structuring decision frameworks",
    ],
    color: "#e8a33d",
  },
  {
    level: 5,
    key: "strategic",
    name: "Strategic Influence",
    summary: "Setting direction under ambiguity, accountable for outcomes.",
    examples: [
      "shaping organizational priorities",
      "allocating resources",
      "guiding long-term decisions",
      "interpreting complex trade-offs",
    ],
    color: "#d4572a",
  },
] as const;

export type LadderLevel = (typeof LEVELS)[number]["level"];

/** The durable capabilities rated 1–5 in every assessment, keyed by their assessment column. */
export const CAPABILITIES = [
  { key: "judgment", name: "Contextual judgment" },
  { key: "communication", name: "Communication clarity" },
  { key: "stakeholders", name: "Stakeholder management" },
  { key: "systemsThinking", name: "System-level thinking" },
  { key: "ownership", name: "Responsibility for outcomes" },
] as const;

export type CapabilityKey = (typeof CAPABILITIES)[number]["key"];

export const EXPOSURE_CLASSES = {
  exposed: { label: "AI-exposed", color: "#c2410c" },
  in_transition: { label: "In transition", color: "#a16207" },
  enhanced: { label: "AI-enhanced", color: "#15803d" },
} as const;

export type ExposureClass = keyof typeof EXPOSURE_CLASSES;

/** The one accent colour, for series that are not a level (an index line, say). */
export const ACCENT_COLOR = "#4f46e5";

/** Colours for one line per team: distinct from the level colours, so a team never reads as a level. */
export const SERIES_COLORS = [
  "#4f46e5",
  "#0f766e",
  "#9333ea",
  "#be185d",
  "#4d7c0f",
  "#b45309",
  "#0369a1",
  "#57534e",
] as const;
