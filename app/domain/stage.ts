/**
 * The live final's stage as pure rules: what the stage holds (running order, who is pitching,
 * the timer, scoring and audience vote open or closed, the reveal step), how each command of the
 * stage control changes it or is refused, how a timer reads at a given instant, and the sequence
 * of the winners' reveal. No I/O: app/utils/stage.server.ts loads, saves, audits and broadcasts.
 *
 * Timers are a start time plus what already ran, never a countdown: every screen computes the
 * same remaining time from the server's clock.
 */
import { z } from 'zod';
import type { MessageKey } from '~/i18n';
import type { RankedVote } from './ranking';
import { Refusal } from './refusal';
import type { EditionStatus } from './statuses';

export const TIMER_KINDS = ['pitch', 'qa'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

/** Presets of the stage control: 5 minutes of pitch, 3 of questions. */
export const TIMER_PRESETS_MS: Record<TimerKind, number> = { pitch: 5 * 60_000, qa: 3 * 60_000 };
export const TIMER_MIN_MS = 10_000;
export const TIMER_MAX_MS = 60 * 60_000;
/** The last stretch the projector emphasises. */
export const FINAL_STRETCH_MS = 30_000;

/** What the `stage_states` row holds, with times as epoch milliseconds. */
export interface StageState {
  runningOrder: number[];
  currentApplicationId: number | null;
  timerKind: TimerKind | null;
  timerDurationMs: number;
  /** Set while the timer runs. */
  timerStartedAt: number | null;
  /** Time run before the last pause. */
  timerElapsedMs: number;
  scoringOpen: boolean;
  voteOpen: boolean;
  /** 0 before the reveal; 1…n the step shown. */
  revealStep: number;
  /** New ballots one network address may add in 10 minutes (decision 034). */
  voteMaxPerAddress: number;
  /** Whether a ballot needs the projector's presence code (decision 034). */
  votePresenceCheck: boolean;
  version: number;
}

/**
 * The audience vote's settings before an organiser changes them (decision 034): 1000 new ballots
 * per address in 10 minutes (a hall of several hundred phones behind one Wi-Fi address votes at
 * once; the presence code is what stops a script far from the hall), and the presence check on.
 */
export const VOTE_DEFAULTS = { maxPerAddress: 1000, presenceCheck: true } as const;
export const VOTE_MAX_PER_ADDRESS_RANGE = { min: 1, max: 100_000 } as const;

export function initialStageState(finalists: readonly number[]): StageState {
  return {
    runningOrder: [...finalists],
    currentApplicationId: null,
    timerKind: null,
    timerDurationMs: 0,
    timerStartedAt: null,
    timerElapsedMs: 0,
    scoringOpen: false,
    voteOpen: false,
    revealStep: 0,
    voteMaxPerAddress: VOTE_DEFAULTS.maxPerAddress,
    votePresenceCheck: VOTE_DEFAULTS.presenceCheck,
    version: 0,
  };
}

/**
 * The stored order kept in step with the finalists: ids that are no longer finalists leave it,
 * new finalists join at the end (in the order given), duplicates are dropped.
 */
export function reconcileRunningOrder(order: readonly number[], finalists: readonly number[]): number[] {
  const eligible = new Set(finalists);
  const kept: number[] = [];
  for (const id of order) if (eligible.has(id) && !kept.includes(id)) kept.push(id);
  for (const id of finalists) if (!kept.includes(id)) kept.push(id);
  return kept;
}

// ─── Timers ─────────────────────────────────────────────────────────────────

export interface TimerSnapshot {
  kind: TimerKind;
  durationMs: number;
  elapsedMs: number;
  /** Epoch ms when it was last started or resumed; null while paused or reset. */
  startedAt: number | null;
}

export interface TimerReading {
  kind: TimerKind;
  durationMs: number;
  running: boolean;
  elapsedMs: number;
  /** Negative once the time is up (overtime). */
  remainingMs: number;
  /** In the last 30 seconds, not yet over. */
  finalStretch: boolean;
  over: boolean;
}

export function timerOf(
  state: Pick<StageState, 'timerKind' | 'timerDurationMs' | 'timerElapsedMs' | 'timerStartedAt'>,
): TimerSnapshot | null {
  if (!state.timerKind) return null;
  return { kind: state.timerKind, durationMs: state.timerDurationMs, elapsedMs: state.timerElapsedMs, startedAt: state.timerStartedAt };
}

/** The timer at `now` (the server's clock, or a client's clock corrected by its offset). */
export function readTimer(timer: TimerSnapshot, now: number): TimerReading {
  const running = timer.startedAt !== null;
  const elapsedMs = timer.elapsedMs + (running ? Math.max(0, now - timer.startedAt!) : 0);
  const remainingMs = timer.durationMs - elapsedMs;
  return {
    kind: timer.kind,
    durationMs: timer.durationMs,
    running,
    elapsedMs,
    remainingMs,
    finalStretch: remainingMs > 0 && remainingMs <= FINAL_STRETCH_MS,
    over: remainingMs <= 0,
  };
}

/**
 * `m:ss` of a duration. Remaining time is rounded up (a clock shows 0:01 until the last second
 * has fully gone); overtime is rounded down (+0:00 during the first second over).
 */
export function formatClock(ms: number): string {
  const totalSeconds = ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

// ─── Commands ───────────────────────────────────────────────────────────────

export type StageCommand =
  | { type: 'order.move'; applicationId: number; direction: 'up' | 'down' }
  | { type: 'current.select'; applicationId: number | null }
  | { type: 'timer.start'; kind: TimerKind; durationMs: number }
  | { type: 'timer.pause' }
  | { type: 'timer.resume' }
  | { type: 'timer.reset' }
  | { type: 'scoring.open' }
  | { type: 'scoring.close' }
  | { type: 'vote.open' }
  | { type: 'vote.close' }
  | { type: 'vote.settings'; maxPerAddress: number; presenceCheck: boolean }
  | { type: 'reveal.next' }
  | { type: 'reveal.previous' };

export type StageCommandType = StageCommand['type'];

/** The commands that carry nothing but their type: the stage control's plain buttons. */
const BARE_COMMAND_TYPES = [
  'timer.pause',
  'timer.resume',
  'timer.reset',
  'scoring.open',
  'scoring.close',
  'vote.open',
  'vote.close',
  'reveal.next',
  'reveal.previous',
] as const satisfies readonly StageCommandType[];

export const STAGE_COMMAND_TYPES: readonly StageCommandType[] = [
  'order.move',
  'current.select',
  'timer.start',
  'vote.settings',
  ...BARE_COMMAND_TYPES,
];

/** What the commands are checked against, read by the server in the same transaction. */
export interface StageRules {
  editionStatus: EditionStatus;
  /** Application ids of the finalists (status finalist or winner). */
  finalists: readonly number[];
  /** The final round, if the edition has one. */
  finalRound: { open: boolean; sealed: boolean } | null;
  /** How many steps the reveal has (0 when it cannot start: no sealed final round). */
  revealSteps: number;
}

/** A well-formed command the rules refuse; `key` is a message of app/i18n/stage.ts. */
function refuse(status: 400 | 404 | 409, key: MessageKey, params: Record<string, string | number> = {}): never {
  throw new Refusal(status, key, params);
}

function clearedTimer(): Pick<StageState, 'timerKind' | 'timerDurationMs' | 'timerStartedAt' | 'timerElapsedMs'> {
  return { timerKind: null, timerDurationMs: 0, timerStartedAt: null, timerElapsedMs: 0 };
}

/**
 * The state after a command, with its version incremented; the same object when the command
 * changes nothing (a move past the end, opening what is open…). Throws a Refusal otherwise.
 */
export function applyStageCommand(state: StageState, command: StageCommand, rules: StageRules, now: number): StageState {
  // Once published, only the reveal may still move: it shows the sealed results, now public anyway.
  const revealCommand = command.type === 'reveal.next' || command.type === 'reveal.previous';
  // The vote's settings may be prepared before the final starts; nothing else moves before it.
  if (command.type === 'vote.settings' && rules.editionStatus !== 'published') {
    const { min, max } = VOTE_MAX_PER_ADDRESS_RANGE;
    if (!Number.isInteger(command.maxPerAddress) || command.maxPerAddress < min || command.maxPerAddress > max) {
      refuse(400, 'stage.errors.voteLimit', { min, max });
    }
    if (command.maxPerAddress === state.voteMaxPerAddress && command.presenceCheck === state.votePresenceCheck) return state;
    return { ...state, voteMaxPerAddress: command.maxPerAddress, votePresenceCheck: command.presenceCheck, version: state.version + 1 };
  }
  if (rules.editionStatus === 'published' && !(revealCommand && state.revealStep > 0)) refuse(409, 'stage.errors.published');
  if (rules.editionStatus !== 'final' && rules.editionStatus !== 'published') refuse(409, 'stage.errors.notFinal');
  const order = reconcileRunningOrder(state.runningOrder, rules.finalists);
  const base: StageState = { ...state, runningOrder: order };
  const revealing = state.revealStep > 0;
  const changed = (next: Partial<StageState>): StageState => ({ ...base, ...next, version: state.version + 1 });

  switch (command.type) {
    case 'order.move': {
      const index = order.indexOf(command.applicationId);
      if (index < 0) refuse(404, 'stage.errors.notFinalist');
      const target = command.direction === 'up' ? index - 1 : index + 1;
      if (target < 0 || target >= order.length) return state;
      const next = [...order];
      [next[index], next[target]] = [next[target], next[index]];
      return changed({ runningOrder: next });
    }
    case 'current.select': {
      if (command.applicationId !== null && !order.includes(command.applicationId)) refuse(404, 'stage.errors.notFinalist');
      if (command.applicationId === state.currentApplicationId) return state;
      // Scoring and the timer belong to the startup on stage: a new one starts with neither.
      return changed({ currentApplicationId: command.applicationId, scoringOpen: false, ...clearedTimer() });
    }
    case 'timer.start': {
      if (state.currentApplicationId === null) refuse(409, 'stage.errors.noCurrent');
      if (!Number.isInteger(command.durationMs) || command.durationMs < TIMER_MIN_MS || command.durationMs > TIMER_MAX_MS) {
        refuse(400, 'stage.errors.duration', { min: TIMER_MIN_MS / 1000, max: TIMER_MAX_MS / 60_000 });
      }
      return changed({ timerKind: command.kind, timerDurationMs: command.durationMs, timerStartedAt: now, timerElapsedMs: 0 });
    }
    case 'timer.pause': {
      if (!state.timerKind) refuse(409, 'stage.errors.noTimer');
      if (state.timerStartedAt === null) return state;
      return changed({ timerStartedAt: null, timerElapsedMs: state.timerElapsedMs + Math.max(0, now - state.timerStartedAt) });
    }
    case 'timer.resume': {
      if (!state.timerKind) refuse(409, 'stage.errors.noTimer');
      if (state.timerStartedAt !== null) return state;
      return changed({ timerStartedAt: now });
    }
    case 'timer.reset': {
      if (!state.timerKind) refuse(409, 'stage.errors.noTimer');
      if (state.timerStartedAt === null && state.timerElapsedMs === 0) return state;
      return changed({ timerStartedAt: null, timerElapsedMs: 0 });
    }
    case 'scoring.open': {
      if (state.scoringOpen) return state;
      if (revealing) refuse(409, 'stage.errors.revealRunning');
      if (state.currentApplicationId === null) refuse(409, 'stage.errors.noCurrent');
      if (!rules.finalRound) refuse(409, 'stage.errors.noFinalRound');
      if (!rules.finalRound.open || rules.finalRound.sealed) refuse(409, 'stage.errors.finalRoundClosed');
      return changed({ scoringOpen: true });
    }
    case 'scoring.close':
      return state.scoringOpen ? changed({ scoringOpen: false }) : state;
    case 'vote.open': {
      if (state.voteOpen) return state;
      if (revealing) refuse(409, 'stage.errors.revealRunning');
      if (order.length === 0) refuse(409, 'stage.errors.noFinalists');
      return changed({ voteOpen: true });
    }
    case 'vote.close':
      return state.voteOpen ? changed({ voteOpen: false }) : state;
    case 'vote.settings':
      // Reached only once published (handled above otherwise).
      return refuse(409, 'stage.errors.published');
    case 'reveal.next': {
      if (state.revealStep === 0) {
        if (!rules.finalRound || !rules.finalRound.sealed || rules.revealSteps === 0) refuse(409, 'stage.errors.notSealed');
        if (state.voteOpen) refuse(409, 'stage.errors.voteStillOpen');
        if (state.scoringOpen) refuse(409, 'stage.errors.scoringStillOpen');
      }
      if (state.revealStep >= rules.revealSteps) return state;
      return changed({ revealStep: state.revealStep + 1 });
    }
    case 'reveal.previous': {
      if (state.revealStep === 0) return state;
      return changed({ revealStep: Math.min(state.revealStep, rules.revealSteps + 1) - 1 });
    }
  }
}

// ─── The stage control's forms ─────────────────────────────────────────────

const applicationIdField = z.coerce.number().int().positive();
const optionalCount = z.preprocess(
  (value) => (value === '' || value === null || value === undefined ? undefined : value),
  z.coerce.number().int().min(0).optional(),
);

/** Every form of the stage control posts `intent`, the `version` it showed, and the command's fields. */
export const stageFormSchema = z.object({
  version: optionalCount,
  fromStep: optionalCount,
  command: z.union([
    z.object({ intent: z.literal('order.move'), applicationId: applicationIdField, direction: z.enum(['up', 'down']) }),
    z.object({ intent: z.literal('current.select'), applicationId: z.union([z.literal('none'), applicationIdField]) }),
    z.object({ intent: z.literal('timer.start'), kind: z.enum(TIMER_KINDS), minutes: z.coerce.number().finite() }),
    z.object({
      intent: z.literal('vote.settings'),
      maxPerAddress: z.coerce.number().finite(),
      // A checkbox: present ("on") when ticked, absent otherwise.
      presenceCheck: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
    }),
    z.object({ intent: z.enum(BARE_COMMAND_TYPES) }),
  ]),
});

export type StageForm = { command: StageCommand; expectedVersion?: number; fromStep?: number };

/** A posted form as a command; a Refusal (400) for a form no page of ours would send. */
export function parseStageForm(values: Record<string, string>): StageForm {
  const parsed = stageFormSchema.safeParse({ version: values.version, fromStep: values.fromStep, command: values });
  if (!parsed.success) {
    const durationProblem = values.intent === 'timer.start' && TIMER_KINDS.includes(values.kind as TimerKind);
    if (values.intent === 'vote.settings') throw new Refusal(400, 'stage.errors.voteLimit', VOTE_MAX_PER_ADDRESS_RANGE);
    throw durationProblem
      ? new Refusal(400, 'stage.errors.duration', { min: TIMER_MIN_MS / 1000, max: TIMER_MAX_MS / 60_000 })
      : new Refusal(400, 'stage.errors.badRequest');
  }
  const { version, fromStep, command: form } = parsed.data;
  let command: StageCommand;
  switch (form.intent) {
    case 'order.move':
      command = { type: 'order.move', applicationId: form.applicationId, direction: form.direction };
      break;
    case 'current.select':
      command = { type: 'current.select', applicationId: form.applicationId === 'none' ? null : form.applicationId };
      break;
    case 'timer.start':
      command = { type: 'timer.start', kind: form.kind, durationMs: Math.round(form.minutes * 60_000) };
      break;
    case 'vote.settings':
      command = { type: 'vote.settings', maxPerAddress: form.maxPerAddress, presenceCheck: form.presenceCheck };
      break;
    default:
      command = { type: form.intent };
  }
  return { command, expectedVersion: version, fromStep };
}

/** The fields a command changed, before and after (for the audit log). */
export function stageDiff(before: StageState, after: StageState): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = Object.keys(after) as (keyof StageState)[];
  const diff = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      diff.before[key] = before[key];
      diff.after[key] = after[key];
    }
  }
  return diff;
}

// ─── The reveal ─────────────────────────────────────────────────────────────

export interface RevealEntry {
  applicationId: number;
  name: string;
}

export interface RevealInput {
  sealHash: string;
  /** The sealed final round's ranking (rankRound's `ranked`), best first, with each finalist's track. */
  ranked: (RevealEntry & { rank: number; tie: boolean; trackId?: number | null })[];
  /** The edition's tracks, in their order: each gets the award of its best-ranked finalist(s). */
  tracks?: RevealTrack[];
  /** Finalists left unranked (insufficient scores). */
  unranked: RevealEntry[];
  /** rankVotes over the audience's votes, every finalist included. */
  votes: RankedVote[];
}

export interface RevealTrack {
  id: number;
  nameFr: string;
  nameEn: string;
}

/** The places the reveal announces one by one (each has its own sentence in the dictionary). */
export type PodiumPlace = 1 | 2 | 3;

export type RevealSlide =
  | { kind: 'peoplesChoice'; suspense: true }
  | { kind: 'peoplesChoice'; suspense: false; winners: (RevealEntry & { votes: number })[]; totalVotes: number }
  | { kind: 'place'; place: PodiumPlace; suspense: true }
  | { kind: 'place'; place: PodiumPlace; suspense: false; winners: RevealEntry[] }
  | { kind: 'tracks'; tracks: (Omit<RevealTrack, 'id'> & { winners: RevealEntry[] })[] }
  | {
      kind: 'ranking';
      ranking: (RevealEntry & { rank: number; tie: boolean })[];
      unranked: RevealEntry[];
      peoplesChoice: RevealEntry[];
      totalVotes: number;
      sealHash: string;
    };

/**
 * The presenter's sequence: the people's choice, then the podium from third to first — each a
 * suspense step ("And the third place goes to…") then the name(s) — then the full ranking with the
 * seal. Ties share a place (1, 2, 2 leaves no third place), so the podium has the places that exist.
 */
export function revealSlides(input: RevealInput): RevealSlide[] {
  const totalVotes = input.votes.reduce((sum, v) => sum + v.votes, 0);
  const peoplesChoice = totalVotes === 0 ? [] : input.votes.filter((v) => v.rank === 1);
  const slides: RevealSlide[] = [
    { kind: 'peoplesChoice', suspense: true },
    {
      kind: 'peoplesChoice',
      suspense: false,
      winners: peoplesChoice.map((v) => ({ applicationId: v.applicationId, name: v.name, votes: v.votes })),
      totalVotes,
    },
  ];
  const places = [...new Set(input.ranked.filter((r) => r.rank <= 3).map((r) => r.rank as PodiumPlace))].sort((a, b) => b - a);
  for (const place of places) {
    slides.push({ kind: 'place', place, suspense: true });
    slides.push({
      kind: 'place',
      place,
      suspense: false,
      winners: input.ranked.filter((r) => r.rank === place).map((r) => ({ applicationId: r.applicationId, name: r.name })),
    });
  }
  // The track awards, as publication gives them (awardsFromRanking): each track's best-ranked finalist(s).
  const trackAwards = (input.tracks ?? [])
    .map((track) => {
      const ofTrack = input.ranked.filter((r) => r.trackId === track.id);
      const best = ofTrack.length > 0 ? Math.min(...ofTrack.map((r) => r.rank)) : null;
      return {
        nameFr: track.nameFr,
        nameEn: track.nameEn,
        winners: ofTrack.filter((r) => r.rank === best).map((r) => ({ applicationId: r.applicationId, name: r.name })),
      };
    })
    .filter((track) => track.winners.length > 0);
  if (trackAwards.length > 0) slides.push({ kind: 'tracks', tracks: trackAwards });
  slides.push({
    kind: 'ranking',
    ranking: input.ranked.map((r) => ({ applicationId: r.applicationId, name: r.name, rank: r.rank, tie: r.tie })),
    unranked: input.unranked.map((u) => ({ applicationId: u.applicationId, name: u.name })),
    peoplesChoice: peoplesChoice.map((v) => ({ applicationId: v.applicationId, name: v.name })),
    totalVotes,
    sealHash: input.sealHash,
  });
  return slides;
}

/** What a step is, without the names it reveals (for the stage control's "next: …" line). */
export function revealStepLabel(slide: RevealSlide): { key: MessageKey; params: Record<string, number> } {
  switch (slide.kind) {
    case 'peoplesChoice':
      return { key: slide.suspense ? 'stage.reveal.step.peoplesChoiceSuspense' : 'stage.reveal.step.peoplesChoice', params: {} };
    case 'place':
      return { key: `stage.reveal.step.${slide.suspense ? 'placeSuspense' : 'place'}.${slide.place}`, params: { place: slide.place } };
    case 'tracks':
      return { key: 'stage.reveal.step.tracks', params: {} };
    case 'ranking':
      return { key: 'stage.reveal.step.ranking', params: {} };
  }
}

// ─── What every screen receives ─────────────────────────────────────────────

export interface StageFinalist {
  applicationId: number;
  name: string;
  oneLiner: string;
  trackFr: string | null;
  trackEn: string | null;
  /** `/files/:fileId` of a logo anyone may load (consented to publication), else null. */
  logoUrl: string | null;
}

/**
 * The stage as the projector, the judges' tablets and the public channel see it: never a score,
 * never a vote count before the reveal, and of the reveal only the step on screen.
 */
export interface PublicStage {
  year: number;
  /** The English name; `editionNameFr` the French one (each screen shows its reader's, app/domain/edition.ts). */
  editionName: string;
  editionNameFr: string;
  editionStatus: EditionStatus;
  version: number;
  /** The server's clock when this was sent, so that each screen can correct its own. */
  now: number;
  runningOrder: StageFinalist[];
  currentApplicationId: number | null;
  timer: TimerSnapshot | null;
  scoringOpen: boolean;
  voteOpen: boolean;
  reveal: { step: number; total: number; slide: RevealSlide } | null;
}

/** Which of the projector's views a state calls for, in priority order. */
export type ProjectorView = 'reveal' | 'vote' | 'onStage' | 'runningOrder';

export function projectorView(stage: Pick<PublicStage, 'reveal' | 'voteOpen' | 'currentApplicationId'>): ProjectorView {
  if (stage.reveal) return 'reveal';
  // The vote shares the screen with the startup on stage (its pitch and timer); alone between pitches.
  if (stage.currentApplicationId !== null) return 'onStage';
  if (stage.voteOpen) return 'vote';
  return 'runningOrder';
}

// Kept in a module without zod, for the judge's tablet (its first-load budget).
export { isNewScoringOpen, scoringKey } from './stage-follow';

/** What the stage control's action answers: the new version, or which form was refused and why. */
export interface StageActionAnswer {
  ok: boolean;
  version?: number;
  /** Which form was refused (intent plus its item), and why. */
  form?: string;
  error?: { key: MessageKey; params: Record<string, string | number> };
}
