/**
 * A small seeded pseudo-random generator (mulberry32), so that anything drawn "at random"
 * in the domain (assignment tie-breaks) is reproducible from its seed: an organiser who
 * re-runs an assignment with the same seed gets the same result, and an auditor can check it.
 * Not for secrets: tokens come from node:crypto.
 */

/** The largest seed accepted (seeds are unsigned 32-bit integers). */
export const MAX_SEED = 0xffffffff;

export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  /** Fisher–Yates, on a copy. */
  shuffle<T>(items: readonly T[]): T[];
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return {
    next,
    below,
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = below(i + 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}
