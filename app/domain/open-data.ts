/**
 * The open data of a published edition: results.json, results.csv and scores.csv, built from the
 * rounds' raw inputs by the ranking engine, so that the page, the files and anyone re-running the
 * method from the files get the same rankings.
 *
 * Privacy: judges appear as pseudonyms J1…Jn, numbered in the order of their user ids among the
 * judges who submitted a scoresheet in the edition (stable: published sheets are frozen), and a
 * startup that did not consent to publication appears as "Startup A<application id>".
 *
 * Pure: no I/O. The caller (app/utils/public-results.server.ts) reads the database.
 */
import { toCsv, type CsvCell } from './csv';
import {
  COMPARISON_DECIMALS,
  rankRound,
  rankVotes,
  roundForComparison,
  TRIMMED_MIN_SHEETS,
  ZSCORE_MIN_JUDGE_SHEETS,
  type RankingMethod,
  type RankingSheet,
  type RoundRanking,
} from './ranking';
import { compareSealScoresheets, SEAL_VERSION, type SealInput } from './seal';
import type { AWARD_KINDS, ROUND_KINDS } from './statuses';

export const LICENCE = {
  id: 'etalab-2.0',
  name: 'Licence Ouverte / Open Licence 2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

/** The label of a startup that did not consent to publication: neutral, stable, unique. */
export function neutralStartupLabel(applicationId: number): string {
  return `Startup A${applicationId}`;
}

/** J1…Jn in the order of the judges' user ids. */
export function judgePseudonyms(judgeIds: Iterable<number>): Map<number, string> {
  const sorted = [...new Set(judgeIds)].sort((a, b) => a - b);
  return new Map(sorted.map((id, i) => [id, `J${i + 1}`]));
}

// ─── Inputs ─────────────────────────────────────────────────────────────────

export interface OpenCriterion {
  id: number;
  nameEn: string;
  nameFr: string;
  weight: number;
  min: number;
  max: number;
  position: number;
}

export interface OpenTrack {
  id: number;
  nameEn: string;
  nameFr: string;
}

export interface OpenApplication {
  id: number;
  startupName: string;
  consent: boolean;
  trackId: number | null;
}

export interface OpenRound {
  id: number;
  kind: (typeof ROUND_KINDS)[number];
  nameEn: string;
  nameFr: string;
  method: RankingMethod;
  minSheets: number;
  sealHash: string | null;
  sealedAt: Date | null;
  /** The applications the round ranks (withdrawn ones already left out). */
  applicationIds: number[];
  /** Every scoresheet of the round; the engine keeps those that count. */
  sheets: RankingSheet[];
}

export interface OpenAward {
  kind: (typeof AWARD_KINDS)[number];
  place: number;
  trackId: number | null;
  applicationId: number;
}

export interface OpenDataInput {
  edition: { year: number; name: string; publishedAt: Date | null };
  criteria: OpenCriterion[];
  tracks: OpenTrack[];
  applications: OpenApplication[];
  rounds: OpenRound[];
  conflicts: { judgeId: number; applicationId: number }[];
  /** Votes per finalist; null or all zero when there was no people's choice vote. */
  votes: { applicationId: number; votes: number }[] | null;
  awards: OpenAward[];
  /** Judge user id → pseudonym (judgePseudonyms). */
  pseudonyms: ReadonlyMap<number, string>;
}

// ─── The document ───────────────────────────────────────────────────────────

export interface PublishedScoresheet {
  judge: string;
  applicationId: number;
  scores: Record<string, number>;
}

export interface ResultsDocument {
  licence: typeof LICENCE & { attribution: string };
  edition: { year: number; name: string; publishedAt: string | null };
  method: {
    page: string;
    comparisonDecimals: number;
    trimmedMinSheets: number;
    zscoreMinJudgeSheets: number;
    sealVersion: number;
  };
  criteria: { id: number; name: string; nameFr: string; weight: number; min: number; max: number; position: number }[];
  tracks: { id: number; name: string; nameFr: string }[];
  rounds: {
    id: number;
    kind: OpenRound['kind'];
    name: string;
    nameFr: string;
    method: RankingMethod;
    minSheets: number;
    seal: string | null;
    sealedAt: string | null;
    ranking: { rank: number; applicationId: number; startup: string; track: number | null; score: number; sheets: number; tie: boolean }[];
    unranked: { applicationId: number; startup: string; track: number | null; sheets: number }[];
    sheets: PublishedScoresheet[];
  }[];
  peoplesChoice: { rank: number; applicationId: number; startup: string; votes: number; tie: boolean }[] | null;
  awards: { kind: OpenAward['kind']; place: number; track: number | null; applicationId: number; startup: string }[];
  /** The seal of the final round (SHA-256 hex), or null if it was never sealed. */
  seal: string | null;
  sealedRound: number | null;
}

export interface OpenResults {
  document: ResultsDocument;
  /** The engine's full answer per round id (criterion means, spreads…), for the pages. */
  rankings: Map<number, RoundRanking>;
  /** Application id → the name the public sees. */
  publicNames: Map<number, string>;
}

export const METHOD_PAGE = '/method';

export function buildOpenResults(input: OpenDataInput): OpenResults {
  const publicNames = new Map(
    input.applications.map((a) => [a.id, a.consent && a.startupName.trim() ? a.startupName : neutralStartupLabel(a.id)]),
  );
  const trackOf = new Map(input.applications.map((a) => [a.id, a.trackId]));
  const nameOf = (id: number) => {
    const name = publicNames.get(id);
    if (name === undefined) throw new Error(`Open data: application ${id} is ranked but was not loaded.`);
    return name;
  };
  const criteria = [...input.criteria].sort((a, b) => a.position - b.position || a.id - b.id);
  const rankingCriteria = criteria.map((c) => ({ id: c.id, weight: c.weight, min: c.min, max: c.max, position: c.position }));
  const pseudonymOf = (judgeId: number) => {
    const pseudonym = input.pseudonyms.get(judgeId);
    if (!pseudonym) throw new Error(`Open data: judge ${judgeId} has a counted sheet but no pseudonym.`);
    return pseudonym;
  };

  const rankings = new Map<number, RoundRanking>();
  const rounds = input.rounds.map((round) => {
    // Ranked under the public names, so that ties still tied after every tie-break are listed
    // in the order anyone re-running the method from this file will find.
    const ranking = rankRound({
      criteria: rankingCriteria,
      method: round.method,
      minSheets: round.minSheets,
      applications: round.applicationIds.map((id) => ({ id, name: nameOf(id) })),
      sheets: round.sheets,
      conflicts: input.conflicts,
    });
    rankings.set(round.id, ranking);
    const sheets: PublishedScoresheet[] = ranking.countedSheets
      .map((s) => ({ judge: pseudonymOf(s.judgeId), applicationId: s.applicationId, scores: stringKeyed(s.scores) }))
      .sort(compareSealScoresheets);
    return {
      id: round.id,
      kind: round.kind,
      name: round.nameEn,
      nameFr: round.nameFr,
      method: round.method,
      minSheets: round.minSheets,
      seal: round.sealHash,
      sealedAt: round.sealedAt ? round.sealedAt.toISOString() : null,
      ranking: ranking.ranked.map((r) => ({
        rank: r.rank,
        applicationId: r.applicationId,
        startup: r.name,
        track: trackOf.get(r.applicationId) ?? null,
        // Published at the precision the method compares at (SCORING.md §3, COMPARISON_DECIMALS):
        // exactly the value the ranking ordered, without float noise (93.00411522633745 → 93.004115226).
        // Recomputing from the sheets gives it back to within 5e-10; the seal covers the sheets only.
        score: roundForComparison(r.score),
        sheets: r.sheets,
        tie: r.tie,
      })),
      unranked: ranking.unranked.map((u) => ({
        applicationId: u.applicationId,
        startup: u.name,
        track: trackOf.get(u.applicationId) ?? null,
        sheets: u.sheets,
      })),
      sheets,
    };
  });

  const final = input.rounds.find((r) => r.kind === 'final') ?? null;
  const voteTotal = (input.votes ?? []).reduce((sum, v) => sum + v.votes, 0);
  const peoplesChoice =
    final && input.votes && voteTotal > 0
      ? rankVotes(
          final.applicationIds.map((id) => ({
            applicationId: id,
            name: nameOf(id),
            votes: input.votes!.find((v) => v.applicationId === id)?.votes ?? 0,
          })),
        ).map((v) => ({ rank: v.rank, applicationId: v.applicationId, startup: v.name, votes: v.votes, tie: v.tie }))
      : null;

  const document: ResultsDocument = {
    licence: { ...LICENCE, attribution: `Palmarès — ${input.edition.name}` },
    edition: {
      year: input.edition.year,
      name: input.edition.name,
      publishedAt: input.edition.publishedAt ? input.edition.publishedAt.toISOString() : null,
    },
    method: {
      page: METHOD_PAGE,
      comparisonDecimals: COMPARISON_DECIMALS,
      trimmedMinSheets: TRIMMED_MIN_SHEETS,
      zscoreMinJudgeSheets: ZSCORE_MIN_JUDGE_SHEETS,
      sealVersion: SEAL_VERSION,
    },
    criteria: criteria.map((c) => ({
      id: c.id,
      name: c.nameEn,
      nameFr: c.nameFr,
      weight: c.weight,
      min: c.min,
      max: c.max,
      position: c.position,
    })),
    tracks: input.tracks.map((t) => ({ id: t.id, name: t.nameEn, nameFr: t.nameFr })),
    rounds,
    peoplesChoice,
    awards: [...input.awards]
      .sort((a, b) => AWARD_ORDER[a.kind] - AWARD_ORDER[b.kind] || (a.trackId ?? 0) - (b.trackId ?? 0) || a.place - b.place || a.applicationId - b.applicationId)
      .map((a) => ({ kind: a.kind, place: a.place, track: a.trackId, applicationId: a.applicationId, startup: nameOf(a.applicationId) })),
    seal: final?.sealHash ?? null,
    sealedRound: final?.sealHash ? final.id : null,
  };
  return { document, rankings, publicNames };
}

const AWARD_ORDER: Record<OpenAward['kind'], number> = { overall: 0, track: 1, peoples_choice: 2 };

function stringKeyed(scores: Record<number, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(scores)) out[id] = value;
  return out;
}

/** What the seal of a published round covers, read back from the document itself. */
export function sealInputOf(document: ResultsDocument, roundId: number): SealInput {
  const round = document.rounds.find((r) => r.id === roundId);
  if (!round) throw new Error(`Open data: no round ${roundId} in the document.`);
  return { edition: document.edition.year, round: round.id, method: round.method, minSheets: round.minSheets, sheets: round.sheets };
}

// ─── CSV ────────────────────────────────────────────────────────────────────

/** Comma-separated (RFC 4180), UTF-8 with a byte-order mark, CRLF line ends. */
const CSV_OPTIONS = { delimiter: ',', bom: true } as const;

export const RESULTS_CSV_COLUMNS = [
  'edition',
  'round_id',
  'round_kind',
  'round',
  'method',
  'rank',
  'tie',
  'application_id',
  'startup',
  'track',
  'score',
  'sheets',
  'status',
] as const;

export const SCORES_CSV_COLUMNS = [
  'edition',
  'round_id',
  'round_kind',
  'judge',
  'application_id',
  'startup',
  'criterion_id',
  'criterion',
  'weight',
  'min',
  'max',
  'value',
] as const;

/** The rankings: one row per application and round, ranked ones first, then "insufficient_scores". */
export function resultsCsv(document: ResultsDocument): string {
  const trackName = new Map(document.tracks.map((t) => [t.id, t.name]));
  const rows: CsvCell[][] = [[...RESULTS_CSV_COLUMNS]];
  for (const round of document.rounds) {
    const base = [document.edition.year, round.id, round.kind, round.name, round.method];
    for (const r of round.ranking) {
      rows.push([...base, r.rank, r.tie, r.applicationId, r.startup, r.track === null ? '' : trackName.get(r.track), r.score, r.sheets, 'ranked']);
    }
    for (const u of round.unranked) {
      rows.push([...base, '', false, u.applicationId, u.startup, u.track === null ? '' : trackName.get(u.track), '', u.sheets, 'insufficient_scores']);
    }
  }
  return toCsv(rows, CSV_OPTIONS);
}

/** The counted sheets: one row per sheet and criterion, in the order of results.json. */
export function scoresCsv(document: ResultsDocument): string {
  const rows: CsvCell[][] = [[...SCORES_CSV_COLUMNS]];
  for (const round of document.rounds) {
    const startup = new Map([...round.ranking, ...round.unranked].map((r) => [r.applicationId, r.startup]));
    for (const sheet of round.sheets) {
      for (const c of document.criteria) {
        rows.push([
          document.edition.year,
          round.id,
          round.kind,
          sheet.judge,
          sheet.applicationId,
          startup.get(sheet.applicationId),
          c.id,
          c.name,
          c.weight,
          c.min,
          c.max,
          sheet.scores[String(c.id)],
        ]);
      }
    }
  }
  return toCsv(rows, CSV_OPTIONS);
}

// ─── The reference script of the method page ────────────────────────────────

/**
 * A complete re-computation from results.json alone, in Python (the language most open-data
 * users read), shown on /method. tests/integration/open-data.test.ts runs it on a published
 * edition and expects every round and the seal to check out.
 */
export const RECOMPUTE_PYTHON = `# Recomputes every ranking of a Palmarès results.json, and the seal.
# Usage: python3 recompute.py results.json
import hashlib, json, math, sys

doc = json.load(open(sys.argv[1], encoding="utf-8"))
criteria = sorted(doc["criteria"], key=lambda c: (c["position"], c["id"]))
tie_break = sorted(criteria, key=lambda c: (-c["weight"], c["position"], c["id"]))
weights = sum(c["weight"] for c in criteria)

def norm(c, sheet):  # (x - lo) / (hi - lo)
    return (sheet["scores"][str(c["id"])] - c["min"]) / (c["max"] - c["min"])

def total(sheet):  # step 1: T(j,a), 0-100
    return 100 * sum(c["weight"] * norm(c, sheet) for c in criteria) / weights

def mean(xs):
    return sum(xs) / len(xs)

def sd(xs):  # population standard deviation
    m = mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / len(xs)) if len(xs) > 1 else 0.0

def r9(x):  # compared after rounding to 9 decimals (half up, like JavaScript)
    return math.floor(x * 1e9 + 0.5) / 1e9

ok = True
for rnd in doc["rounds"]:
    by_app, by_judge = {}, {}
    for s in rnd["sheets"]:
        by_app.setdefault(s["applicationId"], []).append(s)
        by_judge.setdefault(s["judge"], []).append(total(s))
    scale = {j: (mean(t), sd(t)) for j, t in by_judge.items() if len(t) >= 3 and r9(sd(t)) != 0}

    def score(sheets):  # step 2: the round's method
        t = [total(s) for s in sheets]
        if rnd["method"] == "trimmed" and len(t) >= 5:
            t = sorted(t)[1:-1]
        if rnd["method"] == "zscore":
            return mean([(total(s) - scale[s["judge"]][0]) / scale[s["judge"]][1]
                         if s["judge"] in scale else 0.0 for s in sheets])
        return mean(t)

    keys = {}
    for app, sheets in by_app.items():
        if len(sheets) >= rnd["minSheets"]:  # step 3: order, then tie-breaks
            keys[app] = tuple([r9(score(sheets))]
                              + [r9(mean([norm(c, s) for s in sheets])) for c in tie_break]
                              + [len(sheets)])
    ranks = {a: 1 + sum(1 for k in keys.values() if k > key) for a, key in keys.items()}
    published = {e["applicationId"]: e["rank"] for e in rnd["ranking"]}
    same = ranks == published
    ok = ok and same
    print(f'{rnd["name"]}: {len(ranks)} ranked, {"same ranks" if same else "DIFFERENT"}')

    if rnd["seal"]:  # step 4: the seal
        body = {"edition": doc["edition"]["year"], "method": rnd["method"],
                "minSheets": rnd["minSheets"], "round": rnd["id"], "version": 1,
                "sheets": sorted(({"applicationId": s["applicationId"], "judge": s["judge"],
                                   "scores": s["scores"]} for s in rnd["sheets"]),
                                 key=lambda s: (s["applicationId"], int(s["judge"][1:])))}
        text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        ok = ok and digest == rnd["seal"]
        print(f'{rnd["name"]}: seal {digest} {"matches" if digest == rnd["seal"] else "DIFFERS"}')

sys.exit(0 if ok else 1)
`;
