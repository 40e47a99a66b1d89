import { SHARE_KEYS } from "./formulas";

/** A level mix as typed into a form: a share may be blank (null) or not yet a whole number. */
export type TypedMix = {
  s1: number | null;
  s2: number | null;
  s3: number | null;
  s4: number | null;
  s5: number | null;
};

/** The running total of what has been typed; a blank counts as 0. */
export function typedTotal(mix: TypedMix) {
  return SHARE_KEYS.reduce((sum, k) => sum + (Number.isFinite(mix[k]) ? (mix[k] ?? 0) : 0), 0);
}

/**
 * Makes a typed mix add up to exactly 100 with the smallest visible change: blanks become 0, each
 * share a whole percent within 0–100, the remainder goes to the largest share, and an excess is
 * taken from the largest shares first.
 */
export function balanceMix(mix: TypedMix): TypedMix {
  const next: TypedMix = { ...mix };
  for (const k of SHARE_KEYS)
    next[k] = Math.max(0, Math.min(100, Math.round(Number.isFinite(next[k]) ? (next[k] ?? 0) : 0)));
  let remainder = 100 - typedTotal(next);
  const byLargest = [...SHARE_KEYS].sort((a, b) => next[b]! - next[a]!);
  if (remainder > 0) {
    next[byLargest[0]!] = next[byLargest[0]!]! + remainder;
  } else {
    for (const k of byLargest) {
      if (remainder === 0) break;
      const take = Math.min(next[k]!, -remainder);
      next[k] = next[k]! - take;
      remainder += take;
    }
  }
  return next;
}
