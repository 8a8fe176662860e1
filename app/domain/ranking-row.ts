/**
 * One application's line of a round's live ranking: what `rankings.server.ts` builds and the
 * organisers' ranking table draws (the wire type lives here, not in the component).
 */
import type { RankingMethod } from './ranking';
import type { ApplicationStatus } from './statuses';

export interface RankingRow {
  applicationId: number;
  name: string;
  status: ApplicationStatus;
  trackId: number | null;
  rank: number | null;
  score: number | null;
  sheets: number;
  tie: boolean;
  spread: number | null;
  criterionMeans: Record<number, number>;
  /** Rank under each method, when the other methods are previewed (null: not ranked). */
  ranks: Partial<Record<RankingMethod, number | null>>;
}
