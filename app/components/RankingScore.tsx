/**
 * How scores read: a mean or trimmed mean on the 0–100 scale of sheet totals (two decimals), a
 * z-score as a signed number of standard deviations (three decimals), in the page's language.
 */
import type { RankingMethod } from '~/domain/ranking';
import { formatNumber, type Lang } from '~/i18n';

export function formatScore(lang: Lang, method: RankingMethod, score: number): string {
  return method === 'zscore'
    ? formatNumber(lang, score, { minimumFractionDigits: 3, maximumFractionDigits: 3, signDisplay: 'exceptZero' })
    : formatNumber(lang, score, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatPoints(lang: Lang, value: number): string {
  return formatNumber(lang, value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
