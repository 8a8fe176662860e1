/**
 * Public results: what the public may see of a published edition. The open-data document of an
 * edition as the database holds it (every round, its counted sheets under judge pseudonyms, the
 * awards), the page of /editions/:year in one language, and the open-data files (CSV, JSON),
 * built once per edition and language and then served from the public cache.
 *
 * Nothing shows before publication: every public entry point answers 404 until then.
 */
import type { Statement } from 'better-sqlite3';
import { invariantResponse } from '@epic-web/invariant';
import { and, eq, sql } from 'drizzle-orm';
import {
  buildOpenResults,
  judgePseudonyms,
  type OpenAward,
  type OpenDataInput,
  type OpenResults,
  resultsCsv,
  scoresCsv,
} from '~/domain/open-data';
import { roundPublicScore, roundScaleOf, scoreOutOf100 } from '~/domain/public-score';
import { RANKED_STATUSES } from '~/domain/statuses';
import type { DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { editionRounds, type Edition, type Round } from './editions.server';
import { cachedPublic, publicFileResponse, type PublicEntry } from './public-cache.server';
import {
  conflictsOf,
  criterionRows,
  publishedRound,
  rankedApplications,
  submittedSheetsOf,
  trackRows,
  type CriterionRow,
  type RankedApplication,
  type TrackRow,
} from './rankings.server';

// ─── Open results (everything the public may see of a round) ───────────────

/** Judge pseudonyms of an edition: every judge who submitted a sheet in any of its rounds, by user id. */
function pseudonymsOf(db: DbOrTx, editionId: number): Map<number, string> {
  const sh = schema.scoresheets;
  const r = schema.rounds;
  const rows = db
    .selectDistinct({ judgeId: sh.judgeId })
    .from(sh)
    .innerJoin(r, eq(r.id, sh.roundId))
    .where(and(eq(r.editionId, editionId), eq(sh.status, 'submitted')))
    .all();
  return judgePseudonyms(rows.map((row) => row.judgeId));
}

export function voteCountsOf(db: DbOrTx, editionId: number) {
  const v = schema.votes;
  return db
    .select({ applicationId: v.applicationId, votes: sql<number>`count(*)` })
    .from(v)
    .where(eq(v.editionId, editionId))
    .groupBy(v.applicationId)
    .all();
}

export function awardsOf(db: DbOrTx, editionId: number): OpenAward[] {
  const w = schema.awards;
  return db
    .select({ kind: w.kind, place: w.place, trackId: w.trackId, applicationId: w.applicationId })
    .from(w)
    .where(eq(w.editionId, editionId))
    .all();
}

interface LoadedResults extends OpenResults {
  applications: RankedApplication[];
  tracks: TrackRow[];
  criteria: CriterionRow[];
  rounds: Round[];
}

/** The open-data input of an edition as the database holds it, and what the engine makes of it. */
export function loadOpenResults(db: DbOrTx, edition: Edition): LoadedResults {
  const criteria = criterionRows(db, edition.id);
  const tracks = trackRows(db, edition.id);
  const rounds = editionRounds(edition.id, db);
  const applications = rankedApplications(db, edition.id, RANKED_STATUSES.screening);
  const statusOf = new Map(applications.map((a) => [a.id, a.status]));
  const input: OpenDataInput = {
    edition: { year: edition.year, name: edition.name, publishedAt: edition.publishedAt },
    criteria,
    tracks,
    applications: applications.map((a) => ({ id: a.id, startupName: a.startupName, consent: a.consent, trackId: a.trackId })),
    rounds: rounds.map((round) => ({
      ...publishedRound(round),
      applicationIds: applications
        .filter((a) => (RANKED_STATUSES[round.kind] as readonly string[]).includes(statusOf.get(a.id)!))
        .map((a) => a.id),
      sheets: submittedSheetsOf(db, round.id),
    })),
    conflicts: conflictsOf(db, edition.id),
    votes: voteCountsOf(db, edition.id),
    awards: awardsOf(db, edition.id),
    pseudonyms: pseudonymsOf(db, edition.id),
  };
  return { ...buildOpenResults(input), applications, tracks, criteria, rounds };
}

// ─── The public side ────────────────────────────────────────────────────────

/** The edition of a public URL if its results are published; a 404 otherwise (nothing shows before). */
export function publishedEditionOrNotFound(edition: Edition): Edition {
  invariantResponse(edition.status === 'published', 'Not Found', { status: 404 });
  return edition;
}

/**
 * What the public pages of a published edition depend on besides its frozen results: names,
 * consent to publication, logos, tracks. Compared on every request (one small query), so that a
 * founder withdrawing consent after publication is honoured at once, cache or not.
 */
export function publicFingerprint(edition: Edition): string {
  return [
    edition.id,
    edition.year,
    edition.name,
    edition.nameFr,
    edition.city,
    edition.venue,
    edition.descriptionFr,
    edition.descriptionEn,
    edition.status,
    edition.publishedAt?.getTime() ?? '',
    publicRowsFingerprint(edition.id),
  ].join('\u001f');
}

/** The applications' and tracks' part of the fingerprint (also read by frozen-pages.server.ts). */
export function publicRowsFingerprint(editionId: number): string {
  const client = getDb().$client;
  let statement = fingerprintStatements.get(client);
  if (!statement) {
    // Prepared once per connection: this runs on every public request, cache hit or not.
    statement = client.prepare(FINGERPRINT_SQL).pluck();
    fingerprintStatements.set(client, statement);
  }
  return (statement.get(editionId, editionId) as string | null) ?? '';
}

const FINGERPRINT_SQL = `
  SELECT coalesce((SELECT group_concat(id || ':' || status || ':' || consent_to_publication || ':' || ifnull(logo_file_id, '') || ':'
                                       || ifnull(track_id, '') || ':' || startup_name || ':' || one_liner || ':' || ifnull(country, ''), char(30))
                     FROM applications WHERE edition_id = ? AND status NOT IN ('draft', 'withdrawn')), '')
         || char(29) ||
         coalesce((SELECT group_concat(id || ':' || name_en || ':' || name_fr, char(30)) FROM tracks WHERE edition_id = ?), '')`;

const fingerprintStatements = new WeakMap<object, Statement>();

/** results.json of a published edition. */
export function publishedResults(edition: Edition): OpenResults {
  return loadOpenResults(getDb(), publishedEditionOrNotFound(edition));
}

export interface PublicPageRow {
  applicationId: number;
  rank: number | null;
  tie: boolean;
  name: string;
  track: string | null;
  score: number | null;
  /** The score out of 100 the page shows (app/domain/public-score.ts), one decimal; null if unranked. */
  points: number | null;
  sheets: number;
  /** Mean normalised value per criterion (0–1), in the criteria's display order. */
  means: number[];
}

/** The public results of a published edition in one language: what /editions/:year shows. */
export function publicResultsView(edition: Edition, lang: 'fr' | 'en') {
  const loaded = loadOpenResults(getDb(), publishedEditionOrNotFound(edition));
  const { document, rankings, publicNames, applications, tracks, criteria } = loaded;
  const localName = (x: { nameEn: string; nameFr: string }) => (lang === 'fr' ? x.nameFr : x.nameEn);
  const trackName = new Map(tracks.map((t) => [t.id, localName(t)]));
  const app = new Map(applications.map((a) => [a.id, a]));
  const rowsOf = (roundId: number): PublicPageRow[] => {
    const ranking = rankings.get(roundId)!;
    const scale = roundScaleOf(ranking.countedSheets.map((s) => s.total));
    const row = (id: number, rank: number | null, tie: boolean, score: number | null, sheets: number, means: Record<number, number>) => ({
      applicationId: id,
      rank,
      tie,
      name: publicNames.get(id)!,
      track: trackName.get(app.get(id)?.trackId ?? -1) ?? null,
      score,
      points: score === null ? null : roundPublicScore(scoreOutOf100(ranking.method, score, scale)),
      sheets,
      means: criteria.map((c) => means[c.id] ?? 0),
    });
    return [
      ...ranking.ranked.map((r) => row(r.applicationId, r.rank, r.tie, r.score, r.sheets, r.criterionMeans)),
      ...ranking.unranked.map((u) => row(u.applicationId, null, false, null, u.sheets, u.criterionMeans)),
    ];
  };
  const roundView = (kind: Round['kind']) => {
    const round = document.rounds.find((r) => r.kind === kind);
    if (!round) return null;
    return {
      id: round.id,
      name: lang === 'fr' ? round.nameFr : round.name,
      method: round.method,
      minSheets: round.minSheets,
      seal: round.seal,
      sealedAt: round.sealedAt,
      sheets: round.sheets.length,
      judges: new Set(round.sheets.map((s) => s.judge)).size,
      rows: rowsOf(round.id),
    };
  };
  const winner = (applicationId: number) => {
    const a = app.get(applicationId);
    const consent = Boolean(a?.consent);
    return {
      applicationId,
      name: publicNames.get(applicationId)!,
      named: consent,
      oneLiner: consent && a?.oneLiner ? a.oneLiner : null,
      country: consent ? countryName(lang, a?.country ?? null) : null,
      track: trackName.get(a?.trackId ?? -1) ?? null,
      // /files/:id serves a logo to everyone only for a published, consenting finalist or winner.
      logoUrl: consent && a?.logoFileId ? `/files/${a.logoFileId}` : null,
    };
  };
  const votesOf = new Map((document.peoplesChoice ?? []).map((v) => [v.applicationId, v.votes]));
  return {
    publishedAt: document.edition.publishedAt,
    seal: document.seal,
    criteria: criteria.map((c) => ({ id: c.id, name: localName(c), weight: c.weight, min: c.min, max: c.max })),
    final: roundView('final'),
    screening: roundView('screening'),
    podium: document.awards.filter((a) => a.kind === 'overall').map((a) => ({ place: a.place, ...winner(a.applicationId) })),
    trackWinners: document.awards
      .filter((a) => a.kind === 'track')
      .map((a) => ({ trackName: trackName.get(a.track ?? -1) ?? '', ...winner(a.applicationId) })),
    peoplesChoice: document.awards
      .filter((a) => a.kind === 'peoples_choice')
      .map((a) => ({ votes: votesOf.get(a.applicationId) ?? 0, ...winner(a.applicationId) })),
    votesCast: (document.peoplesChoice ?? []).reduce((sum, v) => sum + v.votes, 0),
  };
}

export type PublicResultsView = ReturnType<typeof publicResultsView>;

/** A country's name in the page's language, from its ISO 3166 code (on the server: no hydration drift). */
function countryName(lang: 'fr' | 'en', code: string | null): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([lang === 'fr' ? 'fr-FR' : 'en-GB'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The public page's data of a published edition in one language, built once and then reused. */
export function publicResultsPage(edition: Edition, lang: 'fr' | 'en'): PublicEntry<PublicResultsView> {
  publishedEditionOrNotFound(edition);
  return cachedPublic({ year: edition.year, lang, format: 'page' }, publicFingerprint(edition), () => publicResultsView(edition, lang));
}

export type OpenDataFormat = 'results.json' | 'results.csv' | 'scores.csv';

const OPEN_DATA_WRITERS: Record<OpenDataFormat, (document: OpenResults['document']) => string> = {
  'results.json': (document) => `${JSON.stringify(document, null, 2)}\n`,
  'results.csv': resultsCsv,
  'scores.csv': scoresCsv,
};

/** One open-data file of a published edition (404 before publication), with caching headers. */
export function openDataResponse(request: Request, edition: Edition, format: OpenDataFormat): Response {
  publishedEditionOrNotFound(edition);
  const entry = cachedPublic(
    // Open data is language-neutral: both languages' names are in it.
    { year: edition.year, lang: 'und', format },
    publicFingerprint(edition),
    () => publishedResults(edition).document,
    OPEN_DATA_WRITERS[format],
  );
  return publicFileResponse(request, entry, format, `palmares-${edition.year}-${format}`);
}
