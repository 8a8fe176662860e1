/**
 * The demo seed: six editions of the pitch competition (2018–2020 published, 2021 in
 * judging, 2022 open, 2023 on the evening of its live final), their people, applications,
 * scoresheets, awards, votes, the 2023 stage and the audit trail.
 *
 * Deterministic for a given `now`: every choice comes from a seeded generator (one stream per
 * purpose, so that changing one part of the story does not reshuffle the others), every
 * timestamp is written explicitly, and only 2022's application window (and what happens
 * inside it) is computed from `now`. The one thing that differs between two runs is the salt of
 * the password hashes.
 *
 * Finalists and winners are not typed in: 2018–2020 are shortlisted, sealed and published by
 * the functions the organiser's actions call (app/utils/shortlist.server.ts confirmShortlist, publication.server.ts
 * sealFinalRound, publishResults), on the scores written here, so their statuses, awards, seals
 * and audit events are what the application itself produces. The scores are drawn so that the
 * story holds (seed-data/editions.ts `stars`), and tests/integration/seed.test.ts checks that it does.
 */
import { createHash } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { rankRound, type RankingCriterion, type RankingSheet, type RoundRanking } from '../app/domain/ranking';
import { hashPassword } from '../app/utils/password.server';
import { suggestFinalists } from '../app/domain/shortlist';
import { initialStageState } from '../app/domain/stage';
import { auditRow, type AuditSink } from '../app/utils/audit.server';
import { publishResults, sealFinalRound } from '../app/utils/publication.server';
import { confirmShortlist } from '../app/utils/shortlist.server';
import { saveStage } from '../app/utils/stage.server';
import { linkUnlinkedApplications } from '../app/utils/showcase.server';
import type { Db } from './client';
import {
  applications,
  assignments,
  auditEvents,
  conflicts,
  criteria,
  editionJudges,
  editions,
  invitations,
  rounds,
  scores,
  scoresheets,
  tracks,
  users,
  votes,
  type EditionStatus,
  type RoundMethod,
  type UserRole,
} from './schema';
import {
  CITY,
  EDITIONS,
  ROUND_NAMES,
  TIME_ZONE,
  editionDescription,
  editionName,
  editionNameFr,
  type EditionSpec,
  type FinalEditionSpec,
  type JudgingEditionSpec,
  type OpenEditionSpec,
  type PublishedEditionSpec,
} from './seed-data/editions';
import { DEMO_FOUNDERS, DEMO_PASSWORD, JUDGES, ORGANISER, type Language } from './seed-data/people';
import { STARTUPS, type StartupSpec } from './seed-data/startups';
import { businessModelText, sheetComment, sinceLastText, teamText, tractionText, type Random } from './seed-data/text';

export interface SeedReport {
  seeded: boolean;
  accounts: { email: string; role: UserRole }[];
  editions: { year: number; status: EditionStatus; applications: number; scoresheets: number }[];
}

/** The seed only ever writes into a database with no edition and no user. */
export function isDatabaseEmpty(db: Db): boolean {
  return isEmpty(db);
}

function isEmpty(db: Db | Tx): boolean {
  const editionCount = db.select({ n: count() }).from(editions).get()?.n ?? 0;
  const userCount = db.select({ n: count() }).from(users).get()?.n ?? 0;
  return editionCount === 0 && userCount === 0;
}

/** A password hash no password matches (app/utils/password.server.ts). */
const LOCKED = 'locked';
const FINALISTS = 6;
const SEED = 0x5eed2018;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// ─── Deterministic randomness ───────────────────────────────────────────────

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

/** FNV-1a, to turn a stream's label into a seed. */
function fnv1a(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng implements Random {
  private readonly source: () => number;
  constructor(seed: number) {
    this.source = mulberry32(seed);
  }
  next(): number {
    return this.source();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.source() * (max - min + 1));
  }
  float(min: number, max: number): number {
    return min + this.source() * (max - min);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.source() * items.length)];
  }
  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i++) out += Math.floor(this.source() * 256).toString(16).padStart(2, '0');
    return out;
  }
  /** Fisher–Yates, on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.source() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

/** One generator per purpose: the same label always draws the same numbers. */
function stream(label: string): Rng {
  return new Rng((SEED ^ fnv1a(label)) >>> 0);
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// ─── Time ───────────────────────────────────────────────────────────────────

function at(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Seed: invalid date ${iso}`);
  return date;
}

/** A moment between two others, to the second. */
function between(rng: Rng, from: Date, to: Date): Date {
  const ms = from.getTime() + rng.next() * (to.getTime() - from.getTime());
  return new Date(Math.floor(ms / 1000) * 1000);
}

function plus(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

// ─── Planning applications (pure: no ids yet) ──────────────────────────────

interface ApplicationPlan {
  startup: StartupSpec;
  year: number;
  status: 'draft' | 'submitted' | 'withdrawn';
  /** How many of the form's fields a draft has filled (all for the others). */
  filledFields: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
  revision: number;
  /** 0..1: how good the application is, which drives the scores it gets. */
  quality: number;
}

function windowOf(spec: EditionSpec, now: Date): { openAt: Date; closeAt: Date } {
  if (spec.kind === 'open') return { openAt: plus(now, -30 * DAY), closeAt: plus(now, 45 * DAY) };
  return { openAt: at(spec.timeline.applicationsOpenAt), closeAt: at(spec.timeline.applicationsCloseAt) };
}

function planApplication(spec: EditionSpec, startup: StartupSpec, now: Date): ApplicationPlan {
  const rng = stream(`application:${spec.year}:${startup.slug}`);
  const isOpen = spec.kind === 'open';
  let status: ApplicationPlan['status'] = 'submitted';
  if (spec.kind === 'open' && !spec.submitted.includes(startup.slug)) status = 'draft';
  if (spec.kind === 'judging' && spec.drafts.includes(startup.slug)) status = 'draft';
  if (spec.kind !== 'open' && spec.withdrawn === startup.slug) status = 'withdrawn';

  const { openAt, closeAt } = windowOf(spec, now);
  // Applications started in the open window (2022) all began before `now`.
  const lastStart = isOpen ? plus(now, -2 * DAY) : plus(closeAt, -3 * DAY);
  const createdAt = between(rng, plus(openAt, HOUR), lastStart);
  const lastChange = isOpen ? plus(now, -10 * MINUTE) : plus(closeAt, -HOUR);
  const quality = spec.stars[startup.slug] ?? rng.float(0.2, 0.62);

  if (status === 'draft') {
    const updatedAt = between(rng, createdAt, lastChange);
    return {
      startup,
      year: spec.year,
      status,
      filledFields: rng.int(3, FIELD_COUNT),
      createdAt,
      updatedAt,
      submittedAt: null,
      withdrawnAt: null,
      revision: rng.int(1, 4),
      quality,
    };
  }
  const submittedAt = between(rng, plus(createdAt, 20 * MINUTE), lastChange);
  const withdrawnAt = status === 'withdrawn' ? between(rng, plus(submittedAt, HOUR), lastChange) : null;
  return {
    startup,
    year: spec.year,
    status,
    filledFields: FIELD_COUNT,
    createdAt,
    updatedAt: withdrawnAt ?? submittedAt,
    submittedAt,
    withdrawnAt,
    revision: rng.int(2, 7),
    quality,
  };
}

/** The form's fields in the order a founder fills them; a draft has the first `filledFields`. */
const FIELDS = [
  'oneLiner',
  'country',
  'trackId',
  'website',
  'problem',
  'solution',
  'impact',
  'businessModel',
  'traction',
  'team',
  'videoUrl',
  'consent',
] as const;
const FIELD_COUNT = FIELDS.length;

function planAll(now: Date): Map<number, ApplicationPlan[]> {
  const byYear = new Map<number, ApplicationPlan[]>();
  for (const spec of EDITIONS) {
    const plans = STARTUPS.filter((s) => s.years.includes(spec.year)).map((s) => planApplication(spec, s, now));
    // Ids follow the order in which founders started their applications.
    plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.startup.slug < b.startup.slug ? -1 : 1));
    byYear.set(spec.year, plans);
  }
  return byYear;
}

/** Typos in seed-data are caught here, before anything is written. */
function checkSeedData(): void {
  const slugs = new Set<string>();
  for (const s of STARTUPS) {
    if (slugs.has(s.slug)) throw new Error(`Seed data: startup ${s.slug} is listed twice.`);
    slugs.add(s.slug);
  }
  for (const spec of EDITIONS) {
    const inYear = new Set(STARTUPS.filter((s) => s.years.includes(spec.year)).map((s) => s.slug));
    const named = [
      ...Object.keys(spec.stars),
      ...spec.conflicts.map((c) => c.slug),
      ...(spec.kind === 'open' ? spec.submitted : [spec.withdrawn]),
      ...(spec.kind === 'published' ? [spec.crowdFavourite] : []),
      ...(spec.kind === 'judging' ? spec.drafts : []),
    ];
    for (const slug of named) {
      if (!inYear.has(slug)) throw new Error(`Seed data: ${slug} is named in ${spec.year} but does not apply that year.`);
    }
    for (const c of spec.conflicts) {
      if (!spec.judges.includes(c.judge)) throw new Error(`Seed data: judge ${c.judge} is not a member of ${spec.year}.`);
    }
  }
}

// ─── Writing ────────────────────────────────────────────────────────────────

interface AuditEntry {
  editionId: number | null;
  actorId: number | null;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

interface People {
  organiserId: number;
  /** judgeN@example.org → user id, by N (1-based). */
  judgeIds: number[];
  judgeLanguage: Map<number, Language>;
  judgeLeniency: Map<number, number>;
  /** Startup slug → the founder's user id. */
  founderOf: Map<string, number>;
}

interface EditionContext {
  tx: Tx;
  people: People;
  audit: AuditEntry[];
  spec: EditionSpec;
  editionId: number;
  trackIds: Map<string, number>;
  criteria: RankingCriterion[];
  screeningRoundId: number;
  finalRoundId: number;
  /** Application id → its plan. */
  plans: Map<number, ApplicationPlan>;
  /** Application id → judge ids conflicted with it. */
  conflicted: Map<number, Set<number>>;
  sheetCount: number;
}

/** Inserts many rows in chunks that stay under SQLite's limit on bound parameters. */
function insertMany<T>(rows: T[], insert: (chunk: T[]) => void, size = 200): void {
  for (let i = 0; i < rows.length; i += size) insert(rows.slice(i, i + size));
}

function insertPeople(tx: Tx, hashes: string[], plansByYear: Map<number, ApplicationPlan[]>): People {
  const [organiserHash, ...rest] = hashes;
  const judgeHashes = rest.slice(0, JUDGES.length);
  const founderHashes = rest.slice(JUDGES.length);

  const organiserId = tx
    .insert(users)
    .values({
      email: ORGANISER.email,
      name: ORGANISER.name,
      passwordHash: organiserHash,
      role: 'organiser',
      preferredLanguage: ORGANISER.preferredLanguage,
      createdAt: at(ORGANISER.createdAt),
    })
    .returning({ id: users.id })
    .get().id;

  const judgeIds: number[] = [];
  const judgeLanguage = new Map<number, Language>();
  const judgeLeniency = new Map<number, number>();
  JUDGES.forEach((judge, i) => {
    const id = tx
      .insert(users)
      .values({
        email: judge.email,
        name: judge.name,
        passwordHash: judgeHashes[i],
        role: 'judge',
        preferredLanguage: judge.preferredLanguage,
        createdAt: at(judge.createdAt),
      })
      .returning({ id: users.id })
      .get().id;
    judgeIds.push(id);
    judgeLanguage.set(id, judge.preferredLanguage);
    judgeLeniency.set(id, judge.leniency);
  });

  // A founder's account is created a few minutes before their first application.
  const firstApplication = new Map<string, Date>();
  for (const plans of plansByYear.values()) {
    for (const plan of plans) {
      const known = firstApplication.get(plan.startup.slug);
      if (!known || plan.createdAt < known) firstApplication.set(plan.startup.slug, plan.createdAt);
    }
  }
  const accountDate = (slug: string) => {
    const first = firstApplication.get(slug);
    if (!first) throw new Error(`Seed data: ${slug} applies to no edition.`);
    return plus(first, -stream(`account:${slug}`).int(3, 40) * MINUTE);
  };

  const founderOf = new Map<string, number>();
  DEMO_FOUNDERS.forEach((founder, i) => {
    const startup = STARTUPS.find((s) => s.demoFounder === i + 1);
    if (!startup) throw new Error(`Seed data: no startup for founder${i + 1}.`);
    const id = tx
      .insert(users)
      .values({
        email: founder.email,
        name: founder.name,
        passwordHash: founderHashes[i],
        role: 'founder',
        preferredLanguage: founder.preferredLanguage,
        createdAt: accountDate(startup.slug),
      })
      .returning({ id: users.id })
      .get().id;
    founderOf.set(startup.slug, id);
  });

  for (const startup of STARTUPS) {
    if (startup.demoFounder !== undefined) continue;
    const id = tx
      .insert(users)
      .values({
        email: `contact@${startup.slug}.example`,
        name: startup.founders[0],
        passwordHash: LOCKED,
        role: 'founder',
        preferredLanguage: startup.lang,
        createdAt: accountDate(startup.slug),
      })
      .returning({ id: users.id })
      .get().id;
    founderOf.set(startup.slug, id);
  }
  return { organiserId, judgeIds, judgeLanguage, judgeLeniency, founderOf };
}

function insertStructure(
  tx: Tx,
  people: People,
  audit: AuditEntry[],
  spec: EditionSpec,
  now: Date,
): Omit<EditionContext, 'plans' | 'conflicted' | 'sheetCount'> {
  const { openAt, closeAt } = windowOf(spec, now);
  const createdAt = spec.kind === 'open' ? plus(now, -40 * DAY) : at(spec.timeline.createdAt);
  const editionId = tx
    .insert(editions)
    .values({
      year: spec.year,
      name: editionName(spec.year),
      nameFr: editionNameFr(spec.year),
      ...editionDescription(spec.year),
      city: CITY,
      timeZone: TIME_ZONE,
      startsOn: spec.startsOn,
      endsOn: spec.endsOn,
      applicationsOpenAt: openAt,
      applicationsCloseAt: closeAt,
      // A past edition (and 2023) starts where 2021 is: the shortlist takes it to `final`, publication to `published`.
      status: spec.kind === 'published' || spec.kind === 'final' ? 'judging' : spec.kind,
      publishedAt: null,
      createdAt,
    })
    .returning({ id: editions.id })
    .get().id;
  audit.push({
    editionId,
    actorId: people.organiserId,
    at: createdAt,
    action: 'edition.create',
    entityType: 'edition',
    entityId: String(editionId),
    before: null,
    after: { year: spec.year, status: 'draft' },
    reason: null,
  });
  audit.push({
    editionId,
    actorId: people.organiserId,
    at: plus(openAt, -5 * MINUTE),
    action: 'edition.status',
    entityType: 'edition',
    entityId: String(editionId),
    before: { status: 'draft' },
    after: { status: 'open' },
    reason: null,
  });

  const trackIds = new Map<string, number>();
  spec.tracks.forEach((track, position) => {
    const id = tx
      .insert(tracks)
      .values({ editionId, slug: track.slug, nameFr: track.nameFr, nameEn: track.nameEn, position })
      .returning({ id: tracks.id })
      .get().id;
    trackIds.set(track.slug, id);
  });

  const criterionRows = spec.criteria.map((c, position) => {
    const id = tx
      .insert(criteria)
      .values({ editionId, ...c, position })
      .returning({ id: criteria.id })
      .get().id;
    return { id, weight: c.weight, min: c.scaleMin, max: c.scaleMax, position };
  });

  const roundId = (kind: 'screening' | 'final', method: RoundMethod, position: number, lockedAt: Date | null) =>
    tx
      .insert(rounds)
      .values({
        editionId,
        kind,
        ...ROUND_NAMES[kind],
        method,
        minSheets: 2,
        judgesPerApplication: 3,
        // Past rounds are locked by lockRound once their sheets are in, as the app would.
        state: 'open',
        position,
        lockedAt,
        sealHash: null,
        sealedAt: null,
      })
      .returning({ id: rounds.id })
      .get().id;
  const screeningRoundId = roundId('screening', spec.screeningMethod, 0, null);
  const finalRoundId = roundId('final', spec.finalMethod, 1, null);

  const joinedAt = (n: number) =>
    spec.kind === 'open' ? plus(now, -(25 - n) * DAY) : plus(at(spec.timeline.judgesJoinedAt), (n - 1) * 3 * HOUR);
  for (const n of spec.judges) {
    tx.insert(editionJudges).values({ editionId, userId: people.judgeIds[n - 1], joinedAt: joinedAt(n) }).run();
  }

  return { tx, people, audit, spec, editionId, trackIds, criteria: criterionRows, screeningRoundId, finalRoundId };
}

/** The application's text, in the startup's language; a draft keeps only its first fields. */
function applicationValues(ctx: Omit<EditionContext, 'plans' | 'conflicted' | 'sheetCount'>, plan: ApplicationPlan) {
  const s = plan.startup;
  const rng = stream(`text:${plan.year}:${s.slug}`);
  const stage = s.years.filter((y) => y < plan.year).length;
  const previousYear = [...s.years].filter((y) => y < plan.year).pop();
  const has = (field: (typeof FIELDS)[number]) => FIELDS.indexOf(field) < plan.filledFields;
  const solution = previousYear ? `${s.solution}\n\n${sinceLastText(s, previousYear, rng)}` : s.solution;
  const businessModel = businessModelText(s, rng);
  const traction = tractionText(s, plan.year, stage, rng);
  const team = teamText(s, plan.year, stage, rng);
  const consent = rng.next() < 0.85;
  return {
    editionId: ctx.editionId,
    founderId: ctx.people.founderOf.get(s.slug)!,
    trackId: has('trackId') ? ctx.trackIds.get(s.track)! : null,
    status: plan.status,
    startupName: s.name,
    country: has('country') ? s.country : null,
    website: has('website') ? `https://${s.slug}.example` : null,
    oneLiner: has('oneLiner') ? s.oneLiner : '',
    problem: has('problem') ? s.problem : '',
    solution: has('solution') ? solution : '',
    impact: has('impact') ? s.impact : '',
    businessModel: has('businessModel') ? businessModel : '',
    traction: has('traction') ? traction : '',
    team: has('team') ? team : '',
    videoUrl: s.video && has('videoUrl') ? `https://video.example/${s.slug}-${plan.year}` : null,
    deckFileId: null,
    logoFileId: null,
    consentToPublication: has('consent') ? consent : false,
    revision: plan.revision,
    submittedAt: plan.submittedAt,
    withdrawnAt: plan.withdrawnAt,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
  };
}

function insertApplications(
  base: Omit<EditionContext, 'plans' | 'conflicted' | 'sheetCount'>,
  plans: ApplicationPlan[],
): EditionContext {
  const { tx, spec, people, audit, editionId } = base;
  const byId = new Map<number, ApplicationPlan>();
  const idOf = new Map<string, number>();
  for (const plan of plans) {
    const id = tx.insert(applications).values(applicationValues(base, plan)).returning({ id: applications.id }).get().id;
    byId.set(id, plan);
    idOf.set(plan.startup.slug, id);
    if (plan.status === 'withdrawn') {
      audit.push({
        editionId,
        actorId: people.founderOf.get(plan.startup.slug)!,
        at: plan.withdrawnAt!,
        action: 'application.status',
        entityType: 'application',
        entityId: String(id),
        before: { status: 'submitted' },
        after: { status: 'withdrawn' },
        reason: null,
      });
    }
  }

  const conflicted = new Map<number, Set<number>>();
  if (spec.kind !== 'open') {
    const joined = at(spec.timeline.judgesJoinedAt);
    const screeningStarts = at(spec.timeline.screeningStartsAt);
    spec.conflicts.forEach((c, i) => {
      const judgeId = people.judgeIds[c.judge - 1];
      const applicationId = idOf.get(c.slug)!;
      const createdAt = between(stream(`conflict:${spec.year}:${i}`), plus(joined, DAY), plus(screeningStarts, -DAY));
      const id = tx
        .insert(conflicts)
        .values({ judgeId, applicationId, reason: c.reason, declaredBy: judgeId, createdAt })
        .returning({ id: conflicts.id })
        .get().id;
      if (!conflicted.has(applicationId)) conflicted.set(applicationId, new Set());
      conflicted.get(applicationId)!.add(judgeId);
      audit.push({
        editionId,
        actorId: judgeId,
        at: createdAt,
        action: 'conflict.declare',
        entityType: 'conflict',
        entityId: String(id),
        before: null,
        after: { judgeId, applicationId, reason: c.reason },
        reason: c.reason,
      });
    });
  }
  return { ...base, plans: byId, conflicted, sheetCount: 0 };
}

/**
 * Each application gets k judges: round-robin from a rotating start, least-loaded first,
 * skipping conflicted judges, so loads stay within one of each other.
 */
function balancedAssignments(applicationIds: number[], judgeIds: number[], k: number, conflicted: Map<number, Set<number>>) {
  const load = new Map(judgeIds.map((j) => [j, 0]));
  const pairs: { applicationId: number; judgeId: number }[] = [];
  let start = 0;
  for (const applicationId of applicationIds) {
    const blocked = conflicted.get(applicationId) ?? new Set<number>();
    const rotation = (j: number) => (judgeIds.indexOf(j) - start + judgeIds.length) % judgeIds.length;
    const chosen = judgeIds
      .filter((j) => !blocked.has(j))
      .sort((a, b) => load.get(a)! - load.get(b)! || rotation(a) - rotation(b))
      .slice(0, k)
      .sort((a, b) => a - b);
    for (const judgeId of chosen) {
      load.set(judgeId, load.get(judgeId)! + 1);
      pairs.push({ applicationId, judgeId });
    }
    start = (start + k) % judgeIds.length;
  }
  return pairs;
}

function insertAssignments(ctx: EditionContext, roundId: number, pairs: { applicationId: number; judgeId: number }[], createdAt: Date) {
  insertMany(pairs, (chunk) =>
    ctx.tx
      .insert(assignments)
      .values(chunk.map((p) => ({ roundId, ...p, createdBy: ctx.people.organiserId, createdAt })))
      .run(),
  );
  ctx.audit.push({
    editionId: ctx.editionId,
    actorId: ctx.people.organiserId,
    at: createdAt,
    action: 'assignment.auto',
    entityType: 'round',
    entityId: String(roundId),
    before: null,
    after: { assignments: pairs.length, judgesPerApplication: 3 },
    reason: null,
  });
}

/** One judge's values for one application: its quality, the judge's leniency, and noise. */
function drawScores(ctx: EditionContext, applicationId: number, judgeId: number, round: 'screening' | 'final') {
  const plan = ctx.plans.get(applicationId)!;
  const rng = stream(`scores:${ctx.spec.year}:${round}:${applicationId}:${judgeId}`);
  const leniency = ctx.people.judgeLeniency.get(judgeId)!;
  const noise = round === 'screening' ? 0.07 : 0.05;
  const values: Record<number, number> = {};
  let level = 0;
  for (const c of ctx.criteria) {
    // The application's own profile: stronger on some criteria than on others, for every judge.
    const profile = stream(`profile:${ctx.spec.year}:${plan.startup.slug}:${c.position}`).float(-0.08, 0.08);
    const x = Math.min(1, Math.max(0, plan.quality + leniency + profile + rng.float(-noise, noise) + rng.float(-noise, noise)));
    values[c.id] = c.min + Math.round(x * (c.max - c.min));
    level += x / ctx.criteria.length;
  }
  return { values, level, rng };
}

interface SheetRow {
  judgeId: number;
  applicationId: number;
  status: 'draft' | 'submitted';
  values: Record<number, number | null>;
  overallComment: string;
  revision: number;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function insertSheets(ctx: EditionContext, roundId: number, sheets: SheetRow[]): void {
  for (const sheet of sheets) {
    // Comments are for the jury only, except about half of them, written "for the startup" for the demo of feedback (issue 15).
    const shared = sheet.status === 'submitted' && (sheet.applicationId + sheet.judgeId) % 2 === 0;
    const id = ctx.tx
      .insert(scoresheets)
      .values({
        roundId,
        judgeId: sheet.judgeId,
        applicationId: sheet.applicationId,
        status: sheet.status,
        overallComment: shared ? '' : sheet.overallComment,
        sharedOverallComment: shared ? sheet.overallComment : '',
        revision: sheet.revision,
        submittedAt: sheet.submittedAt,
        createdAt: sheet.createdAt,
        updatedAt: sheet.updatedAt,
      })
      .returning({ id: scoresheets.id })
      .get().id;
    ctx.tx
      .insert(scores)
      .values(ctx.criteria.map((c) => ({ scoresheetId: id, criterionId: c.id, value: sheet.values[c.id] ?? null, comment: '' })))
      .run();
  }
  ctx.sheetCount += sheets.length;
}

function toRankingSheets(sheets: SheetRow[]): RankingSheet[] {
  return sheets.map((s) => ({ judgeId: s.judgeId, applicationId: s.applicationId, status: s.status, scores: s.values }));
}

function conflictList(ctx: EditionContext) {
  return [...ctx.conflicted].flatMap(([applicationId, judges]) => [...judges].map((judgeId) => ({ judgeId, applicationId })));
}

function rank(ctx: EditionContext, method: RoundMethod, applicationIds: number[], sheets: SheetRow[]): RoundRanking {
  return rankRound({
    criteria: ctx.criteria,
    method,
    minSheets: 2,
    applications: applicationIds.map((id) => ({ id, name: ctx.plans.get(id)!.startup.name })),
    sheets: toRankingSheets(sheets),
    conflicts: conflictList(ctx),
  });
}

function judgesOf(spec: EditionSpec, people: People): number[] {
  return spec.judges.map((n) => people.judgeIds[n - 1]);
}

/** Screening sheets for every assignment: all submitted for a past edition, partly done for 2021. */
function screeningSheets(ctx: EditionContext, pairs: { applicationId: number; judgeId: number }[], complete: boolean): SheetRow[] {
  const spec = ctx.spec as PublishedEditionSpec | JudgingEditionSpec | FinalEditionSpec;
  const from = at(spec.timeline.screeningStartsAt);
  const to = at(spec.timeline.screeningEndsAt);
  const sheets: SheetRow[] = [];
  for (const { applicationId, judgeId } of pairs) {
    const { values, level, rng } = drawScores(ctx, applicationId, judgeId, 'screening');
    const progress = JUDGES[ctx.people.judgeIds.indexOf(judgeId)].progress2021;
    const roll = rng.next();
    const state: 'submitted' | 'draft' | 'none' = complete
      ? 'submitted'
      : roll < progress * 0.88
        ? 'submitted'
        : roll < progress * 0.88 + 0.15
          ? 'draft'
          : 'none';
    if (state === 'none') continue;
    const createdAt = between(rng, from, plus(to, -4 * DAY));
    const lang = ctx.people.judgeLanguage.get(judgeId)!;
    if (state === 'submitted') {
      const submittedAt = between(rng, plus(createdAt, 10 * MINUTE), plus(createdAt, 3 * DAY));
      sheets.push({
        judgeId,
        applicationId,
        status: 'submitted',
        values,
        overallComment: rng.next() < 0.6 ? sheetComment('screening', lang, level, rng) : '',
        revision: rng.int(1, 4),
        submittedAt,
        createdAt,
        updatedAt: submittedAt,
      });
    } else {
      // A draft: the judge stopped halfway, with one to three criteria still to score.
      const missing = new Set(rng.shuffle(ctx.criteria.map((c) => c.id)).slice(0, rng.int(1, 3)));
      const partial: Record<number, number | null> = {};
      for (const c of ctx.criteria) partial[c.id] = missing.has(c.id) ? null : values[c.id];
      sheets.push({
        judgeId,
        applicationId,
        status: 'draft',
        values: partial,
        overallComment: '',
        revision: rng.int(1, 2),
        submittedAt: null,
        createdAt,
        updatedAt: between(rng, createdAt, plus(createdAt, 2 * DAY)),
      });
    }
  }
  return sheets;
}

function lockRound(ctx: EditionContext, roundId: number, when: Date): void {
  ctx.tx.update(rounds).set({ state: 'locked', lockedAt: when }).where(eq(rounds.id, roundId)).run();
  ctx.audit.push({
    editionId: ctx.editionId,
    actorId: ctx.people.organiserId,
    at: when,
    action: 'round.lock',
    entityType: 'round',
    entityId: String(roundId),
    before: { state: 'open' },
    after: { state: 'locked' },
    reason: null,
  });
}

function editionStatus(ctx: EditionContext, from: EditionStatus, to: EditionStatus, when: Date, actorId: number | null): void {
  ctx.audit.push({
    editionId: ctx.editionId,
    actorId,
    at: when,
    action: 'edition.status',
    entityType: 'edition',
    entityId: String(ctx.editionId),
    before: { status: from },
    after: { status: to },
    reason: null,
  });
}

/** The app's audit events of a change, into the seed's buffer (written in time order at the end). */
function auditInto(ctx: EditionContext): AuditSink {
  return (entry) => ctx.audit.push(auditRow(entry));
}

/**
 * Screening done and locked, finalists confirmed from its ranking and every judge assigned to
 * every finalist they are not conflicted with: where a past edition (and 2023) stands on the
 * morning of its final.
 */
function seedUpToFinal(ctx: EditionContext) {
  const spec = ctx.spec as PublishedEditionSpec | FinalEditionSpec;
  const t = spec.timeline;
  const judgeIds = judgesOf(spec, ctx.people);
  const act = { editionId: ctx.editionId, actorId: ctx.people.organiserId, sink: auditInto(ctx) };
  editionStatus(ctx, 'open', 'judging', at(t.applicationsCloseAt), null);

  // Screening.
  const eligible = [...ctx.plans].filter(([, p]) => p.status === 'submitted').map(([id]) => id);
  const screeningPairs = balancedAssignments(eligible, judgeIds, 3, ctx.conflicted);
  insertAssignments(ctx, ctx.screeningRoundId, screeningPairs, plus(at(t.screeningStartsAt), -HOUR));
  const screening = screeningSheets(ctx, screeningPairs, true);
  insertSheets(ctx, ctx.screeningRoundId, screening);
  lockRound(ctx, ctx.screeningRoundId, at(t.screeningLockedAt));

  // The organiser takes the top of the screening ranking, as the shortlist page suggests.
  const screeningRanking = rank(ctx, spec.screeningMethod, eligible, screening);
  const trackOf = new Map(eligible.map((id) => [id, ctx.trackIds.get(ctx.plans.get(id)!.startup.track) ?? null]));
  const announced = at(t.finalistsAnnouncedAt);
  const { finalists } = confirmShortlist(
    {
      ...act,
      now: announced,
      mode: 'overall',
      n: FINALISTS,
      selected: suggestFinalists(screeningRanking.ranked, trackOf, 'overall', FINALISTS),
      reason: '',
    },
    ctx.tx,
  );

  // The live final: every judge scores every finalist they are not conflicted with.
  const finalPairs = finalists.flatMap((applicationId) =>
    judgeIds.filter((j) => !ctx.conflicted.get(applicationId)?.has(j)).map((judgeId) => ({ applicationId, judgeId })),
  );
  insertAssignments(ctx, ctx.finalRoundId, finalPairs, plus(announced, DAY));
  // Finalists pitch in a drawn order.
  const pitchOrder = stream(`pitch-order:${spec.year}`).shuffle(finalists);
  return { act, finalists, finalPairs, pitchOrder };
}

/** A past edition, judged from screening to published results. */
function seedPublished(ctx: EditionContext): void {
  const spec = ctx.spec as PublishedEditionSpec;
  const t = spec.timeline;
  const { act, finalists, finalPairs, pitchOrder } = seedUpToFinal(ctx);
  const finalStart = at(t.finalStartsAt);
  // 20 minutes each; judges submit during the Q&A.
  const finalSheets: SheetRow[] = finalPairs.map(({ applicationId, judgeId }) => {
    const { values, level, rng } = drawScores(ctx, applicationId, judgeId, 'final');
    const pitchStart = plus(finalStart, pitchOrder.indexOf(applicationId) * 20 * MINUTE);
    const createdAt = between(rng, plus(pitchStart, 3 * MINUTE), plus(pitchStart, 9 * MINUTE));
    const submittedAt = between(rng, plus(pitchStart, 12 * MINUTE), plus(pitchStart, 19 * MINUTE));
    const lang = ctx.people.judgeLanguage.get(judgeId)!;
    return {
      judgeId,
      applicationId,
      status: 'submitted',
      values,
      overallComment: rng.next() < 0.5 ? sheetComment('final', lang, level, rng) : '',
      revision: rng.int(1, 3),
      submittedAt,
      createdAt,
      updatedAt: submittedAt,
    };
  });
  insertSheets(ctx, ctx.finalRoundId, finalSheets);
  lockRound(ctx, ctx.finalRoundId, at(t.finalLockedAt));
  const finalRanking = rank(ctx, spec.finalMethod, finalists, finalSheets);

  // People's choice: one vote per phone in the hall, the crowd's favourite clearly ahead.
  const favourite = finalists.find((id) => ctx.plans.get(id)!.startup.slug === spec.crowdFavourite) ?? finalRanking.ranked[3].applicationId;
  const voteRng = stream(`votes:${spec.year}`);
  const counts = new Map<number, number>();
  for (const id of finalists) if (id !== favourite) counts.set(id, voteRng.int(25, 95));
  counts.set(favourite, Math.max(...counts.values()) + voteRng.int(15, 45));
  const ballots = voteRng.shuffle([...finalists].flatMap((id) => Array.from({ length: counts.get(id)! }, () => id)));
  const votingOpens = plus(finalStart, 10 * MINUTE);
  const votingCloses = plus(at(t.finalLockedAt), -5 * MINUTE);
  const voteRows = ballots.map((applicationId) => {
    const createdAt = between(voteRng, votingOpens, votingCloses);
    // About one voter in ten changed their mind once; the row keeps the last choice.
    const updatedAt = voteRng.next() < 0.1 ? between(voteRng, createdAt, votingCloses) : createdAt;
    return {
      editionId: ctx.editionId,
      applicationId,
      voterId: voteRng.hex(16),
      // The hall's Wi-Fi puts many phones behind a few addresses.
      ipHash: sha256Hex(`palmares-demo:${spec.year}:198.51.100.${voteRng.int(1, 60)}`),
      createdAt,
      updatedAt,
    };
  });
  voteRows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  insertMany(voteRows, (chunk) => ctx.tx.insert(votes).values(chunk).run());

  // Sealed backstage before the reveal, published after it: podium, best of each track, people's choice.
  sealFinalRound({ ...act, now: plus(at(t.finalLockedAt), 5 * MINUTE) }, ctx.tx);
  publishResults({ ...act, now: at(t.publishedAt) }, ctx.tx);
}

/** 2021: screening under way, nothing ranked yet. */
function seedJudging(ctx: EditionContext): void {
  const spec = ctx.spec as JudgingEditionSpec;
  const t = spec.timeline;
  editionStatus(ctx, 'open', 'judging', at(t.applicationsCloseAt), null);
  const eligible = [...ctx.plans].filter(([, p]) => p.status === 'submitted').map(([id]) => id);
  const pairs = balancedAssignments(eligible, judgesOf(spec, ctx.people), 3, ctx.conflicted);
  insertAssignments(ctx, ctx.screeningRoundId, pairs, plus(at(t.screeningStartsAt), -HOUR));
  insertSheets(ctx, ctx.screeningRoundId, screeningSheets(ctx, pairs, false));
}

/**
 * 2023: the evening of the final, for a newcomer to run it. Finalists confirmed, the final round
 * open with its judges assigned and no sheet, the stage idle with the drawn running order and the
 * vote's default settings (the row stage control would write on its first command, at version 0).
 */
function seedFinal(ctx: EditionContext): void {
  const { pitchOrder } = seedUpToFinal(ctx);
  const spec = ctx.spec as FinalEditionSpec;
  saveStage(ctx.tx, ctx.editionId, initialStageState(pitchOrder), plus(at(spec.timeline.finalistsAnnouncedAt), DAY));
}

/** 2022: applications open; two judges invited who have not answered yet. */
function seedOpen(ctx: EditionContext, now: Date): void {
  const spec = ctx.spec as OpenEditionSpec;
  spec.pendingInvitations.forEach((email, i) => {
    const rng = stream(`invitation:${spec.year}:${email}`);
    // The token only ever travels in the link; the database keeps its hash.
    const token = rng.hex(32);
    const createdAt = between(rng, plus(now, -12 * DAY), plus(now, -DAY));
    const id = ctx.tx
      .insert(invitations)
      .values({
        editionId: ctx.editionId,
        email,
        tokenHash: sha256Hex(token),
        invitedBy: ctx.people.organiserId,
        createdAt,
        expiresAt: plus(now, 14 * DAY),
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
      })
      .returning({ id: invitations.id })
      .get().id;
    ctx.audit.push({
      editionId: ctx.editionId,
      actorId: ctx.people.organiserId,
      at: createdAt,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: String(id),
      before: null,
      after: { email, position: i + 1 },
      reason: null,
    });
  });
}

/**
 * Seeds the demo into an empty database, in one transaction. Returns `seeded: false`, and
 * writes nothing, when the database already has an edition or a user.
 */
export async function seedDemo(
  db: Db,
  options: {
    now: Date;
    /** Defaults to the app's scrypt hashing; tests that seed many databases may pass a faster one. */
    hashPassword?: (password: string) => Promise<string>;
  },
): Promise<SeedReport> {
  const notSeeded: SeedReport = { seeded: false, accounts: [], editions: [] };
  if (!isDatabaseEmpty(db)) return notSeeded;
  checkSeedData();
  const { now } = options;

  const accounts: SeedReport['accounts'] = [
    { email: ORGANISER.email, role: 'organiser' },
    ...JUDGES.map((j) => ({ email: j.email, role: 'judge' as const })),
    ...DEMO_FOUNDERS.map((f) => ({ email: f.email, role: 'founder' as const })),
  ];
  // scrypt runs in libuv's thread pool: hashing in parallel uses both cores.
  const hash = options.hashPassword ?? hashPassword;
  const hashes = await Promise.all(accounts.map(() => hash(DEMO_PASSWORD)));

  const plansByYear = planAll(now);
  const report = db.transaction(
    (tx) => {
      // Checked again inside the write lock: another process may have seeded while we hashed.
      if (!isEmpty(tx)) return notSeeded;
      const audit: AuditEntry[] = [];
      const people = insertPeople(tx, hashes, plansByYear);
      const summary: SeedReport['editions'] = [];
      for (const spec of EDITIONS) {
        const base = insertStructure(tx, people, audit, spec, now);
        const ctx = insertApplications(base, plansByYear.get(spec.year)!);
        linkUnlinkedApplications(tx);
        if (spec.kind === 'published') seedPublished(ctx);
        else if (spec.kind === 'judging') seedJudging(ctx);
        else if (spec.kind === 'final') seedFinal(ctx);
        else seedOpen(ctx, now);
        summary.push({
          year: spec.year,
          status: spec.kind,
          applications: ctx.plans.size,
          scoresheets: ctx.sheetCount,
        });
      }
      // Written last, in the order things happened, so the log reads as a history.
      const ordered = audit
        .map((entry, i) => ({ entry, i }))
        .sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.i - b.i)
        .map(({ entry }) => entry);
      insertMany(ordered, (chunk) => tx.insert(auditEvents).values(chunk).run());
      return { seeded: true, accounts, editions: summary } satisfies SeedReport;
    },
    { behavior: 'immediate' },
  );
  return report;
}
