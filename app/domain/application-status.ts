/**
 * The steps of an application's life as a founder sees them, for the status
 * timeline: which steps were reached, and where it ended.
 */
import type { ApplicationStatus } from './statuses';

export type TimelineStep = 'draft' | 'submitted' | 'finalist' | 'outcome';
export type StepState = 'done' | 'current' | 'upcoming' | 'skipped';

/** How far an application got: 0 draft, 1 submitted/shortlisted/not selected, 2 finalist, 3 winner. */
function reached(status: ApplicationStatus): number {
  switch (status) {
    case 'draft':
    case 'withdrawn':
      return 0;
    case 'submitted':
    case 'shortlisted':
    case 'not_selected':
      return 1;
    case 'finalist':
      return 2;
    case 'winner':
      return 3;
  }
}

/**
 * Timeline for a status. `withdrawn` and `not_selected` end it early; the last
 * step then carries that outcome. `submittedBefore` says whether a withdrawn one was ever submitted;
 * once the edition's results are published, a finalist without a prize has ended too.
 */
export function applicationTimeline(status: ApplicationStatus, submittedBefore = false, resultsPublished = false) {
  const steps: TimelineStep[] = ['draft', 'submitted', 'finalist', 'outcome'];
  const level = status === 'withdrawn' && submittedBefore ? 1 : reached(status);
  const ended =
    status === 'withdrawn' || status === 'not_selected' || status === 'winner' || (resultsPublished && status !== 'draft');
  return steps.map((step, index) => {
    let state: StepState;
    if (step === 'outcome') state = ended ? 'done' : 'upcoming';
    else if (index < level) state = 'done';
    else if (index === level) state = ended ? 'done' : 'current';
    else state = ended ? 'skipped' : 'upcoming';
    return { step, state };
  });
}

/** The words of the last step: the outcome once known, else "Result" still to come. */
export function outcomeOf(status: ApplicationStatus, resultsPublished: boolean): 'winner' | 'not_selected' | 'withdrawn' | 'finalist' | 'pending' {
  if (status === 'winner' || status === 'not_selected' || status === 'withdrawn') return status;
  if (resultsPublished && (status === 'finalist' || status === 'submitted' || status === 'shortlisted')) {
    return status === 'finalist' ? 'finalist' : 'not_selected';
  }
  return 'pending';
}
