/**
 * The stage's pure rules (app/domain/stage.ts): timers read from a start time, every command of
 * the stage control and its refusals, the reveal sequence (ties included), the form parser, and
 * the tablet's "new scoring opening" rule.
 */
import { describe, expect, it } from 'vitest';
import { rankVotes } from '~/domain/ranking';
import {
  applyStageCommand,
  formatClock,
  initialStageState,
  isNewScoringOpen,
  parseStageForm,
  projectorView,
  readTimer,
  reconcileRunningOrder,
  revealSlides,
  revealStepLabel,
  scoringKey,
  stageDiff,
  type RevealInput,
  type StageCommand,
  type StageRules,
  type StageState,
} from '~/domain/stage';
import { Refusal } from '~/domain/refusal';
import { en } from '~/i18n/en';
import { fr } from '~/i18n/fr';

const FINALISTS = [11, 12, 13, 14];
const T0 = Date.UTC(2023, 10, 10, 14, 0, 0);

function rules(overrides: Partial<StageRules> = {}): StageRules {
  return { editionStatus: 'final', finalists: FINALISTS, finalRound: { open: true, sealed: false }, revealSteps: 0, ...overrides };
}

function run(state: StageState, command: StageCommand, r: StageRules = rules(), now = T0): StageState {
  return applyStageCommand(state, command, r, now);
}

function refusalOf(fn: () => unknown): { status: number; key: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof Refusal) return { status: error.status, key: error.key };
    throw error;
  }
  throw new Error('expected a refusal');
}

const onStage = (id = 12): StageState => run(initialStageState(FINALISTS), { type: 'current.select', applicationId: id });

describe('timers', () => {
  const timer = { kind: 'pitch' as const, durationMs: 300_000, elapsedMs: 0, startedAt: T0 };

  it('computes the remaining time from the start time, whoever reads it', () => {
    expect(readTimer(timer, T0 + 60_000)).toMatchObject({ running: true, remainingMs: 240_000, finalStretch: false, over: false });
    expect(readTimer(timer, T0 + 275_000)).toMatchObject({ remainingMs: 25_000, finalStretch: true, over: false });
    expect(readTimer(timer, T0 + 312_000)).toMatchObject({ remainingMs: -12_000, finalStretch: false, over: true });
  });

  it('counts time already run before a pause, and nothing while paused', () => {
    const paused = { ...timer, startedAt: null, elapsedMs: 100_000 };
    expect(readTimer(paused, T0 + 10_000_000)).toMatchObject({ running: false, remainingMs: 200_000 });
    const resumed = { ...timer, startedAt: T0 + 500_000, elapsedMs: 100_000 };
    expect(readTimer(resumed, T0 + 510_000).remainingMs).toBe(190_000);
  });

  it('never runs backwards when a clock is slightly behind the start', () => {
    expect(readTimer(timer, T0 - 800).remainingMs).toBe(300_000);
  });

  it('shows m:ss, rounding the remaining time up and the overtime down', () => {
    expect(formatClock(300_000)).toBe('5:00');
    expect(formatClock(299_001)).toBe('5:00');
    expect(formatClock(299_000)).toBe('4:59');
    expect(formatClock(30_000)).toBe('0:30');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-999)).toBe('0:00');
    expect(formatClock(-61_000)).toBe('1:01');
  });

  it('starts, pauses, resumes and resets through commands', () => {
    let s = run(onStage(), { type: 'timer.start', kind: 'pitch', durationMs: 300_000 }, rules(), T0);
    expect(s).toMatchObject({ timerKind: 'pitch', timerDurationMs: 300_000, timerStartedAt: T0, timerElapsedMs: 0 });
    s = run(s, { type: 'timer.pause' }, rules(), T0 + 42_000);
    expect(s).toMatchObject({ timerStartedAt: null, timerElapsedMs: 42_000 });
    s = run(s, { type: 'timer.resume' }, rules(), T0 + 100_000);
    expect(s).toMatchObject({ timerStartedAt: T0 + 100_000, timerElapsedMs: 42_000 });
    s = run(s, { type: 'timer.reset' }, rules(), T0 + 120_000);
    expect(s).toMatchObject({ timerKind: 'pitch', timerStartedAt: null, timerElapsedMs: 0, timerDurationMs: 300_000 });
  });

  it('refuses a timer without a startup on stage, or with a duration out of bounds', () => {
    expect(refusalOf(() => run(initialStageState(FINALISTS), { type: 'timer.start', kind: 'qa', durationMs: 180_000 }))).toEqual({
      status: 409,
      key: 'stage.errors.noCurrent',
    });
    expect(refusalOf(() => run(onStage(), { type: 'timer.start', kind: 'qa', durationMs: 5_000 })).key).toBe('stage.errors.duration');
    expect(refusalOf(() => run(onStage(), { type: 'timer.start', kind: 'qa', durationMs: 61 * 60_000 })).key).toBe('stage.errors.duration');
    expect(refusalOf(() => run(onStage(), { type: 'timer.pause' })).key).toBe('stage.errors.noTimer');
  });
});

describe('commands of the stage control', () => {
  it('bumps the version at every change and returns the same state when nothing changes', () => {
    const s0 = initialStageState(FINALISTS);
    const s1 = run(s0, { type: 'current.select', applicationId: 12 });
    expect(s1.version).toBe(1);
    expect(run(s1, { type: 'current.select', applicationId: 12 })).toBe(s1);
    expect(run(s1, { type: 'order.move', applicationId: 11, direction: 'up' })).toBe(s1);
    expect(run(s1, { type: 'scoring.close' })).toBe(s1);
    expect(run(s1, { type: 'vote.close' })).toBe(s1);
    expect(run(s1, { type: 'reveal.previous' })).toBe(s1);
  });

  it('moves a finalist up and down the running order', () => {
    const s = run(initialStageState(FINALISTS), { type: 'order.move', applicationId: 13, direction: 'up' });
    expect(s.runningOrder).toEqual([11, 13, 12, 14]);
    expect(run(s, { type: 'order.move', applicationId: 11, direction: 'down' }).runningOrder).toEqual([13, 11, 12, 14]);
    expect(refusalOf(() => run(s, { type: 'order.move', applicationId: 99, direction: 'up' })).status).toBe(404);
  });

  it('keeps the running order in step with the finalists', () => {
    expect(reconcileRunningOrder([14, 99, 12, 14], FINALISTS)).toEqual([14, 12, 11, 13]);
  });

  it('puts a new startup on stage with scoring closed and no timer', () => {
    let s = run(onStage(12), { type: 'timer.start', kind: 'pitch', durationMs: 300_000 });
    s = run(s, { type: 'scoring.open' });
    s = run(s, { type: 'current.select', applicationId: 13 });
    expect(s).toMatchObject({ currentApplicationId: 13, scoringOpen: false, timerKind: null, timerStartedAt: null });
    expect(run(s, { type: 'current.select', applicationId: null }).currentApplicationId).toBeNull();
  });

  it('opens scoring only for a startup on stage, in an open, unsealed final round', () => {
    expect(refusalOf(() => run(initialStageState(FINALISTS), { type: 'scoring.open' })).key).toBe('stage.errors.noCurrent');
    expect(refusalOf(() => run(onStage(), { type: 'scoring.open' }, rules({ finalRound: null }))).key).toBe('stage.errors.noFinalRound');
    expect(refusalOf(() => run(onStage(), { type: 'scoring.open' }, rules({ finalRound: { open: false, sealed: false } }))).key).toBe(
      'stage.errors.finalRoundClosed',
    );
    expect(run(onStage(), { type: 'scoring.open' }).scoringOpen).toBe(true);
  });

  it('runs only while the edition is in its final', () => {
    for (const editionStatus of ['draft', 'open', 'judging'] as const) {
      expect(refusalOf(() => run(onStage(), { type: 'vote.open' }, rules({ editionStatus })))).toEqual({
        status: 409,
        key: 'stage.errors.notFinal',
      });
    }
    expect(refusalOf(() => run(onStage(), { type: 'vote.open' }, rules({ editionStatus: 'published' }))).key).toBe(
      'stage.errors.published',
    );
  });

  it('lets a reveal under way finish after publication, and nothing else', () => {
    const sealed = rules({ finalRound: { open: false, sealed: true }, revealSteps: 9 });
    const revealing = run(onStage(), { type: 'reveal.next' }, sealed);
    const published = { ...sealed, editionStatus: 'published' as const };
    expect(run(revealing, { type: 'reveal.next' }, published).revealStep).toBe(2);
    expect(run(revealing, { type: 'reveal.previous' }, published).revealStep).toBe(0);
    expect(refusalOf(() => run(onStage(), { type: 'reveal.next' }, published)).key).toBe('stage.errors.published');
    expect(refusalOf(() => run(revealing, { type: 'current.select', applicationId: 13 }, published)).key).toBe('stage.errors.published');
  });

  it('starts the reveal only once the final round is sealed, the vote and scoring closed', () => {
    const sealed = rules({ finalRound: { open: false, sealed: true }, revealSteps: 9 });
    expect(refusalOf(() => run(onStage(), { type: 'reveal.next' }, rules({ revealSteps: 0 })))).toEqual({
      status: 409,
      key: 'stage.errors.notSealed',
    });
    expect(
      refusalOf(() => run(onStage(), { type: 'reveal.next' }, rules({ finalRound: { open: false, sealed: false }, revealSteps: 9 }))).key,
    ).toBe('stage.errors.notSealed');
    const voting = run(onStage(), { type: 'vote.open' });
    expect(refusalOf(() => run(voting, { type: 'reveal.next' }, sealed)).key).toBe('stage.errors.voteStillOpen');
    let s = run(voting, { type: 'vote.close' }, sealed);
    s = run(s, { type: 'reveal.next' }, sealed);
    expect(s.revealStep).toBe(1);
    expect(refusalOf(() => run(s, { type: 'vote.open' }, sealed)).key).toBe('stage.errors.revealRunning');
    expect(refusalOf(() => run(s, { type: 'scoring.open' }, sealed)).key).toBe('stage.errors.revealRunning');
    for (let i = 0; i < 20; i++) s = run(s, { type: 'reveal.next' }, sealed);
    expect(s.revealStep).toBe(9);
    s = run(s, { type: 'reveal.previous' }, sealed);
    expect(s.revealStep).toBe(8);
  });

  it('records in the audit diff only what changed', () => {
    const before = onStage(12);
    const after = run(before, { type: 'scoring.open' });
    expect(stageDiff(before, after)).toEqual({ before: { scoringOpen: false, version: 1 }, after: { scoringOpen: true, version: 2 } });
  });
});

describe('the reveal sequence', () => {
  const votes = (counts: Record<string, number>) =>
    rankVotes(Object.entries(counts).map(([name, n], i) => ({ applicationId: 100 + i, name, votes: n })));
  const ranked = (...entries: [string, number, boolean?][]) =>
    entries.map(([name, rank, tie], i) => ({ applicationId: 200 + i, name, rank, tie: tie ?? false }));
  const input = (over: Partial<RevealInput> = {}): RevealInput => ({
    sealHash: 'a'.repeat(64),
    ranked: ranked(['Votabl', 1], ['Civix', 2], ['OpenLedger', 3], ['Parlio', 4]),
    unranked: [],
    votes: votes({ Votabl: 3, Civix: 9, OpenLedger: 1, Parlio: 0 }),
    ...over,
  });

  it('goes people’s choice, third, second, first — each with its suspense step — then the ranking', () => {
    const slides = revealSlides(input());
    expect(slides.map((s) => `${s.kind}${'place' in s ? s.place : ''}${'suspense' in s && s.suspense ? '?' : ''}`)).toEqual([
      'peoplesChoice?',
      'peoplesChoice',
      'place3?',
      'place3',
      'place2?',
      'place2',
      'place1?',
      'place1',
      'ranking',
    ]);
    expect(slides[1]).toMatchObject({ winners: [{ name: 'Civix', votes: 9 }], totalVotes: 13 });
    expect(slides[3]).toMatchObject({ winners: [{ name: 'OpenLedger' }] });
    expect(slides[7]).toMatchObject({ winners: [{ name: 'Votabl' }] });
    expect(slides[8]).toMatchObject({ sealHash: 'a'.repeat(64), peoplesChoice: [{ name: 'Civix' }] });
  });

  it('names nothing on a suspense step', () => {
    for (const slide of revealSlides(input())) {
      if ('suspense' in slide && slide.suspense) expect(JSON.stringify(slide)).not.toMatch(/Votabl|Civix|OpenLedger/);
    }
  });

  it('lets tied finalists share a place, and skips the place nobody holds', () => {
    const slides = revealSlides(input({ ranked: ranked(['A', 1], ['B', 2, true], ['C', 2, true], ['D', 4]) }));
    const places = slides.filter((s) => s.kind === 'place' && !s.suspense);
    expect(places.map((s) => (s.kind === 'place' ? s.place : 0))).toEqual([2, 1]);
    expect(places[0]).toMatchObject({ winners: [{ name: 'B' }, { name: 'C' }] });
  });

  it('says so when nobody voted', () => {
    const slides = revealSlides(input({ votes: votes({ A: 0, B: 0 }) }));
    expect(slides[1]).toMatchObject({ kind: 'peoplesChoice', winners: [], totalVotes: 0 });
  });

  it('labels each step for the stage control without its names', () => {
    const labels = revealSlides(input()).map(revealStepLabel);
    expect(labels[2]).toEqual({ key: 'stage.reveal.step.placeSuspense.3', params: { place: 3 } });
    expect(labels.every((l) => l.key in en)).toBe(true);
  });
});

describe('the projector and the tablets', () => {
  const base = { reveal: null, voteOpen: false, currentApplicationId: null, scoringOpen: false };

  it('shows the reveal first, then the startup on stage (with the vote beside it when open), the vote alone between pitches, else the running order', () => {
    expect(projectorView(base)).toBe('runningOrder');
    expect(projectorView({ ...base, currentApplicationId: 3 })).toBe('onStage');
    expect(projectorView({ ...base, currentApplicationId: 3, voteOpen: true })).toBe('onStage');
    expect(projectorView({ ...base, voteOpen: true })).toBe('vote');
    expect(
      projectorView({ ...base, voteOpen: true, reveal: { step: 1, total: 9, slide: { kind: 'peoplesChoice', suspense: true } } }),
    ).toBe('reveal');
  });

  it('opens a sheet only on a new scoring opening, never on a reconnect or the first state seen', () => {
    expect(scoringKey({ ...base, currentApplicationId: 3, scoringOpen: true })).toBe(3);
    expect(scoringKey({ ...base, currentApplicationId: 3 })).toBeNull();
    expect(isNewScoringOpen(null, 3)).toBe(true);
    expect(isNewScoringOpen(2, 3)).toBe(true);
    expect(isNewScoringOpen(3, 3)).toBe(false);
    expect(isNewScoringOpen(undefined, 3)).toBe(false);
    expect(isNewScoringOpen(3, null)).toBe(false);
  });
});

describe('the stage control’s forms', () => {
  it('reads each command and the version it was based on', () => {
    expect(parseStageForm({ intent: 'order.move', applicationId: '12', direction: 'down', version: '4' })).toEqual({
      command: { type: 'order.move', applicationId: 12, direction: 'down' },
      expectedVersion: 4,
      fromStep: undefined,
    });
    expect(parseStageForm({ intent: 'current.select', applicationId: 'none', version: '0' }).command).toEqual({
      type: 'current.select',
      applicationId: null,
    });
    expect(parseStageForm({ intent: 'timer.start', kind: 'qa', minutes: '2.5', version: '1' }).command).toEqual({
      type: 'timer.start',
      kind: 'qa',
      durationMs: 150_000,
    });
    expect(parseStageForm({ intent: 'reveal.next', fromStep: '3' })).toMatchObject({ command: { type: 'reveal.next' }, fromStep: 3 });
  });

  it('refuses what no form of ours sends, and says what a timer may last', () => {
    expect(refusalOf(() => parseStageForm({ intent: 'stage.explode' }))).toEqual({ status: 400, key: 'stage.errors.badRequest' });
    expect(refusalOf(() => parseStageForm({ intent: 'order.move', applicationId: 'x', direction: 'up' })).key).toBe(
      'stage.errors.badRequest',
    );
    expect(refusalOf(() => parseStageForm({ intent: 'timer.start', kind: 'pitch', minutes: 'five' })).key).toBe('stage.errors.duration');
  });
});

describe('messages', () => {
  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();
    const keys = Object.keys(en).filter((key) => key.startsWith('stage.') || key === 'organise.tabs.stage');
    const mismatched = keys.filter(
      (key) =>
        JSON.stringify(placeholders((en as Record<string, string>)[key])) !== JSON.stringify(placeholders((fr as Record<string, string>)[key])),
    );
    expect(keys.length).toBeGreaterThan(100);
    expect(mismatched).toEqual([]);
  });
});
