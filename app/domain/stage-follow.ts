/**
 * What a judge's tablet needs of the stage to follow it (app/components/StageFollower.tsx), in a
 * module without zod so that the scoresheet's page does not download it; app/domain/stage.ts
 * re-exports both.
 */
import type { PublicStage } from './stage';

/** The scoring key a judge's tablet follows: the startup scoring is open for, or null. */
export function scoringKey(stage: Pick<PublicStage, 'scoringOpen' | 'currentApplicationId'>): number | null {
  return stage.scoringOpen && stage.currentApplicationId !== null ? stage.currentApplicationId : null;
}

/**
 * Whether a tablet that last saw `previous` and now sees `current` should open the new sheet:
 * only when scoring newly opened for a startup it had not seen open (not on a reconnect, not when
 * the judge comes back to a page, not on the very first state a fresh tablet receives).
 */
export function isNewScoringOpen(previous: number | null | undefined, current: number | null): boolean {
  return current !== null && previous !== undefined && previous !== current;
}
