/**
 * The public showcase of startups across editions (issue 15, docs/decisions/042), as pure rules:
 * which applications an entry shows, how far each went, the entry's address (slug) and the
 * filters of the list. app/utils/showcase.server.ts loads the rows and calls these.
 */
import { z } from 'zod';
import type { ApplicationStatus, EditionStatus } from './statuses';

export interface ShowcaseApplication {
  applicationId: number;
  startupId: number;
  year: number;
  editionStatus: EditionStatus;
  status: ApplicationStatus;
  consent: boolean;
  startupName: string;
  country: string | null;
  website: string | null;
  oneLiner: string;
  trackSlug: string | null;
  trackEn: string | null;
  trackFr: string | null;
  logoFileId: number | null;
  /** Had an assignment in the edition's final round. */
  inFinalRound: boolean;
  awards: ShowcaseAward[];
}

export interface ShowcaseAward {
  kind: 'overall' | 'track' | 'peoples_choice';
  place: number;
  trackEn: string | null;
  trackFr: string | null;
}

/** How far an application went: applied, the final, the podium (or a track's or the people's award). */
export type Stage = 'applied' | 'finalist' | 'winner';

export interface ShowcaseEntry {
  startupId: number;
  slug: string;
  /** From the most recent shown application. */
  name: string;
  country: string | null;
  website: string | null;
  oneLiner: string;
  logoFileId: number | null;
  /** Most recent first. */
  editions: (Pick<ShowcaseApplication, 'year' | 'trackSlug' | 'trackEn' | 'trackFr' | 'awards'> & { stage: Stage })[];
}

/**
 * What the public may see of an application: the founder consented to publication, the edition's
 * results are published (before that, even "was shortlisted" would leak them), and it was
 * submitted and not withdrawn.
 */
export function isShown(app: Pick<ShowcaseApplication, 'consent' | 'editionStatus' | 'status'>): boolean {
  return app.consent && app.editionStatus === 'published' && app.status !== 'draft' && app.status !== 'withdrawn';
}

export function stageOf(app: Pick<ShowcaseApplication, 'status' | 'inFinalRound' | 'awards'>): Stage {
  if (app.status === 'winner' || app.awards.length > 0) return 'winner';
  if (app.status === 'finalist' || app.inFinalRound) return 'finalist';
  return 'applied';
}

/** Lower-case ASCII words joined by hyphens: "Ville Ouverte!" → "ville-ouverte". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'startup';
}

/**
 * The entries of the showcase from every application: grouped by startup, keeping only what is
 * shown, an entry with nothing shown left out. Slugs come from the latest shown name; when two
 * entries would share one, every one of them but the oldest entry gets its id appended, so an
 * address never depends on the order of the list.
 */
export function showcaseEntries(applications: readonly ShowcaseApplication[]): ShowcaseEntry[] {
  const byStartup = new Map<number, ShowcaseApplication[]>();
  for (const app of applications) {
    if (!isShown(app)) continue;
    const list = byStartup.get(app.startupId) ?? [];
    list.push(app);
    byStartup.set(app.startupId, list);
  }
  const entries: ShowcaseEntry[] = [...byStartup].map(([startupId, apps]) => {
    const sorted = [...apps].sort((x, y) => y.year - x.year);
    const latest = sorted[0];
    return {
      startupId,
      slug: slugify(latest.startupName),
      name: latest.startupName,
      country: latest.country,
      website: latest.website,
      oneLiner: latest.oneLiner,
      // Logos are public for published finalists and winners only (app/utils/files.server.ts).
      logoFileId: sorted.find((a) => a.logoFileId !== null && (a.status === 'finalist' || a.status === 'winner'))?.logoFileId ?? null,
      editions: sorted.map((a) => ({ year: a.year, trackSlug: a.trackSlug, trackEn: a.trackEn, trackFr: a.trackFr, awards: a.awards, stage: stageOf(a) })),
    };
  });
  const oldestBySlug = new Map<string, number>();
  for (const entry of entries) oldestBySlug.set(entry.slug, Math.min(oldestBySlug.get(entry.slug) ?? Infinity, entry.startupId));
  for (const entry of entries) {
    if (oldestBySlug.get(entry.slug) !== entry.startupId) entry.slug = `${entry.slug}-${entry.startupId}`;
  }
  return entries.sort((x, y) => x.name.localeCompare(y.name, 'en') || x.startupId - y.startupId);
}

export const AWARD_FILTERS = ['any', 'overall', 'track', 'peoples_choice'] as const;
export type AwardFilter = (typeof AWARD_FILTERS)[number];

export interface ShowcaseFilters {
  track: string | null;
  country: string | null;
  award: AwardFilter | null;
}

/** The filters of a query string; anything unknown is no filter (the form is a plain GET). */
export function readFilters(params: URLSearchParams): ShowcaseFilters {
  const track = params.get('track');
  const country = params.get('country');
  const award = params.get('award');
  return {
    track: track && /^[a-z0-9-]{1,60}$/.test(track) ? track : null,
    country: country && /^[A-Z]{2}$/.test(country) ? country : null,
    award: (AWARD_FILTERS as readonly string[]).includes(award ?? '') ? (award as AwardFilter) : null,
  };
}

export function matchesFilters(entry: ShowcaseEntry, filters: ShowcaseFilters): boolean {
  if (filters.track && !entry.editions.some((e) => e.trackSlug === filters.track)) return false;
  if (filters.country && entry.country !== filters.country) return false;
  if (filters.award) {
    const awards = entry.editions.flatMap((e) => e.awards);
    if (filters.award === 'any' ? awards.length === 0 : !awards.some((a) => a.kind === filters.award)) return false;
  }
  return true;
}

// ─── The organiser's forms ───────────────────────────────────────────────────

const entryId = z.string({ error: 'showcase.errors.noEntry' }).regex(/^[1-9]\d{0,15}$/, 'showcase.errors.noEntry').transform(Number);

/** Moves every application of entry `from` into entry `into`. */
export const mergeSchema = z.object({ from: entryId, into: entryId });

/** Gives one application an entry of its own. */
export const splitSchema = z.object({ applicationId: entryId });
