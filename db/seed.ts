/**
 * The deterministic "living demo organisation": Northwind, four departments, eight teams, about
 * eighty people and eight quarterly review cycles of assessments telling four team stories.
 *
 * Everything is derived from fixed data and seeded PRNG streams (no Math.random, no clock), and all
 * timestamps come from the cycle dates, so two seeds of empty databases are identical, ids included
 * (but for the password hash, whose salt is random as it must be).
 * Must not import "server-only": the CLI (tsx) and the tests import it directly.
 */
import bcrypt from "bcryptjs";
import { inArray, sql } from "drizzle-orm";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/demo-accounts";
import { leverageIndex } from "../lib/ladder/formulas";
import type { Database } from "./client";
import { chunks, type Transaction as Tx } from "./helpers";
import { ensureReferenceData } from "./reference-data";
import {
  type AppRole,
  type AssessmentKind,
  type AssessmentStatus,
  assessments,
  assessmentTasks,
  calibrationRecords,
  departments,
  people,
  reviewCycles,
  roleProfiles,
  roleProfileVersions,
  roleTasks,
  teamMemberships,
  teams,
} from "./schema";
import { linkDemoRolesToOccupations } from "./seed-occupations";
import { createRandom, type Random, roundShares } from "./seed-random";

export type SeedSummary = {
  departments: number;
  teams: number;
  people: number;
  cycles: number;
  assessments: number;
  assessmentTasks: number;
  calibrationRecords: number;
};

type Vec = [number, number, number, number, number];
type Level = 1 | 2 | 3 | 4 | 5;

const COMPANY_DOMAIN = "northwind.example";
const CHUNK = 500;

// ---------------------------------------------------------------------------------------------
// The organisation
// ---------------------------------------------------------------------------------------------

const DEPARTMENTS = ["Finance", "Customer Operations", "Marketing", "Product & Data"] as const;

const LEADERS = ["Priya Raman", "Marcus Whitfield", "Ingrid Solberg"] as const;
const ADMINS = ["Sam Taylor"] as const;

type RoleSpec = {
  title: string;
  /** How far above (+) or below (−) the team's baseline leverage index this role sits. */
  tilt: number;
  description: string;
  /** A second version of the role's ladder mapping, created at the start of 2026 Q1. */
  v2?: { description: string; tilt: number; fromCycle: number };
};

type TeamSpec = {
  name: string;
  department: (typeof DEPARTMENTS)[number];
  manager: string;
  /** The team's baseline level mix at key cycles (0 = 2025 Q1 … 7 = 2026 Q4), interpolated between. */
  story: [number, Vec][];
  /** AI adoption (0..1) in the first and last cycle: drives how often tasks are tagged "AI used". */
  adoption: [number, number];
  roles: RoleSpec[];
  /** Representative tasks by ladder level (index 0 = level 1). */
  tasks: [string[], string[], string[], string[], string[]];
  /** Current members and the index of their role. */
  members: [string, number][];
};

const TEAMS: TeamSpec[] = [
  {
    name: "FP&A",
    department: "Finance",
    manager: "Daniel Okafor",
    // Adopts AI and climbs: L ≈ 1.90 → 3.30; level 1 collapses, levels 3–4 grow.
    story: [
      [0, [40, 35, 20, 5, 0]],
      [2, [22, 42, 27, 8, 1]],
      [4, [12, 30, 37, 18, 3]],
      [7, [4, 15, 40, 29, 12]],
    ],
    adoption: [0.3, 1],
    roles: [
      {
        title: "Financial Analyst",
        tilt: -0.15,
        description:
          "Prepares the monthly management accounts, maintains the forecast model and supports budget holders with variance analysis.",
        v2: {
          description:
            "Owns the forecast for a set of departments: AI drafts the routine reporting, the analyst interprets variances and recommends actions to budget holders.",
          tilt: 0.1,
          fromCycle: 4,
        },
      },
      {
        title: "Senior FP&A Analyst",
        tilt: 0.2,
        description:
          "Leads the quarterly forecast and scenario modelling, and advises department heads on the trade-offs in their plans.",
      },
      {
        title: "FP&A Business Partner",
        tilt: 0.4,
        description:
          "Partners with business-unit leaders on plans and investment cases, and designs the planning process across Finance.",
      },
    ],
    tasks: [
      [
        "Format the monthly management accounts pack",
        "Compile actuals from the ledger into the forecast model",
        "Prepare the weekly cash report for the CFO",
        "Reconcile department budget spreadsheets by hand",
      ],
      [
        "Draft variance commentary with an AI assistant, then edit it",
        "Summarise budget-holder feedback with AI",
        "Use AI to build first-draft forecast scenarios",
        "Format board-pack charts with an AI helper",
      ],
      [
        "Recommend where to reallocate the quarterly opex budget",
        "Evaluate trade-offs between hiring plans and margin targets",
        "Advise department heads on their forecast assumptions",
        "Prioritise which cost-saving initiatives to model first",
      ],
      [
        "Design the rolling-forecast process across departments",
        "Implement an AI-assisted variance workflow for the team",
        "Structure the decision framework for capex requests",
        "Coordinate the budget cycle with Accounts Payable and department heads",
      ],
      [
        "Shape the three-year financial plan with leadership",
        "Advise on allocating capital across business units",
        "Interpret complex trade-offs between growth and cash runway",
      ],
    ],
    members: [
      ["Maya Chen", 0],
      ["Tomás Herrera", 0],
      ["Grace Liu", 0],
      ["Oluwaseun Adeyemi", 1],
      ["Freya Lindgren", 0],
      ["Arjun Mehta", 1],
      ["Chloe Dubois", 0],
      ["Mateo Rossi", 2],
      ["Nadia Haddad", 0],
    ],
  },
  {
    name: "Accounts Payable",
    department: "Finance",
    manager: "Hannah Kowalski",
    // Stagnates: L ≈ 1.83 throughout, most of the time at levels 1–2 (high exposure).
    story: [
      [0, [42, 38, 15, 5, 0]],
      [3, [40, 40, 15, 5, 0]],
      [5, [42, 37, 16, 5, 0]],
      [7, [41, 39, 15, 5, 0]],
    ],
    adoption: [0.15, 0.3],
    roles: [
      {
        title: "Accounts Payable Clerk",
        tilt: -0.1,
        description: "Processes supplier invoices, matches them to purchase orders and prepares the payment runs.",
      },
      {
        title: "Accounts Payable Specialist",
        tilt: 0.1,
        description:
          "Handles supplier queries and disputed invoices, and keeps the payables ledger clean at month end.",
      },
      {
        title: "Accounts Payable Team Lead",
        tilt: 0.35,
        description: "Runs the payment calendar, approves exceptions and looks after the invoice approval workflow.",
      },
    ],
    tasks: [
      [
        "Key supplier invoices into the payables system",
        "Match invoices to purchase orders and delivery notes",
        "Compile the weekly payment run list",
        "Chase missing invoice approvals by email",
        "File remittance advices and supplier statements",
      ],
      [
        "Capture invoice data with OCR and AI extraction, then check it",
        "Draft replies to supplier queries with an AI assistant",
        "Summarise the aged-creditor report with AI",
      ],
      [
        "Decide which disputed invoices to escalate",
        "Prioritise the payment run against the cash forecast",
        "Advise budget holders on correct cost coding",
      ],
      ["Redesign the invoice approval workflow", "Coordinate month-end close timelines with FP&A"],
      ["Shape the payables policy on early-payment discounts"],
    ],
    members: [
      ["Brian Murphy", 0],
      ["Fatima Benali", 0],
      ["Kevin Nguyen", 1],
      ["Rosa Delgado", 0],
      ["Tyrone Jackson", 1],
      ["Ewa Nowak", 0],
      ["Samuel Osei", 2],
      ["Linda Park", 0],
    ],
  },
  {
    name: "Customer Support",
    department: "Customer Operations",
    manager: "Rafael Moreno",
    // Automates execution but stalls at level 2: L ≈ 1.61 → 2.09 by 2025 Q4, then flat; s2 balloons.
    story: [
      [0, [55, 32, 10, 3, 0]],
      [1, [40, 45, 11, 4, 0]],
      [3, [18, 62, 14, 5, 1]],
      [5, [17, 63, 14, 5, 1]],
      [7, [16, 63, 15, 5, 1]],
    ],
    adoption: [0.4, 1],
    roles: [
      {
        title: "Support Specialist",
        tilt: -0.1,
        description: "Answers customer tickets across email and chat, and keeps the help-centre articles current.",
      },
      {
        title: "Senior Support Specialist",
        tilt: 0.1,
        description: "Handles escalations and complex cases, and coaches newer specialists.",
      },
      {
        title: "Support Team Lead",
        tilt: 0.35,
        description: "Runs the daily queue, decides on exceptions and shapes the team's tooling and triage rules.",
      },
    ],
    tasks: [
      [
        "Answer tier-1 tickets from the shared inbox",
        "Log and tag incoming tickets by product area",
        "Copy order details between the CRM and the ticket tool",
        "Prepare the daily backlog report",
      ],
      [
        "Reply to tickets with AI-suggested responses, then edit them",
        "Summarise long ticket threads with AI before escalating",
        "Draft help-centre articles with an AI assistant",
        "Translate replies for non-English customers with AI",
      ],
      [
        "Decide on refunds and goodwill credits within policy",
        "Prioritise escalations with the on-call engineer",
        "Advise product managers on recurring customer issues",
      ],
      [
        "Design the triage rules for the AI reply assistant",
        "Coordinate shift coverage across time zones",
        "Build the macro library and its review process",
      ],
      ["Shape the support strategy for the new self-service portal"],
    ],
    members: [
      ["Jamal Carter", 0],
      ["Sofia Márquez", 0],
      ["Liam O'Connor", 1],
      ["Mei Tanaka", 0],
      ["Darius Farahani", 0],
      ["Ana Silva", 1],
      ["Connor Walsh", 0],
      ["Priyanka Das", 0],
      ["Yusuf Demir", 2],
      ["Hana Kim", 0],
      ["Andre Reid", 1],
    ],
  },
  {
    name: "Customer Success",
    department: "Customer Operations",
    manager: "Aisha Bello",
    // Mild upward drift: L ≈ 2.47 → 2.56.
    story: [
      [0, [20, 30, 35, 13, 2]],
      [7, [15, 32, 37, 14, 2]],
    ],
    adoption: [0.3, 0.6],
    roles: [
      {
        title: "Customer Success Associate",
        tilt: -0.1,
        description: "Supports a portfolio of smaller accounts through onboarding and renewal.",
      },
      {
        title: "Customer Success Manager",
        tilt: 0.15,
        description: "Owns the relationship with key accounts, their adoption plans and their renewals.",
      },
    ],
    tasks: [
      [
        "Prepare quarterly business review slides",
        "Update account health fields in the CRM",
        "Compile product usage exports for renewals",
      ],
      [
        "Draft renewal emails with an AI assistant",
        "Summarise customer call notes with AI",
        "Research a customer's industry with AI before a call",
      ],
      [
        "Recommend expansion plays for key accounts",
        "Evaluate churn risk and decide on a save plan",
        "Advise customers on their rollout priorities",
      ],
      [
        "Design the onboarding playbook for new customers",
        "Coordinate renewals with Sales and Finance",
        "Implement health-score alerts across the book of business",
      ],
      ["Shape the segment strategy for enterprise accounts", "Allocate success resources across customer tiers"],
    ],
    members: [
      ["Elif Yilmaz", 1],
      ["Noah Fischer", 0],
      ["Isabella Costa", 1],
      ["Ravi Shankar", 1],
      ["Zoe Anderson", 0],
      ["Kwame Mensah", 1],
      ["Julia Novak", 0],
      ["Diego Álvarez", 1],
    ],
  },
  {
    name: "Market Research",
    department: "Marketing",
    manager: "Lucía Fernández",
    // Slips: L ≈ 2.86 → 2.39; decision work gives way to compiling and AI-assisted summaries.
    story: [
      [0, [12, 22, 40, 20, 6]],
      [4, [20, 30, 32, 14, 4]],
      [7, [23, 33, 29, 12, 3]],
    ],
    adoption: [0.4, 0.5],
    roles: [
      {
        title: "Research Analyst",
        tilt: -0.1,
        description: "Runs surveys and desk research, and turns the results into tables and summaries.",
      },
      {
        title: "Senior Insights Analyst",
        tilt: 0.25,
        description: "Designs studies and turns research into recommendations for marketing and product teams.",
      },
    ],
    tasks: [
      [
        "Compile survey responses into tables",
        "Format the monthly market tracker deck",
        "Clean and code open-text survey answers",
        "Organise competitor pricing data",
      ],
      [
        "Summarise interview transcripts with AI",
        "Speed up desk research on competitors with AI",
        "Draft research summaries with an AI assistant",
      ],
      [
        "Recommend target segments from the survey findings",
        "Evaluate trade-offs between research methods and budget",
        "Advise the brand team on positioning choices",
      ],
      [
        "Design the quarterly customer insight programme",
        "Structure the intake and prioritisation of research requests",
        "Coordinate fieldwork with external agencies",
      ],
      ["Shape marketing priorities for next year's launches", "Guide long-term market-entry decisions"],
    ],
    members: [
      ["Leo Martins", 0],
      ["Inès Moreau", 1],
      ["Aditya Rao", 0],
      ["Charlotte Evans", 0],
      ["Tariq Aziz", 1],
      ["Nora Berg", 0],
      ["Kofi Boateng", 0],
      ["Emily Sato", 1],
    ],
  },
  {
    name: "Content & Brand",
    department: "Marketing",
    manager: "Lucía Fernández",
    // Mild drift: routine production moves to AI-assisted drafting; L ≈ 2.17 → 2.32.
    story: [
      [0, [30, 35, 25, 8, 2]],
      [7, [18, 45, 26, 9, 2]],
    ],
    adoption: [0.4, 0.85],
    roles: [
      {
        title: "Content Specialist",
        tilt: -0.1,
        description: "Produces and publishes web, email and social content to the brand guidelines.",
      },
      {
        title: "Copywriter",
        tilt: 0,
        description: "Writes campaign and product copy, and keeps the tone of voice consistent.",
      },
      {
        title: "Brand Strategist",
        tilt: 0.3,
        description: "Sets campaign direction and owns the brand guidelines and their review process.",
      },
    ],
    tasks: [
      [
        "Format blog posts and newsletters for publishing",
        "Resize and export campaign assets",
        "Compile the content calendar",
        "Proofread product copy",
      ],
      [
        "Draft social posts with an AI writing assistant",
        "Produce first drafts of product descriptions with AI",
        "Summarise campaign results with AI",
        "Generate image variations with an AI tool",
      ],
      [
        "Decide which campaign concepts go forward",
        "Recommend tone-of-voice changes for a new audience",
        "Prioritise content requests from product teams",
      ],
      [
        "Design the AI-assisted content review workflow",
        "Coordinate launches across web, email and social",
        "Structure the brand guidelines for AI-generated content",
      ],
      ["Shape the brand narrative for the next financial year"],
    ],
    members: [
      ["Ruby Collins", 1],
      ["Pablo Jiménez", 0],
      ["Amira Saleh", 0],
      ["Finn Larsen", 1],
      ["Jasmine Wright", 0],
      ["Santiago Vega", 2],
      ["Keiko Mori", 1],
      ["Owen Hughes", 0],
    ],
  },
  {
    name: "Data Analytics",
    department: "Product & Data",
    manager: "Kenji Watanabe",
    // Climbs a little: L ≈ 2.55 → 2.80 as reporting is automated.
    story: [
      [0, [18, 30, 32, 17, 3]],
      [7, [10, 30, 35, 20, 5]],
    ],
    adoption: [0.45, 0.8],
    roles: [
      {
        title: "Data Analyst",
        tilt: -0.1,
        description: "Builds reports and dashboards, and answers data questions from across the business.",
      },
      {
        title: "Analytics Engineer",
        tilt: 0.15,
        description: "Models and tests the data behind the dashboards, and automates recurring reporting.",
      },
      {
        title: "Senior Data Scientist",
        tilt: 0.35,
        description: "Leads the experiments and analyses that shape product and commercial decisions.",
      },
    ],
    tasks: [
      [
        "Pull ad-hoc data extracts for stakeholders",
        "Format recurring dashboard exports",
        "Clean and join source tables by hand",
        "Prepare the weekly KPI report",
      ],
      [
        "Write SQL with an AI coding assistant",
        "Summarise analysis results with AI for a decision memo",
        "Document data models with AI",
      ],
      [
        "Recommend which metrics define product success",
        "Evaluate trade-offs in experiment design",
        "Advise teams on reading A/B test results",
      ],
      [
        "Design the self-service analytics layer",
        "Implement automated data-quality checks",
        "Coordinate metric definitions across departments",
      ],
      ["Shape the company data strategy with leadership", "Guide long-term investment in the data platform"],
    ],
    members: [
      ["Vikram Iyer", 2],
      ["Lena Schmidt", 0],
      ["Ethan Brooks", 0],
      ["Chiara Bianchi", 1],
      ["Babajide Oladipo", 0],
      ["Mia Johansson", 1],
      ["Hiroshi Yamamoto", 0],
      ["Camila Torres", 0],
      ["Adam Kowalczyk", 1],
    ],
  },
  {
    name: "Product Management",
    department: "Product & Data",
    manager: "Olivia Bennett",
    // Already high and steady: L ≈ 3.12 → 3.15.
    story: [
      [0, [8, 15, 42, 27, 8]],
      [7, [6, 17, 41, 28, 8]],
    ],
    adoption: [0.35, 0.65],
    roles: [
      {
        title: "Associate Product Manager",
        tilt: -0.2,
        description: "Supports a product area with research, user stories and release coordination.",
      },
      {
        title: "Product Manager",
        tilt: 0.05,
        description: "Owns a product area's roadmap, discovery and delivery trade-offs.",
      },
      {
        title: "Senior Product Manager",
        tilt: 0.3,
        description: "Sets the strategy for a product line and coordinates several teams' bets.",
      },
    ],
    tasks: [
      [
        "Write up meeting notes and action items",
        "Compile feature requests from support tickets",
        "Format release notes",
      ],
      [
        "Draft user stories with an AI assistant",
        "Summarise user interviews with AI",
        "Research competitor features with AI",
      ],
      [
        "Prioritise the quarterly roadmap",
        "Evaluate build-versus-buy trade-offs",
        "Recommend scope cuts to hit a launch date",
        "Advise stakeholders on feature trade-offs",
      ],
      [
        "Design the product discovery process",
        "Coordinate delivery across engineering and design",
        "Structure the decision framework for roadmap bets",
      ],
      [
        "Shape product strategy with the leadership team",
        "Allocate engineering capacity across product bets",
        "Interpret complex trade-offs between growth and platform work",
      ],
    ],
    members: [
      ["Sarah Goldberg", 2],
      ["Omar Farouk", 1],
      ["Nina Petrović", 0],
      ["Lucas Girard", 1],
      ["Ayesha Siddiqui", 1],
      ["Jonas Weber", 0],
      ["Thandiwe Dlamini", 1],
      ["Ryan Mitchell", 0],
    ],
  },
];

/** People who changed team at the start of 2026 Q1 (listed among their new team's members). */
const MOVERS: { name: string; fromTeam: string; fromRole: number; atCycle: number }[] = [
  { name: "Nadia Haddad", fromTeam: "Accounts Payable", fromRole: 1, atCycle: 4 },
  { name: "Elif Yilmaz", fromTeam: "Customer Support", fromRole: 1, atCycle: 4 },
  { name: "Leo Martins", fromTeam: "Content & Brand", fromRole: 0, atCycle: 4 },
];

const CYCLE_COUNT = 8;
const OPEN_CYCLE = 7;
const ORG_CREATED = "2024-11-18";

/** Notes by how the quarter went: the work moved up the ladder, or it stayed where it was. */
const SELF_NOTES = {
  up: [
    "Spent more of this quarter on analysis than on preparing reports.",
    "AI drafting saves me a few hours a week; I use them for reviews.",
    "Took over the recommendation write-up for the quarterly review.",
    "Helped my manager design the new intake process.",
    "Ran two stakeholder workshops on my own for the first time.",
    "Owned the decision on which requests to take on this quarter.",
  ],
  steady: [
    "Mostly routine work this quarter while we were short-staffed.",
    "Still a lot of manual data preparation; I want to automate more of it.",
    "Tried an AI assistant for first drafts; it helps, but I still rewrite a lot.",
    "Covered a colleague's work for six weeks, so less time for improvements.",
    "Similar to last quarter: the same reports, a little faster with AI.",
  ],
};

const MANAGER_NOTES = {
  up: [
    "Good quarter; clearly more ownership of decisions than before.",
    "Strong stakeholder feedback this quarter.",
    "Keep building on the process design work started this quarter.",
    "Great use of AI tools to free up time for analysis.",
  ],
  steady: [
    "Execution is solid; the next step is owning recommendations end to end.",
    "Agreed to move the remaining reporting work onto the automated flow.",
    "Level mix adjusted after we discussed how much time goes into manual preparation.",
    "Steady quarter; we agreed on one improvement project for next quarter.",
  ],
};

const REASONS_DOWN = [
  "Most of the reporting is still prepared by hand, so more time sits at level 1 than the self-assessment shows.",
  "The recommendations were reviewed and decided by me this quarter, so some time moves from level 3 to level 2.",
  "Process design was a small share of the quarter; moved those points back to execution work.",
  "AI drafts the first version, but the work is still producing outputs: level 2 rather than level 3.",
  "Coordination was mostly scheduling this quarter, which is execution rather than system design.",
];

const REASONS_UP = [
  "Took on more decision ownership than claimed; moved time up to level 3.",
  "Coordinating the month-end work with two other teams counts as level 4; adjusted upward.",
  "The new triage rules were designed end to end by them: that is system design, not execution.",
  "Much of the routine work now runs through AI tools; moved time from level 1 to level 2.",
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

export function emailFor(name: string) {
  const slug = (part: string) =>
    part
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z]/g, "");
  const [first, ...rest] = name.split(" ");
  return `${slug(first ?? "")}.${rest.map(slug).join("-")}@${COMPANY_DOMAIN}`;
}

function cycleInfo(index: number) {
  const year = 2025 + Math.floor(index / 4);
  const quarter = (index % 4) + 1;
  const month = 3 * (quarter - 1) + 1;
  const lastDay = [31, 30, 30, 31][quarter - 1]!;
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    name: `${year} Q${quarter}`,
    startsOn: `${year}-${pad(month)}-01`,
    endsOn: `${year}-${pad(month + 2)}-${pad(lastDay)}`,
  };
}

/** A UTC instant: the given date (YYYY-MM-DD) plus whole days, at the given time of day. */
function at(date: string, plusDays = 0, hour = 9, minute = 0) {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + plusDays, hour, minute));
}

function workTime(r: Random, date: string, plusDays: number) {
  return at(date, plusDays, r.int(8, 17), r.int(0, 59));
}

function isoDate(date: Date) {
  return date.toISOString().slice(0, 10);
}

function leverage(v: Vec) {
  return leverageIndex(shareColumns(v));
}

function baselineAt(team: TeamSpec, cycle: number): Vec {
  const frames = team.story;
  let lo = frames[0]!;
  let hi = frames[frames.length - 1]!;
  for (const frame of frames) {
    if (frame[0] <= cycle) lo = frame;
    if (frame[0] >= cycle) {
      hi = frame;
      break;
    }
  }
  const t = hi[0] === lo[0] ? 0 : (cycle - lo[0]) / (hi[0] - lo[0]);
  return lo[1].map((v, k) => v + (hi[1][k]! - v) * t) as Vec;
}

function adoptionAt(team: TeamSpec, cycle: number) {
  const [from, to] = team.adoption;
  return from + ((to - from) * cycle) / (CYCLE_COUNT - 1);
}

/**
 * Moves whole points between adjacent levels until L has changed by `delta` (0.01 per point):
 * upward from levels 1–4, downward from levels 2–5, each step from a level drawn by its share
 * (damped next to the top and bottom, so level 5 and level 1 change more slowly).
 */
function shiftLeverage(mix: Vec, delta: number, r: Random): Vec {
  const out = [...mix] as Vec;
  const up = delta > 0;
  let steps = Math.round(Math.abs(delta) * 100);
  while (steps-- > 0) {
    const weights = out.map((v, i) => v * (up ? [1, 1, 1, 0.4, 0][i]! : [0, 0.6, 1, 1, 1][i]!));
    if (weights.every((w) => w <= 0)) break;
    const i = r.weighted(weights);
    const to = up ? i + 1 : i - 1;
    out[i] = out[i]! - 1;
    out[to] = out[to]! + 1;
  }
  return out;
}

/** Rounds noisy shares to whole percents summing to 100, with noise proportional to each share. */
function noisy(base: readonly number[], r: Random, flat: number, proportional: number): Vec {
  return roundShares(base.map((b) => b + r.normal(flat + proportional * b)));
}

function ratingsFor(L: number, trait: readonly number[], bonus: number, r: Random) {
  const base = 1.25 + 0.85 * (L - 1) + bonus;
  const value = (k: number) => Math.min(5, Math.max(1, Math.round(base + trait[k]! + r.normal(0.35))));
  return {
    judgment: value(0),
    communication: value(1),
    stakeholders: value(2),
    systemsThinking: value(3),
    ownership: value(4),
  };
}

type TaskDraft = { text: string; level: Level; aiUsed: boolean };

function aiChance(level: Level, adoption: number) {
  if (level === 2) return 0.7 + 0.25 * adoption;
  return [0.12, 0, 0.35, 0.5, 0.3][level - 1]! * adoption;
}

/** 3–6 (or `count`) representative tasks, levels drawn from the mix, texts from the team's bank. */
function tasksFor(team: TeamSpec, mix: Vec, count: number, adoption: number, r: Random): TaskDraft[] {
  const used = new Set<string>();
  const out: TaskDraft[] = [];
  for (let n = 0; n < count; n++) {
    // Levels where the person spends under 5 % of the time rarely make the short list.
    const wanted = (r.weighted(mix.map((v) => (v >= 5 ? v : v / 10))) + 1) as Level;
    // The wanted level, else the nearest level with an unused task.
    const order = ([1, 2, 3, 4, 5] as Level[]).sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted) || a - b);
    let chosen: { text: string; level: Level } | null = null;
    for (const level of order) {
      const free = team.tasks[level - 1]!.filter((t) => !used.has(t));
      if (free.length > 0) {
        chosen = { text: r.pick(free), level };
        break;
      }
    }
    if (!chosen) break;
    used.add(chosen.text);
    out.push({ ...chosen, aiUsed: r.chance(aiChance(chosen.level, adoption)) });
  }
  return out;
}

/** The manager's view of the same tasks: the same texts, a few re-levelled toward the manager's mix. */
function managerTasks(selfTasks: TaskDraft[], selfL: number, managerL: number, r: Random): TaskDraft[] {
  const gap = selfL - managerL;
  return selfTasks.map((t) => {
    if (gap > 0.2 && t.level > 1 && r.chance(0.3)) return { ...t, level: (t.level - 1) as Level };
    if (gap < -0.1 && t.level < 5 && r.chance(0.25)) return { ...t, level: (t.level + 1) as Level };
    return t;
  });
}

function maxShareDifference(a: Vec, b: Vec) {
  return Math.max(...a.map((v, k) => Math.abs(v - b[k]!)));
}

const shareColumns = (v: Vec) => ({ s1: v[0], s2: v[1], s3: v[2], s4: v[3], s5: v[4] });
const nullableShareColumns = (v: Vec | null) =>
  v ? shareColumns(v) : { s1: null, s2: null, s3: null, s4: null, s5: null };

// ---------------------------------------------------------------------------------------------
// The seed
// ---------------------------------------------------------------------------------------------

type PersonSpec = { name: string; email: string; appRole: AppRole };

function peopleSpecs(): PersonSpec[] {
  const out: PersonSpec[] = [];
  const add = (name: string, appRole: AppRole) => {
    if (!out.some((p) => p.name === name)) out.push({ name, email: emailFor(name), appRole });
  };
  for (const name of LEADERS) add(name, "leader");
  for (const name of ADMINS) add(name, "admin");
  for (const team of TEAMS) add(team.manager, "manager");
  for (const team of TEAMS) for (const [name] of team.members) add(name, "employee");
  return out;
}

type AssessmentDraft = {
  cycle: number;
  subject: string;
  kind: AssessmentKind;
  author: string;
  team: string;
  roleVersion: string | null;
  mix: Vec | null;
  ratings: ReturnType<typeof ratingsFor> | null;
  notes: string;
  status: AssessmentStatus;
  submittedAt: Date | null;
  finalizedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  tasks: TaskDraft[];
};

type CalibrationDraft = {
  cycle: number;
  subject: string;
  manager: string;
  from: Vec;
  to: Vec;
  reason: string;
  createdAt: Date;
};

type OpenStatus = "none" | "self_draft" | "self_submitted" | "manager_pending" | "finalized";

async function seedInTransaction(tx: Tx): Promise<SeedSummary> {
  const passwordHash = bcrypt.hashSync(DEMO_PASSWORD, 10);
  const orgCreated = at(ORG_CREATED);

  // People -------------------------------------------------------------------------------------
  const specs = peopleSpecs();
  for (const account of DEMO_ACCOUNTS) {
    const spec = specs.find((p) => p.email === account.email);
    if (!spec || spec.name !== account.name || spec.appRole !== account.role) {
      throw new Error(`The demo organisation lacks the demo account ${account.email}`);
    }
  }
  if (new Set(specs.map((p) => p.email)).size !== specs.length) {
    throw new Error("The demo organisation has duplicate email addresses");
  }
  const movers = new Map(MOVERS.map((m) => [m.name, m]));
  const personRows = await tx
    .insert(people)
    .values(
      specs.map((p) => ({
        name: p.name,
        email: p.email,
        passwordHash,
        appRole: p.appRole,
        createdAt: orgCreated,
        updatedAt: movers.has(p.name) ? at("2026-01-01", 0, 9, 0) : orgCreated,
      })),
    )
    .returning({ id: people.id, name: people.name });
  const personId = new Map(personRows.map((p) => [p.name, p.id]));
  const idOf = (name: string) => {
    const id = personId.get(name);
    if (id === undefined) throw new Error(`Unknown person ${name}`);
    return id;
  };

  // Departments and teams -----------------------------------------------------------------------
  const departmentRows = await tx
    .insert(departments)
    .values(DEPARTMENTS.map((name) => ({ name, createdAt: orgCreated })))
    .returning({ id: departments.id, name: departments.name });
  const departmentId = new Map(departmentRows.map((d) => [d.name, d.id]));
  const teamRows = await tx
    .insert(teams)
    .values(
      TEAMS.map((t) => ({
        name: t.name,
        departmentId: departmentId.get(t.department)!,
        managerId: idOf(t.manager),
        createdAt: orgCreated,
      })),
    )
    .returning({ id: teams.id, name: teams.name });
  const teamId = new Map(teamRows.map((t) => [t.name, t.id]));
  const teamSpec = new Map(TEAMS.map((t) => [t.name, t]));

  // Role profiles, their versions and typical tasks -----------------------------------------------
  const roleKey = (team: string, role: number) => `${team}#${role}`;
  const profileRows = await tx
    .insert(roleProfiles)
    .values(
      TEAMS.flatMap((t) =>
        t.roles.map((role) => ({ teamId: teamId.get(t.name)!, title: role.title, createdAt: at(ORG_CREATED, 1) })),
      ),
    )
    .returning({ id: roleProfiles.id, teamId: roleProfiles.teamId, title: roleProfiles.title });
  const profileId = new Map<string, number>();
  for (const t of TEAMS) {
    t.roles.forEach((role, i) => {
      const row = profileRows.find((p) => p.teamId === teamId.get(t.name) && p.title === role.title)!;
      profileId.set(roleKey(t.name, i), row.id);
    });
  }

  type VersionDraft = { key: string; version: number; mix: Vec; description: string; createdAt: Date; by: string };
  const versionDrafts: VersionDraft[] = [];
  for (const t of TEAMS) {
    t.roles.forEach((role, i) => {
      const r = createRandom(`role:${t.name}:${role.title}`);
      // A role's target sits a little above where the team is today: where the manager wants it.
      const v1 = shiftLeverage(roundShares(baselineAt(t, 0)), role.tilt + 0.15, r);
      versionDrafts.push({
        key: roleKey(t.name, i),
        version: 1,
        mix: v1,
        description: role.description,
        createdAt: at(ORG_CREATED, 2, 10, 0),
        by: t.manager,
      });
      if (role.v2) {
        const v2 = shiftLeverage(roundShares(baselineAt(t, role.v2.fromCycle)), role.v2.tilt, r);
        versionDrafts.push({
          key: roleKey(t.name, i),
          version: 2,
          mix: v2,
          description: role.v2.description,
          createdAt: at(cycleInfo(role.v2.fromCycle).startsOn, 5, 10, 30),
          by: t.manager,
        });
      }
    });
  }
  const versionRows = await tx
    .insert(roleProfileVersions)
    .values(
      versionDrafts.map((v) => ({
        roleProfileId: profileId.get(v.key)!,
        version: v.version,
        description: v.description,
        ...shareColumns(v.mix),
        createdById: idOf(v.by),
        createdAt: v.createdAt,
      })),
    )
    .returning({
      id: roleProfileVersions.id,
      roleProfileId: roleProfileVersions.roleProfileId,
      version: roleProfileVersions.version,
    });
  const versionId = new Map<string, number>();
  for (const v of versionDrafts) {
    const row = versionRows.find((x) => x.roleProfileId === profileId.get(v.key) && x.version === v.version)!;
    versionId.set(`${v.key}@${v.version}`, row.id);
  }

  const roleTaskRows: (typeof roleTasks.$inferInsert)[] = [];
  for (const v of versionDrafts) {
    const [teamName, roleIndex] = v.key.split("#") as [string, string];
    const t = teamSpec.get(teamName)!;
    const offset = Number(roleIndex) + v.version;
    const picked: { text: string; level: number }[] = [];
    // Levels by share: one task where the role spends ≥ 5 %, two where it spends ≥ 25 %; 4–8 in all.
    for (let level = 1; level <= 5; level++) {
      const share = v.mix[level - 1]!;
      const bank = t.tasks[level - 1]!;
      const wanted = share >= 25 ? 2 : share >= 5 ? 1 : 0;
      for (let k = 0; k < Math.min(wanted, bank.length); k++) {
        picked.push({ text: bank[(offset + k) % bank.length]!, level });
      }
    }
    for (let level = 3; picked.length < 4 && level <= 5; level++) {
      const bank = t.tasks[level - 1]!;
      const text = bank.find((x) => !picked.some((p) => p.text === x));
      if (text) picked.push({ text, level });
    }
    picked.slice(0, 8).forEach((p, position) => {
      roleTaskRows.push({ roleVersionId: versionId.get(`${v.key}@${v.version}`)!, position, ...p });
    });
  }
  await tx.insert(roleTasks).values(roleTaskRows);

  // Memberships ----------------------------------------------------------------------------------
  type Stint = { team: string; role: number; fromCycle: number };
  const history = new Map<string, Stint[]>();
  for (const t of TEAMS) {
    for (const [name, role] of t.members) {
      const mover = movers.get(name);
      history.set(
        name,
        mover
          ? [
              { team: mover.fromTeam, role: mover.fromRole, fromCycle: 0 },
              { team: t.name, role, fromCycle: mover.atCycle },
            ]
          : [{ team: t.name, role, fromCycle: 0 }],
      );
    }
  }
  const stintAt = (name: string, cycle: number) => {
    const stints = history.get(name)!;
    return [...stints].reverse().find((s) => s.fromCycle <= cycle)!;
  };
  const membershipRows: (typeof teamMemberships.$inferInsert)[] = [];
  for (const [name, stints] of history) {
    const r = createRandom(`membership:${name}`);
    stints.forEach((stint, i) => {
      const next = stints[i + 1];
      const startedOn = i === 0 ? isoDate(at("2018-03-01", r.int(0, 2400))) : cycleInfo(stint.fromCycle).startsOn;
      const endedOn = next ? isoDate(at(cycleInfo(next.fromCycle).startsOn, -1)) : null;
      membershipRows.push({
        teamId: teamId.get(stint.team)!,
        personId: idOf(name),
        roleProfileId: profileId.get(roleKey(stint.team, stint.role))!,
        startedOn,
        endedOn,
      });
    });
  }
  await tx.insert(teamMemberships).values(membershipRows);

  // Review cycles --------------------------------------------------------------------------------
  const cycleDefs = Array.from({ length: CYCLE_COUNT }, (_, i) => ({ index: i, ...cycleInfo(i) }));
  const cycleRows = await tx
    .insert(reviewCycles)
    .values(
      cycleDefs.map((c) => ({
        name: c.name,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        // Written while open; the past cycles close at the end (a closed cycle refuses writes).
        status: "open" as const,
        createdAt: at(c.startsOn, -10, 10, 0),
      })),
    )
    .returning({ id: reviewCycles.id, name: reviewCycles.name });
  const cycleId = (index: number) => cycleRows.find((c) => c.name === cycleDefs[index]!.name)!.id;

  // Who is where in the open cycle -----------------------------------------------------------------
  const employees = TEAMS.flatMap((t) => t.members.map(([name]) => name));
  const openStatus = new Map<string, OpenStatus>();
  openStatus.set("Maya Chen", "self_draft");
  // Two of Daniel's reports have submitted and wait for his review.
  openStatus.set("Tomás Herrera", "self_submitted");
  openStatus.set("Grace Liu", "self_submitted");
  const quotas: [OpenStatus, number][] = [
    ["none", 0.2],
    ["self_draft", 0.2],
    ["self_submitted", 0.25],
    ["manager_pending", 0.2],
    ["finalized", 0.15],
  ];
  const pool: OpenStatus[] = [];
  for (const [status, share] of quotas) {
    const already = [...openStatus.values()].filter((s) => s === status).length;
    for (let i = already; i < Math.round(share * employees.length); i++) pool.push(status);
  }
  const rest = createRandom("open-cycle").shuffle(employees.filter((n) => !openStatus.has(n)));
  rest.forEach((name, i) => openStatus.set(name, pool[i] ?? "self_submitted"));

  // Assessments ----------------------------------------------------------------------------------
  const drafts: AssessmentDraft[] = [];
  let draftsSoFar = 0;
  const calibrations: CalibrationDraft[] = [];

  for (const name of employees) {
    const pr = createRandom(`person:${name}`);
    const perturb = [0, 1, 2, 3, 4].map(() => pr.normal(1));
    const offsetL = pr.normal(0.1);
    const roll = pr.next();
    const gapBias = roll < 0.1 ? pr.uniform(-0.2, 0) : roll < 0.2 ? pr.uniform(0.45, 0.65) : pr.uniform(0.08, 0.3);
    const trait = [0, 1, 2, 3, 4].map(() => pr.normal(0.35));
    const isMaya = name === "Maya Chen";
    let previousL: number | null = null;

    for (let cycle = 0; cycle < CYCLE_COUNT; cycle++) {
      const r = createRandom(`assessment:${name}:${cycle}`);
      const stint = stintAt(name, cycle);
      const team = teamSpec.get(stint.team)!;
      const role = team.roles[stint.role]!;
      const version = role.v2 && cycle >= role.v2.fromCycle ? 2 : 1;
      const roleVersion = `${roleKey(team.name, stint.role)}@${version}`;
      const { endsOn, startsOn } = cycleDefs[cycle]!;
      const adoption = adoptionAt(team, cycle);

      // The manager's view is the "true" mix: team baseline, the person's lasting profile, noise.
      const base = baselineAt(team, cycle);
      const personal = base.map((b, k) => b + perturb[k]! * (0.4 + 0.08 * b));
      const managerMix = shiftLeverage(noisy(personal, r, 0.3, 0.05), role.tilt + offsetL + r.normal(0.04), r);
      // The employee tends to place their own work a little higher.
      const selfMix = shiftLeverage(noisy(managerMix, r, 0.3, 0.05), gapBias + r.normal(0.07), r);
      const selfL = leverage(selfMix);
      const managerL = leverage(managerMix);
      const selfTasks = tasksFor(team, selfMix, r.int(3, 6), adoption, r);
      const trend = previousL !== null && managerL - previousL >= 0.08 ? "up" : "steady";
      previousL = managerL;
      const selfNotes = r.chance(0.6) ? r.pick(SELF_NOTES[trend]) : "";
      const managerNotes = r.chance(0.5) ? r.pick(MANAGER_NOTES[trend]) : "";
      const selfRatings = ratingsFor(selfL, trait, 0.2, r);
      const managerRatings = ratingsFor(managerL, trait, 0, r);
      const needsCalibration = maxShareDifference(selfMix, managerMix) > 10;
      const reason = r.pick(managerL < selfL ? REASONS_DOWN : REASONS_UP);
      const manager = team.manager;

      const common = { cycle, subject: name, team: team.name, roleVersion };
      const self = (over: Partial<AssessmentDraft>): AssessmentDraft => ({
        ...common,
        kind: "self",
        author: name,
        mix: selfMix,
        ratings: selfRatings,
        notes: selfNotes,
        status: "finalized",
        submittedAt: null,
        finalizedAt: null,
        createdAt: orgCreated,
        updatedAt: orgCreated,
        tasks: selfTasks,
        ...over,
      });
      const managerSide = (over: Partial<AssessmentDraft>): AssessmentDraft => ({
        ...common,
        kind: "manager",
        author: manager,
        mix: managerMix,
        ratings: managerRatings,
        notes: managerNotes,
        status: "finalized",
        submittedAt: null,
        finalizedAt: null,
        createdAt: orgCreated,
        updatedAt: orgCreated,
        tasks: managerTasks(selfTasks, selfL, managerL, r),
        ...over,
      });
      const calibrate = (when: Date) => {
        if (!needsCalibration) return;
        calibrations.push({ cycle, subject: name, manager, from: selfMix, to: managerMix, reason, createdAt: when });
      };

      if (cycle !== OPEN_CYCLE) {
        // A closed quarter: self-assessment in the last weeks, manager review just after quarter end.
        const selfCreated = workTime(r, endsOn, -r.int(18, 28));
        const selfSubmitted = workTime(r, endsOn, -r.int(2, 12));
        const managerCreated = workTime(r, endsOn, r.int(-1, 1));
        const managerSubmitted = workTime(r, endsOn, r.int(2, 9));
        const finalized = workTime(r, endsOn, 10 + r.int(0, 4));
        drafts.push(
          self({ createdAt: selfCreated, submittedAt: selfSubmitted, finalizedAt: finalized, updatedAt: finalized }),
        );
        drafts.push(
          managerSide({
            createdAt: managerCreated,
            submittedAt: managerSubmitted,
            finalizedAt: finalized,
            updatedAt: finalized,
          }),
        );
        calibrate(managerSubmitted);
        continue;
      }

      // The open quarter (2026 Q4): everyone somewhere along the way.
      const status = openStatus.get(name)!;
      if (status === "none") continue;
      const selfCreated = workTime(r, startsOn, r.int(8, 30));
      const selfSubmitted = workTime(r, startsOn, 31 + r.int(0, 6));
      if (status === "self_draft") {
        const withShares = isMaya || draftsSoFar++ % 2 === 1;
        drafts.push(
          self({
            status: "draft",
            mix: withShares ? selfMix : null,
            ratings: withShares ? selfRatings : null,
            notes: isMaya ? "Moved the variance commentary fully onto the AI-assisted workflow this quarter." : "",
            tasks: withShares ? selfTasks.slice(0, Math.max(3, selfTasks.length - 1)) : selfTasks.slice(0, r.int(0, 2)),
            createdAt: selfCreated,
            updatedAt: workTime(r, startsOn, 31 + r.int(0, 12)),
          }),
        );
        continue;
      }
      if (status === "self_submitted") {
        drafts.push(
          self({ status: "submitted", createdAt: selfCreated, submittedAt: selfSubmitted, updatedAt: selfSubmitted }),
        );
        continue;
      }
      const managerCreated = workTime(r, startsOn, 38 + r.int(0, 3));
      const managerSubmitted = workTime(r, startsOn, 42 + r.int(0, 3));
      if (status === "manager_pending") {
        drafts.push(
          self({ status: "submitted", createdAt: selfCreated, submittedAt: selfSubmitted, updatedAt: selfSubmitted }),
        );
        if (r.chance(0.5)) {
          drafts.push(managerSide({ status: "draft", createdAt: managerCreated, updatedAt: managerCreated }));
        } else {
          drafts.push(
            managerSide({
              status: "submitted",
              createdAt: managerCreated,
              submittedAt: managerSubmitted,
              updatedAt: managerSubmitted,
            }),
          );
          calibrate(managerSubmitted);
        }
        continue;
      }
      const finalized = workTime(r, startsOn, 46 + r.int(0, 2));
      drafts.push(
        self({ createdAt: selfCreated, submittedAt: selfSubmitted, finalizedAt: finalized, updatedAt: finalized }),
      );
      drafts.push(
        managerSide({
          createdAt: managerCreated,
          submittedAt: managerSubmitted,
          finalizedAt: finalized,
          updatedAt: finalized,
        }),
      );
      calibrate(managerSubmitted);
    }
  }

  // Insert in a stable order: by cycle, then subject order, self before manager.
  const subjectOrder = new Map(employees.map((n, i) => [n, i]));
  drafts.sort(
    (a, b) =>
      a.cycle - b.cycle ||
      subjectOrder.get(a.subject)! - subjectOrder.get(b.subject)! ||
      (a.kind === b.kind ? 0 : a.kind === "self" ? -1 : 1),
  );

  const assessmentKey = (cycle: number, subjectId: number, kind: string) => `${cycle}:${subjectId}:${kind}`;
  const assessmentId = new Map<string, number>();
  for (const batch of chunks(drafts, CHUNK)) {
    const rows = await tx
      .insert(assessments)
      .values(
        batch.map((a) => ({
          cycleId: cycleId(a.cycle),
          subjectId: idOf(a.subject),
          kind: a.kind,
          authorId: idOf(a.author),
          teamId: teamId.get(a.team)!,
          roleVersionId: a.roleVersion ? versionId.get(a.roleVersion)! : null,
          ...nullableShareColumns(a.mix),
          judgment: a.ratings?.judgment ?? null,
          communication: a.ratings?.communication ?? null,
          stakeholders: a.ratings?.stakeholders ?? null,
          systemsThinking: a.ratings?.systemsThinking ?? null,
          ownership: a.ratings?.ownership ?? null,
          notes: a.notes,
          status: a.status,
          submittedAt: a.submittedAt,
          finalizedAt: a.finalizedAt,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
        })),
      )
      .returning({
        id: assessments.id,
        cycleId: assessments.cycleId,
        subjectId: assessments.subjectId,
        kind: assessments.kind,
      });
    for (const row of rows) assessmentId.set(assessmentKey(row.cycleId, row.subjectId, row.kind), row.id);
  }
  const idOfAssessment = (cycle: number, subject: string, kind: AssessmentKind) =>
    assessmentId.get(assessmentKey(cycleId(cycle), idOf(subject), kind))!;

  const taskRows: (typeof assessmentTasks.$inferInsert)[] = [];
  for (const a of drafts) {
    const id = idOfAssessment(a.cycle, a.subject, a.kind);
    a.tasks.forEach((t, position) =>
      taskRows.push({ assessmentId: id, position, text: t.text, level: t.level, aiUsed: t.aiUsed }),
    );
  }
  for (const batch of chunks(taskRows, CHUNK)) await tx.insert(assessmentTasks).values(batch);

  const calibrationRows: (typeof calibrationRecords.$inferInsert)[] = calibrations.map((c) => ({
    assessmentId: idOfAssessment(c.cycle, c.subject, "manager"),
    changedById: idOf(c.manager),
    field: "level_mix",
    fromValue: shareColumns(c.from),
    toValue: shareColumns(c.to),
    reason: c.reason,
    createdAt: c.createdAt,
  }));
  for (const batch of chunks(calibrationRows, CHUNK)) await tx.insert(calibrationRecords).values(batch);

  const pastCycleIds = cycleDefs.filter((c) => c.index !== OPEN_CYCLE).map((c) => cycleId(c.index));
  await tx.update(reviewCycles).set({ status: "closed" }).where(inArray(reviewCycles.id, pastCycleIds));

  return {
    departments: departmentRows.length,
    teams: teamRows.length,
    people: personRows.length,
    cycles: cycleRows.length,
    assessments: drafts.length,
    assessmentTasks: taskRows.length,
    calibrationRecords: calibrationRows.length,
  };
}

/** Inserts the whole demo organisation in one transaction: all of it or none of it. */
export async function seedDemoOrganisation(db: Database): Promise<SeedSummary> {
  await ensureReferenceData(db);
  return db.transaction(async (tx) => {
    const summary = await seedInTransaction(tx);
    await linkDemoRolesToOccupations(tx);
    return summary;
  });
}

/** Seeds the demo organisation only into a database without people; null when it already has some. */
export async function seedDemoOrganisationIfEmpty(db: Database): Promise<SeedSummary | null> {
  await ensureReferenceData(db);
  return db.transaction(async (tx) => {
    // Two processes starting at once: the second waits here, then finds the first one's people.
    await tx.execute(sql`lock table ${people} in share row exclusive mode`);
    const existing = await tx.select({ id: people.id }).from(people).limit(1);
    if (existing.length > 0) return null;
    const summary = await seedInTransaction(tx);
    await linkDemoRolesToOccupations(tx);
    return summary;
  });
}
