/**
 * The arithmetic behind the demo story: quarter dates, a team's mix at a given quarter, the noise
 * that makes each person their own, and the tasks and ratings that go with a mix. Deterministic:
 * every random draw comes from the seeded stream passed in.
 */
import { type LevelMix, leverageIndex } from "../../lib/ladder/formulas";
import { type Random, roundShares } from "../seed-random";
import { COMPANY_DOMAIN, CYCLE_COUNT, type Level, type TeamSpec, type Vec } from "./northwind";

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

export function cycleInfo(index: number) {
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
export function at(date: string, plusDays = 0, hour = 9, minute = 0) {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + plusDays, hour, minute));
}

export function workTime(r: Random, date: string, plusDays: number) {
  return at(date, plusDays, r.int(8, 17), r.int(0, 59));
}

export function isoDate(date: Date) {
  return date.toISOString().slice(0, 10);
}

export function toMix(v: Vec): LevelMix {
  return { s1: v[0], s2: v[1], s3: v[2], s4: v[3], s5: v[4] };
}

export function leverage(v: Vec) {
  return leverageIndex(toMix(v));
}

export function baselineAt(team: TeamSpec, cycle: number): Vec {
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

export function adoptionAt(team: TeamSpec, cycle: number) {
  const [from, to] = team.adoption;
  return from + ((to - from) * cycle) / (CYCLE_COUNT - 1);
}

/**
 * Moves whole points between adjacent levels until L has changed by `delta` (0.01 per point):
 * upward from levels 1–4, downward from levels 2–5, each step from a level drawn by its share
 * (damped next to the top and bottom, so level 5 and level 1 change more slowly).
 */
export function shiftLeverage(mix: Vec, delta: number, r: Random): Vec {
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
export function noisy(base: readonly number[], r: Random, flat: number, proportional: number): Vec {
  return roundShares(base.map((b) => b + r.normal(flat + proportional * b)));
}

export function ratingsFor(L: number, trait: readonly number[], bonus: number, r: Random) {
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

export type TaskDraft = { text: string; level: Level; aiUsed: boolean };

function aiChance(level: Level, adoption: number) {
  if (level === 2) return 0.7 + 0.25 * adoption;
  return [0.12, 0, 0.35, 0.5, 0.3][level - 1]! * adoption;
}

/** 3–6 (or `count`) representative tasks, levels drawn from the mix, texts from the team's bank. */
export function tasksFor(team: TeamSpec, mix: Vec, count: number, adoption: number, r: Random): TaskDraft[] {
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
export function managerTasks(selfTasks: TaskDraft[], selfL: number, managerL: number, r: Random): TaskDraft[] {
  const gap = selfL - managerL;
  return selfTasks.map((t) => {
    if (gap > 0.2 && t.level > 1 && r.chance(0.3)) return { ...t, level: (t.level - 1) as Level };
    if (gap < -0.1 && t.level < 5 && r.chance(0.25)) return { ...t, level: (t.level + 1) as Level };
    return t;
  });
}

export function maxShareDifference(a: Vec, b: Vec) {
  return Math.max(...a.map((v, k) => Math.abs(v - b[k]!)));
}

/** The key of a team's role (by its index in the team's roles) in the seed's lookups. */
export const roleKey = (team: string, role: number) => `${team}#${role}`;
