/**
 * The edition's status machine: draft → open → judging → final → published, and the one step
 * back that is safe, judging → open (to extend a deadline), with a written reason and never once
 * the final round is sealed. Pure: the server gathers the facts (counts, the seal) inside its
 * transaction and asks `checkStep`; the page shows the same answer as a pre-check summary before
 * the button.
 *
 * `published` is reached only by publishing the results (app/utils/publication.server.ts), which
 * seals, checks and writes the awards: this machine names it as a step but refuses to take it,
 * and points there instead. judging → final is also taken by confirming the shortlist.
 */
import type { EditionStatus } from './statuses';

/** What the server knows about an edition when it is asked to move it. */
export interface EditionFacts {
  tracks: number;
  criteria: number;
  /** Whether the edition has a screening round (judges score the written applications there). */
  screeningRound: boolean;
  /** Applications by what they mean here. */
  drafts: number;
  submitted: number;
  finalists: number;
  /** Submitted scoresheets in any round (a step back keeps them). */
  submittedSheets: number;
  /** Whether the application window has closed (now is after its close). */
  windowClosed: boolean;
  /** Whether the final round's seal is recorded (docs/decisions/025): nothing steps back after it. */
  finalSealed: boolean;
}

/** A line of the pre-check summary: a message key of the `editions` dictionary and its numbers. */
export interface StepNote {
  key:
    | 'editions.step.note.drafts'
    | 'editions.step.note.submitted'
    | 'editions.step.note.windowOpen'
    | 'editions.step.note.finalists'
    | 'editions.step.note.sheetsKept'
    | 'editions.step.note.public'
    | 'editions.step.note.reopen';
  params?: Record<string, number>;
}

export type StepRefusal =
  | 'editions.step.refused.same'
  | 'editions.step.refused.notAStep'
  | 'editions.step.refused.viaPublication'
  | 'editions.step.refused.published'
  | 'editions.step.refused.sealed'
  | 'editions.step.refused.noTracks'
  | 'editions.step.refused.noCriteria'
  | 'editions.step.refused.noScreening'
  | 'editions.step.refused.noSubmitted'
  | 'editions.step.refused.noFinalists';

export type StepCheck =
  | {
      allowed: true;
      direction: 'forward' | 'back';
      /** A written reason is required (every step back). */
      needsReason: boolean;
      /** An explicit confirmation is required (the summary says something that cannot be undone lightly). */
      needsConfirmation: boolean;
      notes: StepNote[];
    }
  | { allowed: false; refusal: StepRefusal };

/** The steps a button can offer from each status, forward first. */
export const EDITION_STEPS: Record<EditionStatus, readonly EditionStatus[]> = {
  draft: ['open'],
  open: ['judging'],
  judging: ['final', 'open'],
  final: ['published'],
  published: [],
};

const ORDER: readonly EditionStatus[] = ['draft', 'open', 'judging', 'final', 'published'];

/** Whether `to` may follow `from` now, and what the organiser must know (and give) first. */
export function checkStep(from: EditionStatus, to: EditionStatus, facts: EditionFacts): StepCheck {
  const refuse = (refusal: StepRefusal): StepCheck => ({ allowed: false, refusal });
  if (from === 'published') return refuse('editions.step.refused.published');
  if (from === to) return refuse('editions.step.refused.same');
  if (to === 'published') return from === 'final' ? refuse('editions.step.refused.viaPublication') : refuse('editions.step.refused.notAStep');
  if (!EDITION_STEPS[from].includes(to)) {
    // A step back from the final: the ranking of a sealed final is history; before the seal it
    // is still not offered, since finalists, the stage and the votes belong to the final.
    if (ORDER.indexOf(to) < ORDER.indexOf(from) && facts.finalSealed) return refuse('editions.step.refused.sealed');
    return refuse('editions.step.refused.notAStep');
  }
  const forward = (notes: StepNote[], needsConfirmation = false): StepCheck => ({
    allowed: true,
    direction: 'forward',
    needsReason: false,
    needsConfirmation,
    notes,
  });

  switch (`${from}→${to}`) {
    case 'draft→open':
      if (facts.tracks === 0) return refuse('editions.step.refused.noTracks');
      return forward([{ key: 'editions.step.note.public' }]);
    case 'open→judging': {
      if (facts.criteria === 0) return refuse('editions.step.refused.noCriteria');
      if (!facts.screeningRound) return refuse('editions.step.refused.noScreening');
      if (facts.submitted === 0) return refuse('editions.step.refused.noSubmitted');
      const notes: StepNote[] = [{ key: 'editions.step.note.submitted', params: { count: facts.submitted } }];
      if (facts.drafts > 0) notes.push({ key: 'editions.step.note.drafts', params: { count: facts.drafts } });
      if (!facts.windowClosed) notes.push({ key: 'editions.step.note.windowOpen' });
      // Drafts left behind or founders cut short: said, then confirmed.
      return forward(notes, facts.drafts > 0 || !facts.windowClosed);
    }
    case 'judging→final':
      if (facts.finalists === 0) return refuse('editions.step.refused.noFinalists');
      return forward([{ key: 'editions.step.note.finalists', params: { count: facts.finalists } }]);
    case 'judging→open': {
      if (facts.finalSealed) return refuse('editions.step.refused.sealed');
      const notes: StepNote[] = [{ key: 'editions.step.note.reopen' }];
      if (facts.submittedSheets > 0) notes.push({ key: 'editions.step.note.sheetsKept', params: { count: facts.submittedSheets } });
      return { allowed: true, direction: 'back', needsReason: true, needsConfirmation: true, notes };
    }
  }
  return refuse('editions.step.refused.notAStep');
}

/** Whether the public may see the edition at all: a draft is the organisers' alone. */
export function isPublicEdition(status: EditionStatus): boolean {
  return status !== 'draft';
}
