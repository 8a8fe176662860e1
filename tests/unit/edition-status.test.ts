import { describe, expect, it } from 'vitest';
import { checkStep, EDITION_STEPS, isPublicEdition, type EditionFacts } from '~/domain/edition-status';
import { EDITION_STATUSES, type EditionStatus } from '~/domain/statuses';

/** An edition ready for every step: tracks, criteria, a screening round, applications, finalists, no seal. */
const READY: EditionFacts = {
  tracks: 2,
  criteria: 3,
  screeningRound: true,
  drafts: 0,
  submitted: 10,
  finalists: 4,
  submittedSheets: 30,
  windowClosed: true,
  finalSealed: false,
};

type Expected = 'forward' | 'back' | `refused:${string}`;

/** Every pair of statuses, with what the machine answers for an edition READY for it. */
const TABLE: [EditionStatus, EditionStatus, Expected][] = [
  ['draft', 'draft', 'refused:editions.step.refused.same'],
  ['draft', 'open', 'forward'],
  ['draft', 'judging', 'refused:editions.step.refused.notAStep'],
  ['draft', 'final', 'refused:editions.step.refused.notAStep'],
  ['draft', 'published', 'refused:editions.step.refused.notAStep'],
  ['open', 'draft', 'refused:editions.step.refused.notAStep'],
  ['open', 'open', 'refused:editions.step.refused.same'],
  ['open', 'judging', 'forward'],
  ['open', 'final', 'refused:editions.step.refused.notAStep'],
  ['open', 'published', 'refused:editions.step.refused.notAStep'],
  ['judging', 'draft', 'refused:editions.step.refused.notAStep'],
  ['judging', 'open', 'back'],
  ['judging', 'judging', 'refused:editions.step.refused.same'],
  ['judging', 'final', 'forward'],
  ['judging', 'published', 'refused:editions.step.refused.notAStep'],
  ['final', 'draft', 'refused:editions.step.refused.notAStep'],
  ['final', 'open', 'refused:editions.step.refused.notAStep'],
  ['final', 'judging', 'refused:editions.step.refused.notAStep'],
  ['final', 'final', 'refused:editions.step.refused.same'],
  ['final', 'published', 'refused:editions.step.refused.viaPublication'],
  ['published', 'draft', 'refused:editions.step.refused.published'],
  ['published', 'open', 'refused:editions.step.refused.published'],
  ['published', 'judging', 'refused:editions.step.refused.published'],
  ['published', 'final', 'refused:editions.step.refused.published'],
  ['published', 'published', 'refused:editions.step.refused.published'],
];

const outcome = (from: EditionStatus, to: EditionStatus, facts: EditionFacts): Expected => {
  const check = checkStep(from, to, facts);
  return check.allowed ? check.direction : `refused:${check.refusal}`;
};

describe('the edition status machine', () => {
  it('the table covers every pair of statuses', () => {
    expect(TABLE.length).toBe(EDITION_STATUSES.length ** 2);
    expect(new Set(TABLE.map(([from, to]) => `${from}→${to}`)).size).toBe(25);
  });

  it.each(TABLE)('%s → %s: %s', (from, to, expected) => {
    expect(outcome(from, to, READY)).toBe(expected);
  });

  it('offers as buttons exactly the steps it allows, plus publication (taken elsewhere)', () => {
    for (const from of EDITION_STATUSES) {
      const allowed = EDITION_STATUSES.filter((to) => checkStep(from, to, READY).allowed);
      expect(EDITION_STEPS[from].filter((to) => to !== 'published').sort()).toEqual(allowed.sort());
    }
  });

  describe('what each step checks first', () => {
    it.each([
      ['draft', 'open', { tracks: 0 }, 'refused:editions.step.refused.noTracks'],
      ['open', 'judging', { criteria: 0 }, 'refused:editions.step.refused.noCriteria'],
      ['open', 'judging', { screeningRound: false }, 'refused:editions.step.refused.noScreening'],
      ['open', 'judging', { submitted: 0 }, 'refused:editions.step.refused.noSubmitted'],
      ['judging', 'final', { finalists: 0 }, 'refused:editions.step.refused.noFinalists'],
      ['judging', 'open', { finalSealed: true }, 'refused:editions.step.refused.sealed'],
      ['final', 'judging', { finalSealed: true }, 'refused:editions.step.refused.sealed'],
      ['final', 'open', { finalSealed: true }, 'refused:editions.step.refused.sealed'],
    ] as [EditionStatus, EditionStatus, Partial<EditionFacts>, Expected][])('%s → %s with %j: %s', (from, to, facts, expected) => {
      expect(outcome(from, to, { ...READY, ...facts })).toBe(expected);
    });
  });

  it('open → judging says how many drafts will not be judged, and asks for a confirmation', () => {
    const check = checkStep('open', 'judging', { ...READY, drafts: 12, windowClosed: true });
    expect(check).toEqual({
      allowed: true,
      direction: 'forward',
      needsReason: false,
      needsConfirmation: true,
      notes: [
        { key: 'editions.step.note.submitted', params: { count: 10 } },
        { key: 'editions.step.note.drafts', params: { count: 12 } },
      ],
    });
  });

  it('open → judging before the deadline warns that founders are cut short, and asks for a confirmation', () => {
    const check = checkStep('open', 'judging', { ...READY, windowClosed: false });
    expect(check.allowed && check.notes.map((n) => n.key)).toEqual(['editions.step.note.submitted', 'editions.step.note.windowOpen']);
    expect(check.allowed && check.needsConfirmation).toBe(true);
  });

  it('open → judging after the deadline with every application submitted needs no confirmation', () => {
    const check = checkStep('open', 'judging', READY);
    expect(check.allowed && check.needsConfirmation).toBe(false);
  });

  it('stepping back judging → open needs a reason and a confirmation, and keeps the sheets', () => {
    const check = checkStep('judging', 'open', READY);
    expect(check).toMatchObject({ allowed: true, direction: 'back', needsReason: true, needsConfirmation: true });
    expect(check.allowed && check.notes).toContainEqual({ key: 'editions.step.note.sheetsKept', params: { count: 30 } });
  });

  it('only drafts are hidden from the public', () => {
    expect(EDITION_STATUSES.filter((s) => !isPublicEdition(s))).toEqual(['draft']);
  });
});
