/**
 * The shortlist's rules that the page and the server share (pure): the ways of suggesting
 * finalists from the screening ranking, and what counts as a departure from it. A departure —
 * adding a lower-ranked application or dropping a higher-ranked one — needs a written reason
 * (app/utils/shortlist.server.ts confirmShortlist).
 */
export const SHORTLIST_MODES = ['overall', 'track'] as const;
export type ShortlistMode = (typeof SHORTLIST_MODES)[number];
export const DEFAULT_FINALISTS = 6;
export const MAX_FINALISTS = 50;

/**
 * The finalists the ranking suggests (pure): the top `n` overall, or the top `n` of each track
 * (applications without a track form a group of their own). A tie at the cut-off keeps every
 * tied application: choosing between them is a departure, and needs a reason.
 */
export function suggestFinalists(
  ranked: readonly { applicationId: number; rank: number }[],
  trackOf: ReadonlyMap<number, number | null>,
  mode: ShortlistMode,
  n: number,
): number[] {
  if (mode === 'overall') return ranked.filter((r) => r.rank <= n).map((r) => r.applicationId);
  const groups = new Map<number | null, { applicationId: number; rank: number }[]>();
  for (const r of ranked) {
    const track = trackOf.get(r.applicationId) ?? null;
    groups.set(track, [...(groups.get(track) ?? []), r]);
  }
  const chosen = new Set<number>();
  for (const entries of groups.values()) {
    // Within a track, a place is one more than the number of that track's entries strictly ahead.
    for (const entry of entries) {
      const ahead = entries.filter((other) => other.rank < entry.rank).length;
      if (ahead + 1 <= n) chosen.add(entry.applicationId);
    }
  }
  return ranked.filter((r) => chosen.has(r.applicationId)).map((r) => r.applicationId);
}

/** What a selection changes against the suggestion: added (lower-ranked or unranked) and dropped. */
export function departuresOf(suggested: readonly number[], selected: readonly number[]) {
  const s = new Set(suggested);
  const chosen = new Set(selected);
  return {
    added: [...chosen].filter((id) => !s.has(id)).sort((a, b) => a - b),
    dropped: [...s].filter((id) => !chosen.has(id)).sort((a, b) => a - b),
  };
}

