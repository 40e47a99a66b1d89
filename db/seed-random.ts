/**
 * Small deterministic helpers for the demo seed: a seeded PRNG (mulberry32) and the rounding of
 * fractional level shares to whole percents that sum to exactly 100. No Math.random anywhere.
 */

/** 32-bit FNV-1a hash of a string, used to derive one independent PRNG stream per purpose. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Whole number in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** Approximately normal (Irwin–Hall of 4 uniforms), mean 0 and the given standard deviation. */
  normal(sd?: number): number;
  pick<T>(items: readonly T[]): T;
  /** An index drawn in proportion to the (non-negative) weights. */
  weighted(weights: readonly number[]): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
};

export function createRandom(seed: number | string): Random {
  const next = mulberry32(typeof seed === "string" ? hashString(seed) : seed);
  const random: Random = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    normal: (sd = 1) => (next() + next() + next() + next() - 2) * Math.sqrt(3) * sd,
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick needs at least one item");
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (weights) => {
      const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
      if (total <= 0) return Math.floor(next() * weights.length);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= Math.max(0, weights[i]!);
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
  return random;
}

/**
 * Whole percents from any five non-negative weights: each clamped to 0..100, scaled to a total of
 * 100, floored, and the remainder handed to the largest fractional parts (ties to the lower level).
 */
export function roundShares(values: readonly number[]): [number, number, number, number, number] {
  if (values.length !== 5) throw new RangeError("roundShares needs exactly five values");
  const clamped = values.map((v) => (Number.isFinite(v) ? Math.min(100, Math.max(0, v)) : 0));
  const total = clamped.reduce((sum, v) => sum + v, 0);
  const scaled = total > 0 ? clamped.map((v) => (v * 100) / total) : [100, 0, 0, 0, 0];
  const floored = scaled.map((v) => Math.floor(v));
  let remainder = 100 - floored.reduce((sum, v) => sum + v, 0);
  const order = scaled.map((v, i) => ({ i, frac: v - Math.floor(v) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; remainder > 0; k = (k + 1) % 5, remainder--) floored[order[k]!.i]! += 1;
  return floored as [number, number, number, number, number];
}
