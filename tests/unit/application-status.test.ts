import { describe, expect, it } from 'vitest';
import { applicationTimeline, outcomeOf } from '~/domain/application-status';

const states = (...args: Parameters<typeof applicationTimeline>) => applicationTimeline(...args).map((s) => s.state);

describe('the founder’s status timeline', () => {
  it('shows a draft as the current first step', () => {
    expect(states('draft')).toEqual(['current', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('shows a submitted application waiting for its result', () => {
    expect(states('submitted')).toEqual(['done', 'current', 'upcoming', 'upcoming']);
    expect(outcomeOf('submitted', false)).toBe('pending');
  });

  it('ends a winner with every step done', () => {
    expect(states('winner')).toEqual(['done', 'done', 'done', 'done']);
    expect(outcomeOf('winner', true)).toBe('winner');
  });

  it('ends a finalist of a published edition as a finalist without a prize', () => {
    expect(states('finalist', true, false)).toEqual(['done', 'done', 'current', 'upcoming']);
    expect(states('finalist', true, true)).toEqual(['done', 'done', 'done', 'done']);
    expect(outcomeOf('finalist', true)).toBe('finalist');
  });

  it('marks the steps a withdrawn application never reached', () => {
    expect(states('withdrawn', true)).toEqual(['done', 'done', 'skipped', 'done']);
    expect(states('withdrawn', false)).toEqual(['done', 'skipped', 'skipped', 'done']);
    expect(outcomeOf('withdrawn', false)).toBe('withdrawn');
  });
});
