/**
 * Who works where in which quarter, and the assessments each quarter produces: the self-assessment,
 * the manager's review and, where they disagree, the calibration. Pure: rows are drafted here by
 * name and turned into database rows by `db/seed.ts`.
 */
import type { AssessmentKind, AssessmentStatus } from "../schema";
import { createRandom } from "../seed-random";
import {
  adoptionAt,
  baselineAt,
  cycleInfo,
  leverage,
  managerTasks,
  maxShareDifference,
  noisy,
  ratingsFor,
  roleKey,
  shiftLeverage,
  type TaskDraft,
  tasksFor,
  workTime,
} from "./model";
import {
  CYCLE_COUNT,
  MANAGER_NOTES,
  MAYA,
  MOVERS,
  OPEN_CYCLE,
  OPEN_CYCLE_PINNED,
  OPEN_CYCLE_QUOTAS,
  type OpenStatus,
  REASONS_DOWN,
  REASONS_UP,
  SELF_NOTES,
  TEAMS,
  type Vec,
} from "./northwind";

export type AssessmentDraft = {
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

export type CalibrationDraft = {
  cycle: number;
  subject: string;
  manager: string;
  from: Vec;
  to: Vec;
  reason: string;
  createdAt: Date;
};

/** A spell in one team and role, from a quarter on. */
export type Stint = { team: string; role: number; fromCycle: number };

/** Everyone who is reviewed, in the order the teams list them. */
const EMPLOYEES = TEAMS.flatMap((t) => t.members.map(([name]) => name));

/** Each employee's stints: one, or two for the people who moved team. */
export function teamHistory(): Map<string, Stint[]> {
  const movers = new Map(MOVERS.map((m) => [m.name, m]));
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
  return history;
}

function openCycleStatuses(): Map<string, OpenStatus> {
  const openStatus = new Map<string, OpenStatus>(OPEN_CYCLE_PINNED);
  const pool: OpenStatus[] = [];
  for (const [status, share] of OPEN_CYCLE_QUOTAS) {
    const already = [...openStatus.values()].filter((s) => s === status).length;
    for (let i = already; i < Math.round(share * EMPLOYEES.length); i++) pool.push(status);
  }
  const rest = createRandom("open-cycle").shuffle(EMPLOYEES.filter((n) => !openStatus.has(n)));
  rest.forEach((name, i) => {
    openStatus.set(name, pool[i] ?? "self_submitted");
  });
  return openStatus;
}

/** What stays with a person across quarters: how their mix differs from the team's, how they rate themselves. */
function personProfile(name: string) {
  const pr = createRandom(`person:${name}`);
  const perturb = [0, 1, 2, 3, 4].map(() => pr.normal(1));
  const offsetL = pr.normal(0.1);
  const roll = pr.next();
  const gapBias = roll < 0.1 ? pr.uniform(-0.2, 0) : roll < 0.2 ? pr.uniform(0.45, 0.65) : pr.uniform(0.08, 0.3);
  const trait = [0, 1, 2, 3, 4].map(() => pr.normal(0.35));
  return { perturb, offsetL, gapBias, trait };
}

type Quarter = ReturnType<typeof quarterFor>;

/** One person's quarter: both views of their mix, tasks, notes and ratings, and draft builders for each side. */
function quarterFor(name: string, profile: ReturnType<typeof personProfile>, cycle: number, stint: Stint) {
  const r = createRandom(`assessment:${name}:${cycle}`);
  const team = TEAMS.find((t) => t.name === stint.team)!;
  const role = team.roles[stint.role]!;
  const version = role.v2 && cycle >= role.v2.fromCycle ? 2 : 1;
  const roleVersion = `${roleKey(team.name, stint.role)}@${version}`;
  const adoption = adoptionAt(team, cycle);
  const { startsOn, endsOn } = cycleInfo(cycle);

  // The manager's view is the "true" mix: team baseline, the person's lasting profile, noise.
  const base = baselineAt(team, cycle);
  const personal = base.map((b, k) => b + profile.perturb[k]! * (0.4 + 0.08 * b));
  const managerMix = shiftLeverage(noisy(personal, r, 0.3, 0.05), role.tilt + profile.offsetL + r.normal(0.04), r);
  // The employee tends to place their own work a little higher.
  const selfMix = shiftLeverage(noisy(managerMix, r, 0.3, 0.05), profile.gapBias + r.normal(0.07), r);
  const selfL = leverage(selfMix);
  const managerL = leverage(managerMix);
  const selfTasks = tasksFor(team, selfMix, r.int(3, 6), adoption, r);
  return { r, name, cycle, team, roleVersion, selfMix, managerMix, selfL, managerL, selfTasks, startsOn, endsOn };
}

/** The notes, ratings and calibration reason of a quarter, drawn after its mixes and tasks. */
function quarterDrafts(q: Quarter, profile: ReturnType<typeof personProfile>, previousL: number | null) {
  const { r } = q;
  const trend = previousL !== null && q.managerL - previousL >= 0.08 ? "up" : "steady";
  const selfNotes = r.chance(0.6) ? r.pick(SELF_NOTES[trend]) : "";
  const managerNotes = r.chance(0.5) ? r.pick(MANAGER_NOTES[trend]) : "";
  const selfRatings = ratingsFor(q.selfL, profile.trait, 0.2, r);
  const managerRatings = ratingsFor(q.managerL, profile.trait, 0, r);
  const needsCalibration = maxShareDifference(q.selfMix, q.managerMix) > 10;
  const reason = r.pick(q.managerL < q.selfL ? REASONS_DOWN : REASONS_UP);
  const manager = q.team.manager;
  const common = { cycle: q.cycle, subject: q.name, team: q.team.name, roleVersion: q.roleVersion };
  const unset = { status: "finalized" as const, submittedAt: null, finalizedAt: null };
  return {
    self: (over: Partial<AssessmentDraft> & Pick<AssessmentDraft, "createdAt" | "updatedAt">): AssessmentDraft => ({
      ...common,
      kind: "self",
      author: q.name,
      mix: q.selfMix,
      ratings: selfRatings,
      notes: selfNotes,
      ...unset,
      tasks: q.selfTasks,
      ...over,
    }),
    // The manager's tasks are drawn when the review is drafted, after its dates.
    manager: (over: Partial<AssessmentDraft> & Pick<AssessmentDraft, "createdAt" | "updatedAt">): AssessmentDraft => ({
      ...common,
      kind: "manager",
      author: manager,
      mix: q.managerMix,
      ratings: managerRatings,
      notes: managerNotes,
      ...unset,
      tasks: managerTasks(q.selfTasks, q.selfL, q.managerL, r),
      ...over,
    }),
    calibration: (createdAt: Date): CalibrationDraft[] =>
      needsCalibration
        ? [{ cycle: q.cycle, subject: q.name, manager, from: q.selfMix, to: q.managerMix, reason, createdAt }]
        : [],
  };
}

type Drafted = { assessments: AssessmentDraft[]; calibrations: CalibrationDraft[] };
type Drafts = ReturnType<typeof quarterDrafts>;

type Finalized = Record<"selfCreated" | "selfSubmitted" | "managerCreated" | "managerSubmitted" | "finalized", Date>;

/** Both sides submitted and finalized together, with the calibration if the manager changed the mix. */
function finalizedPair(d: Drafts, at: Finalized): Drafted {
  const self = d.self({
    createdAt: at.selfCreated,
    submittedAt: at.selfSubmitted,
    finalizedAt: at.finalized,
    updatedAt: at.finalized,
  });
  const review = d.manager({
    createdAt: at.managerCreated,
    submittedAt: at.managerSubmitted,
    finalizedAt: at.finalized,
    updatedAt: at.finalized,
  });
  return { assessments: [self, review], calibrations: d.calibration(at.managerSubmitted) };
}

/** A closed quarter: self-assessment in the last weeks, manager review just after quarter end. */
function closedQuarter(q: Quarter, d: Drafts): Drafted {
  const { r, endsOn } = q;
  const selfCreated = workTime(r, endsOn, -r.int(18, 28));
  const selfSubmitted = workTime(r, endsOn, -r.int(2, 12));
  const managerCreated = workTime(r, endsOn, r.int(-1, 1));
  const managerSubmitted = workTime(r, endsOn, r.int(2, 9));
  const finalized = workTime(r, endsOn, 10 + r.int(0, 4));
  return finalizedPair(d, { selfCreated, selfSubmitted, managerCreated, managerSubmitted, finalized });
}

/** The open quarter (2026 Q4): everyone somewhere along the way. */
function openQuarter(q: Quarter, d: Drafts, status: OpenStatus, draftWithShares: () => boolean): Drafted {
  const none: Drafted = { assessments: [], calibrations: [] };
  if (status === "none") return none;
  const { r, startsOn, selfTasks } = q;
  const selfCreated = workTime(r, startsOn, r.int(8, 30));
  const selfSubmitted = workTime(r, startsOn, 31 + r.int(0, 6));
  if (status === "self_draft") {
    const isMaya = q.name === MAYA.name;
    const withShares = isMaya || draftWithShares();
    const draft = d.self({
      status: "draft",
      ...(withShares ? {} : { mix: null, ratings: null }),
      notes: isMaya ? MAYA.draftNote : "",
      tasks: withShares ? selfTasks.slice(0, Math.max(3, selfTasks.length - 1)) : selfTasks.slice(0, r.int(0, 2)),
      createdAt: selfCreated,
      updatedAt: workTime(r, startsOn, 31 + r.int(0, 12)),
    });
    return { assessments: [draft], calibrations: [] };
  }
  const submitted = d.self({
    status: "submitted",
    createdAt: selfCreated,
    submittedAt: selfSubmitted,
    updatedAt: selfSubmitted,
  });
  if (status === "self_submitted") return { assessments: [submitted], calibrations: [] };
  const managerCreated = workTime(r, startsOn, 38 + r.int(0, 3));
  const managerSubmitted = workTime(r, startsOn, 42 + r.int(0, 3));
  if (status === "manager_pending") {
    if (r.chance(0.5)) {
      const review = d.manager({ status: "draft", createdAt: managerCreated, updatedAt: managerCreated });
      return { assessments: [submitted, review], calibrations: [] };
    }
    const review = d.manager({
      status: "submitted",
      createdAt: managerCreated,
      submittedAt: managerSubmitted,
      updatedAt: managerSubmitted,
    });
    return { assessments: [submitted, review], calibrations: d.calibration(managerSubmitted) };
  }
  const finalized = workTime(r, startsOn, 46 + r.int(0, 2));
  return finalizedPair(d, { selfCreated, selfSubmitted, managerCreated, managerSubmitted, finalized });
}

function stintAt(stints: Stint[], cycle: number) {
  return [...stints].reverse().find((s) => s.fromCycle <= cycle)!;
}

/** Every assessment and calibration of the eight quarters, in a stable order: by cycle, subject, self first. */
export function draftAssessments(history: Map<string, Stint[]>): Drafted {
  const openStatus = openCycleStatuses();
  let draftsSoFar = 0;
  const draftWithShares = () => draftsSoFar++ % 2 === 1;
  const out: Drafted = { assessments: [], calibrations: [] };
  for (const name of EMPLOYEES) {
    const profile = personProfile(name);
    let previousL: number | null = null;
    for (let cycle = 0; cycle < CYCLE_COUNT; cycle++) {
      const q = quarterFor(name, profile, cycle, stintAt(history.get(name)!, cycle));
      const d = quarterDrafts(q, profile, previousL);
      previousL = q.managerL;
      const drafted =
        cycle === OPEN_CYCLE ? openQuarter(q, d, openStatus.get(name)!, draftWithShares) : closedQuarter(q, d);
      out.assessments.push(...drafted.assessments);
      out.calibrations.push(...drafted.calibrations);
    }
  }
  const subjectOrder = new Map(EMPLOYEES.map((n, i) => [n, i]));
  out.assessments.sort(
    (a, b) =>
      a.cycle - b.cycle ||
      subjectOrder.get(a.subject)! - subjectOrder.get(b.subject)! ||
      (a.kind === b.kind ? 0 : a.kind === "self" ? -1 : 1),
  );
  return out;
}
