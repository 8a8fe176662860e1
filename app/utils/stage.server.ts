/**
 * The live final's stage on the server: its state in `stage_states` (one row per edition, so a
 * reload, a second organiser laptop or a restart shows the same thing), the commands of the stage
 * control (each one transaction: the rules of app/domain/stage.ts, the row with its version
 * incremented, one audit event `stage.<command>`), the public state every screen receives, its
 * broadcast after the commit, the winners' reveal from the sealed final round, and where a judge's
 * tablet should go when scoring opens.
 */
import { eq } from 'drizzle-orm';
import { rankVotes } from '~/domain/ranking';
import {
  applyStageCommand,
  initialStageState,
  reconcileRunningOrder,
  revealSlides,
  revealStepLabel,
  stageDiff,
  timerOf,
  type PublicStage,
  type RevealInput,
  type RevealSlide,
  type StageCommand,
  type StageFinalist,
  type StageRules,
  type StageState,
} from '~/domain/stage';
import { Refusal } from '~/domain/refusal';
import { isAssigned } from './assignments.server';
import { auditedTransaction, type DbOrTx } from './audit.server';
import { isConflicted } from './conflicts.server';
import { getDb, schema } from './db.server';
import { editionRoundOfKind, editionTracks } from './editions.server';
import { formatEvent, publish, retryHint, subscribe, type Send } from './events.server';
import { publicFile } from './files.server';
import { rankedApplications, roundRankingView } from './rankings.server';
import { ballotCount, voteCounts } from './votes.server';

type Edition = typeof schema.editions.$inferSelect;

const FINALIST_STATUSES = ['finalist', 'winner'] as const;

// ─── Reading ────────────────────────────────────────────────────────────────

/** The edition's finalists (and winners), by id, with their track's names. */
function finalistRows(editionId: number, db: DbOrTx) {
  const tracks = new Map(editionTracks(editionId, db).map((t) => [t.id, t]));
  return rankedApplications(db, editionId, FINALIST_STATUSES).map((row) => {
    const track = row.trackId === null ? undefined : tracks.get(row.trackId);
    return { ...row, trackFr: track?.nameFr ?? null, trackEn: track?.nameEn ?? null };
  });
}

type FinalistRow = ReturnType<typeof finalistRows>[number];

/** The finalists' ids (applications of the edition with status finalist or winner). */
export function finalistIds(editionId: number, db: DbOrTx = getDb()): number[] {
  return finalistRows(editionId, db).map((f) => f.id);
}

function stateOfRow(row: typeof schema.stageStates.$inferSelect): StageState {
  return {
    runningOrder: Array.isArray(row.runningOrder) ? row.runningOrder : [],
    currentApplicationId: row.currentApplicationId,
    timerKind: row.timerKind,
    timerDurationMs: row.timerDurationMs,
    timerStartedAt: row.timerStartedAt ? row.timerStartedAt.getTime() : null,
    timerElapsedMs: row.timerElapsedMs,
    scoringOpen: row.scoringOpen,
    voteOpen: row.voteOpen,
    revealStep: row.revealStep,
    voteMaxPerAddress: row.voteMaxPerAddress,
    votePresenceCheck: row.votePresenceCheck,
    version: row.version,
  };
}

/** The stage as stored (version 0 and the finalists in application order before any change). */
export function loadStage(editionId: number, db: DbOrTx = getDb()): StageState {
  const finalists = finalistIds(editionId, db);
  const row = db.select().from(schema.stageStates).where(eq(schema.stageStates.editionId, editionId)).get();
  const state = row ? stateOfRow(row) : initialStageState(finalists);
  return { ...state, runningOrder: reconcileRunningOrder(state.runningOrder, finalists) };
}

/** Writes an edition's stage state (insert or replace); the seed writes the demo final's idle stage through it. */
export function saveStage(db: DbOrTx, editionId: number, state: StageState, now: Date): void {
  const values = {
    runningOrder: state.runningOrder,
    currentApplicationId: state.currentApplicationId,
    timerKind: state.timerKind,
    timerDurationMs: state.timerDurationMs,
    timerStartedAt: state.timerStartedAt === null ? null : new Date(state.timerStartedAt),
    timerElapsedMs: state.timerElapsedMs,
    scoringOpen: state.scoringOpen,
    voteOpen: state.voteOpen,
    revealStep: state.revealStep,
    voteMaxPerAddress: state.voteMaxPerAddress,
    votePresenceCheck: state.votePresenceCheck,
    version: state.version,
    updatedAt: now,
  };
  db.insert(schema.stageStates)
    .values({ editionId, ...values })
    .onConflictDoUpdate({ target: schema.stageStates.editionId, set: values })
    .run();
}

/**
 * What the reveal shows, from the sealed final round only: its ranking as the results compute it
 * (rankRound through roundRankingView, the same path publication takes) and the audience's votes
 * (rankVotes). Null until the final round is sealed.
 */
export function sealedRevealInput(editionId: number, db: DbOrTx = getDb()): RevealInput | null {
  const final = editionRoundOfKind(editionId, 'final', db);
  if (!final?.sealHash) return null;
  const view = roundRankingView(editionId, final.id);
  const counts = voteCounts(editionId, db);
  const finalists = finalistRows(editionId, db);
  const trackOf = new Map(finalists.map((f) => [f.id, f.trackId]));
  return {
    sealHash: final.sealHash,
    ranked: view.rows
      .filter((row) => row.rank !== null)
      .map((row) => ({ applicationId: row.applicationId, name: row.name, rank: row.rank!, tie: row.tie, trackId: trackOf.get(row.applicationId) ?? null })),
    tracks: editionTracks(editionId, db).map((t) => ({ id: t.id, nameFr: t.nameFr, nameEn: t.nameEn })),
    unranked: view.rows.filter((row) => row.rank === null).map((row) => ({ applicationId: row.applicationId, name: row.name })),
    votes: rankVotes(finalists.map((f) => ({ applicationId: f.id, name: f.startupName, votes: counts.get(f.id) ?? 0 }))),
  };
}

function revealSlidesOf(editionId: number, db: DbOrTx): RevealSlide[] {
  const input = sealedRevealInput(editionId, db);
  return input ? revealSlides(input) : [];
}

function rulesOf(edition: Edition, db: DbOrTx): StageRules {
  const final = editionRoundOfKind(edition.id, 'final', db);
  return {
    editionStatus: edition.status,
    finalists: finalistIds(edition.id, db),
    finalRound: final ? { open: final.state === 'open', sealed: Boolean(final.sealHash) } : null,
    revealSteps: revealSlidesOf(edition.id, db).length,
  };
}

// ─── The public state, cached per version ───────────────────────────────────

/**
 * Built once per change, not once per connection: a thousand screens connecting after a restart
 * read the cache. A short lifetime picks up what other pages change (a startup's name, a seal).
 */
const PUBLIC_CACHE_MS = 2_000;
const publicCache = new Map<number, { version: number; builtAt: number; stage: Omit<PublicStage, 'now'> }>();

function logoUrlOf(row: FinalistRow): string | null {
  // Only a consented logo, and only one the file route serves to anyone (never a broken image).
  if (!row.consent || row.logoFileId === null) return null;
  return publicFile(row.logoFileId) ? `/files/${row.logoFileId}` : null;
}

function buildPublicStage(edition: Edition, db: DbOrTx): Omit<PublicStage, 'now'> {
  const state = loadStage(edition.id, db);
  const rows = new Map(finalistRows(edition.id, db).map((row) => [row.id, row]));
  const runningOrder: StageFinalist[] = state.runningOrder.map((id) => {
    const row = rows.get(id)!;
    return {
      applicationId: id,
      name: row.startupName,
      oneLiner: row.oneLiner,
      trackFr: row.trackFr,
      trackEn: row.trackEn,
      logoUrl: logoUrlOf(row),
    };
  });
  let reveal: PublicStage['reveal'] = null;
  if (state.revealStep > 0) {
    const slides = revealSlidesOf(edition.id, db);
    // Only the step on screen travels: nothing of the steps still to come.
    if (slides.length > 0) {
      const step = Math.min(state.revealStep, slides.length);
      reveal = { step, total: slides.length, slide: slides[step - 1] };
    }
  }
  return {
    year: edition.year,
    editionName: edition.name,
    editionNameFr: edition.nameFr,
    editionStatus: edition.status,
    version: state.version,
    runningOrder,
    currentApplicationId: state.currentApplicationId !== null && rows.has(state.currentApplicationId) ? state.currentApplicationId : null,
    timer: timerOf(state),
    // Nothing is open outside the live final, whatever the row says (a screen never contradicts the status).
    scoringOpen: state.scoringOpen && edition.status === 'final',
    voteOpen: state.voteOpen && edition.status === 'final',
    reveal,
  };
}

/** The public state of an edition's stage, with the server's clock. */
export function publicStage(edition: Edition, now = Date.now()): PublicStage {
  const cached = publicCache.get(edition.id);
  if (cached && now - cached.builtAt < PUBLIC_CACHE_MS) return { ...cached.stage, now };
  const stage = buildPublicStage(edition, getDb());
  publicCache.set(edition.id, { version: stage.version, builtAt: now, stage });
  return { ...stage, now };
}

function stageEvent(stage: PublicStage): Uint8Array {
  return formatEvent('stage', stage.version, JSON.stringify(stage));
}

/** The event a new connection receives first: the current state, with the server's clock. */
export function currentStageEvent(edition: Edition): Uint8Array {
  return stageEvent(publicStage(edition));
}

/** What a broadcast cost the server: building the state (queries, one JSON and one encoding) and writing it to every screen. */
export interface BroadcastTiming {
  clients: number;
  buildMs: number;
  fanoutMs: number;
  /** CPU time (user + system) this process spent in the fan-out: below `fanoutMs` when other processes had the cores. */
  fanoutCpuMs: number;
}

/** Sends the current state to every open screen of the edition (after a commit). */
export function broadcastStage(edition: Edition): BroadcastTiming {
  const started = performance.now();
  publicCache.delete(edition.id);
  const event = stageEvent(publicStage(edition));
  const built = performance.now();
  const cpu = process.cpuUsage();
  const clients = publish(edition.id, event);
  const fanoutMs = performance.now() - built;
  const { user, system } = process.cpuUsage(cpu);
  return { clients, buildMs: built - started, fanoutMs, fanoutCpuMs: (user + system) / 1000 };
}

/**
 * A `Server-Timing` header (W3C) for the organiser's answer: the command's transaction, the state's
 * build and the fan-out to every open screen (wall time, with the number of screens, and this
 * process's CPU time in it), in milliseconds, as this process measured them. Read by
 * bench/stage.bench.ts; costs a few clock reads per command, nothing per screen.
 */
export function stageServerTiming({ commandMs, broadcast }: { commandMs: number; broadcast: BroadcastTiming | null }): string {
  const ms = (value: number) => value.toFixed(2);
  const parts = [`command;dur=${ms(commandMs)}`];
  if (broadcast) {
    parts.push(`build;dur=${ms(broadcast.buildMs)}`, `fanout;dur=${ms(broadcast.fanoutMs)};desc="${broadcast.clients}"`, `fanout-cpu;dur=${ms(broadcast.fanoutCpuMs)}`);
  }
  return parts.join(', ');
}

// ─── Commands ───────────────────────────────────────────────────────────────

export interface StageCommandRequest {
  edition: Edition;
  actorId: number;
  command: StageCommand;
  /** The version the screen showed; a different current version refuses the command (409). */
  expectedVersion?: number;
  /** For the reveal: the step the screen showed, instead of the version (a clicker pressed twice). */
  fromStep?: number;
  now?: Date;
}

/**
 * Runs one command of the stage control: checked, saved with version + 1 and audited in one
 * transaction, then broadcast. A command that changes nothing writes nothing and is not sent.
 */
export function runStageCommand({ edition, actorId, command, expectedVersion, fromStep, now = new Date() }: StageCommandRequest) {
  const started = performance.now();
  const result = auditedTransaction({ editionId: edition.id, actorId, now }, (tx, audit) => {
    const current = tx.select().from(schema.editions).where(eq(schema.editions.id, edition.id)).get();
    if (!current) throw new Refusal(404, 'stage.errors.notFound');
    const before = loadStage(edition.id, tx);
    if (fromStep !== undefined) {
      if (before.revealStep !== fromStep) throw new Refusal(409, 'stage.errors.stale');
    } else if (expectedVersion !== undefined && before.version !== expectedVersion) {
      throw new Refusal(409, 'stage.errors.stale');
    }
    const after = applyStageCommand(before, command, rulesOf(current, tx), now.getTime());
    if (after === before) return { edition: current, state: before, changed: false };
    saveStage(tx, edition.id, after, now);
    const diff = stageDiff(before, after);
    audit({
      action: `stage.${command.type}`,
      entityType: 'stage',
      entityId: edition.id,
      before: diff.before,
      after: diff.after,
    });
    return { edition: current, state: after, changed: true };
  });
  const commandMs = performance.now() - started;
  const broadcast = result.changed ? broadcastStage(result.edition) : null;
  return { state: result.state, changed: result.changed, serverTiming: stageServerTiming({ commandMs, broadcast }) };
}

// ─── The live channel ───────────────────────────────────────────────────────

/**
 * GET /editions/:year/stage/events: the retry hint and the current state at once, then every
 * change, until the client goes away. Everything up to `subscribe` runs in one synchronous turn,
 * so no change can fall between the first state and the subscription.
 */
export function stageEventsResponse(edition: Edition, signal: AbortSignal, release: () => void = () => {}): Response {
  let unsubscribe: (() => void) | null = null;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send: Send = (chunk) => controller.enqueue(chunk);
      controller.enqueue(retryHint());
      controller.enqueue(stageEvent(publicStage(edition)));
      unsubscribe = subscribe(edition.id, send);
      const close = () => {
        unsubscribe?.();
        release();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      if (signal.aborted) close();
      else signal.addEventListener('abort', close, { once: true });
    },
    cancel() {
      unsubscribe?.();
      release();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // Reverse proxies (nginx) must not buffer the stream either.
      'X-Accel-Buffering': 'no',
    },
  });
}

// ─── What each screen's loader needs ────────────────────────────────────────

/** The stage control: the public state plus what only organisers see (no names of steps to come). */
export function stageControlView(edition: Edition) {
  const db = getDb();
  const stage = publicStage(edition);
  const final = editionRoundOfKind(edition.id, 'final', db);
  const slides = revealSlidesOf(edition.id, db);
  return {
    stage,
    finalRound: final ? { id: final.id, nameFr: final.nameFr, nameEn: final.nameEn, state: final.state, sealHash: final.sealHash } : null,
    revealSteps: slides.map(revealStepLabel),
    ballots: ballotCount(edition.id, db),
    voteSettings: (({ voteMaxPerAddress, votePresenceCheck }) => ({ maxPerAddress: voteMaxPerAddress, presenceCheck: votePresenceCheck }))(
      loadStage(edition.id, db),
    ),
  };
}

export type StageTarget =
  | { kind: 'idle'; version: number }
  | { kind: 'sheet'; version: number; applicationId: number; startupName: string; href: string }
  | { kind: 'conflicted'; version: number; applicationId: number; startupName: string }
  | { kind: 'notAssigned'; version: number; applicationId: number; startupName: string };

/**
 * Where a judge's tablet goes when scoring is open: the server decides. The final round's sheet
 * of the startup on stage, unless the judge is conflicted with it (then a notice, never the
 * sheet) or is not assigned to it.
 */
export function stageTargetFor(judgeId: number, edition: Edition): StageTarget {
  const db = getDb();
  const state = loadStage(edition.id, db);
  const final = editionRoundOfKind(edition.id, 'final', db);
  const applicationId = state.currentApplicationId;
  if (!state.scoringOpen || applicationId === null || !final || edition.status !== 'final') {
    return { kind: 'idle', version: state.version };
  }
  const startup = finalistRows(edition.id, db).find((row) => row.id === applicationId);
  if (!startup) return { kind: 'idle', version: state.version };
  const base = { version: state.version, applicationId, startupName: startup.startupName };
  if (isConflicted(judgeId, applicationId, db)) return { kind: 'conflicted', ...base };
  if (!isAssigned(judgeId, final.id, applicationId, db)) return { kind: 'notAssigned', ...base };
  return { kind: 'sheet', ...base, href: `/judge/${edition.year}/rounds/${final.id}/${applicationId}` };
}
