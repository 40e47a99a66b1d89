/**
 * The Northwind demo organisation as data: its departments, teams, people and roles, and the story
 * each team's quarters tell. `db/seed.ts` turns it into rows; nothing here touches the database.
 */

export type Vec = [number, number, number, number, number];
export type Level = 1 | 2 | 3 | 4 | 5;

export const COMPANY_DOMAIN = "northwind.example";

export const DEPARTMENTS = ["Finance", "Customer Operations", "Marketing", "Product & Data"] as const;

export const LEADERS = ["Priya Raman", "Marcus Whitfield", "Ingrid Solberg"] as const;
export const ADMINS = ["Sam Taylor"] as const;

type RoleSpec = {
  title: string;
  /** How far above (+) or below (−) the team's baseline leverage index this role sits. */
  tilt: number;
  description: string;
  /** A second version of the role's ladder mapping, created at the start of 2026 Q1. */
  v2?: { description: string; tilt: number; fromCycle: number };
};

export type TeamSpec = {
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

export const TEAMS: TeamSpec[] = [
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
export const MOVERS: { name: string; fromTeam: string; fromRole: number; atCycle: number }[] = [
  { name: "Nadia Haddad", fromTeam: "Accounts Payable", fromRole: 1, atCycle: 4 },
  { name: "Elif Yilmaz", fromTeam: "Customer Support", fromRole: 1, atCycle: 4 },
  { name: "Leo Martins", fromTeam: "Content & Brand", fromRole: 0, atCycle: 4 },
];

export const CYCLE_COUNT = 8;
export const OPEN_CYCLE = 7;
export const ORG_CREATED = "2024-11-18";

/** Notes by how the quarter went: the work moved up the ladder, or it stayed where it was. */
export const SELF_NOTES = {
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

export const MANAGER_NOTES = {
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

export const REASONS_DOWN = [
  "Most of the reporting is still prepared by hand, so more time sits at level 1 than the self-assessment shows.",
  "The recommendations were reviewed and decided by me this quarter, so some time moves from level 3 to level 2.",
  "Process design was a small share of the quarter; moved those points back to execution work.",
  "AI drafts the first version, but the work is still producing outputs: level 2 rather than level 3.",
  "Coordination was mostly scheduling this quarter, which is execution rather than system design.",
];

export const REASONS_UP = [
  "Took on more decision ownership than claimed; moved time up to level 3.",
  "Coordinating the month-end work with two other teams counts as level 4; adjusted upward.",
  "The new triage rules were designed end to end by them: that is system design, not execution.",
  "Much of the routine work now runs through AI tools; moved time from level 1 to level 2.",
];

/** Where everyone stands in the open quarter (2026 Q4). */
export type OpenStatus = "none" | "self_draft" | "self_submitted" | "manager_pending" | "finalized";

/** Maya's draft and the two reports who wait for Daniel's review; everyone else is drawn by the quotas. */
export const OPEN_CYCLE_PINNED: [string, OpenStatus][] = [
  ["Maya Chen", "self_draft"],
  ["Tomás Herrera", "self_submitted"],
  ["Grace Liu", "self_submitted"],
];

export const OPEN_CYCLE_QUOTAS: [OpenStatus, number][] = [
  ["none", 0.2],
  ["self_draft", 0.2],
  ["self_submitted", 0.25],
  ["manager_pending", 0.2],
  ["finalized", 0.15],
];

/** The demo's own account, whose draft is part of the walkthrough. */
export const MAYA = {
  name: "Maya Chen",
  draftNote: "Moved the variance commentary fully onto the AI-assisted workflow this quarter.",
};
