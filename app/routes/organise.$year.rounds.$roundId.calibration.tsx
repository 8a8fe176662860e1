/**
 * /organise/:year/rounds/:roundId/calibration — each judge's mean total, spread and sheets against
 * the panel's (app/domain/calibration.ts), as a chart and a table, so that a severe or lenient
 * judge is visible before their scores decide a ranking.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CalibrationChart } from '~/components/CalibrationChart';
import { RankingRoundNav } from '~/components/RankingRoundNav';
import { GAP_THRESHOLD_SD, MIN_PAIRED_SHEETS } from '~/domain/calibration';
import { formatNumber, roundTitleMeta, useT } from '~/i18n';
import resultsStyles from '~/styles/results.css';
import { roundCalibrationView } from '~/utils/rankings.server';
import { requireRound } from '~/utils/rounds.server';
import { organiserPage } from '~/utils/organiser-page.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: resultsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  roundTitleMeta(matches, 'results.calibration.title', data?.year, data?.view.round);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['results']);
  const round = requireRound(edition.id, params.roundId);
  return { messages, year: edition.year, view: roundCalibrationView(edition.id, round.id) };
}

export default function RoundCalibration() {
  const { year, view } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const roundName = lang === 'fr' ? view.round.nameFr : view.round.nameEn;
  return (
    <section className="results-page" aria-labelledby="calibration-title">
      <RankingRoundNav year={year} rounds={view.rounds} />
      <h2 id="calibration-title">{t('results.calibration.title', { round: roundName })}</h2>
      <p className="results-summary">
        {t('results.calibration.lead', { minPaired: MIN_PAIRED_SHEETS, fraction: formatNumber(lang, GAP_THRESHOLD_SD) })}{' '}
        {view.round.method !== 'zscore' ? (
          <>
            {t('results.calibration.zscoreHint')} <Link to={`/organise/${year}/rounds/${view.round.id}/ranking?compare=methods`}>{t('results.calibration.compareLink')}</Link>
          </>
        ) : (
          t('results.calibration.zscoreUsed')
        )}
      </p>
      {view.judges.length === 0 ? (
        <p className="notice">{t('results.calibration.empty')}</p>
      ) : (
        <CalibrationChart calibration={view.calibration} judges={view.judges} />
      )}
    </section>
  );
}
