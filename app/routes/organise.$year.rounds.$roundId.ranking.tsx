/**
 * /organise/:year/rounds/:roundId/ranking — the live ranking of a round, by the round's method
 * (rankRound, nothing else computes a score), with spread, sheets, per-criterion means, ties and
 * insufficient scores flagged. `?compare=methods` previews the other methods side by side: a
 * link, so it works without JavaScript and can be bookmarked.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { LockIcon } from '~/components/RankingIcons';
import { RankingRoundNav } from '~/components/RankingRoundNav';
import { RankingTable } from '~/components/RankingTable';
import { roundTitleMeta, useT } from '~/i18n';
import resultsStyles from '~/styles/results.css';
import { roundRankingView } from '~/utils/rankings.server';
import { requireRound } from '~/utils/rounds.server';
import { organiserPage } from '~/utils/organiser-page.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: resultsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  roundTitleMeta(matches, 'results.ranking.title', data?.year, data?.view.round);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['results', 'layout']);
  const round = requireRound(edition.id, params.roundId);
  const compare = new URL(request.url).searchParams.get('compare') === 'methods';
  return { messages, year: edition.year, compare, view: roundRankingView(edition.id, round.id, { compare }) };
}

export default function RoundRanking() {
  const { year, compare, view } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const roundName = lang === 'fr' ? view.round.nameFr : view.round.nameEn;
  const here = `/organise/${year}/rounds/${view.round.id}/ranking`;
  return (
    <section className="results-page" aria-labelledby="ranking-title">
      <RankingRoundNav year={year} rounds={view.rounds} />
      <h2 id="ranking-title">{t('results.ranking.title', { round: roundName })}</h2>
      <p className="results-summary">
        {t('results.ranking.summary', {
          method: t(`method.${view.round.method}`),
          minSheets: view.round.minSheets,
          counted: view.counted,
          submitted: view.submitted,
        })}{' '}
        <Link to="/method">{t('results.ranking.methodLink')}</Link>
      </p>
      <ul className="results-flags">
        <li>
          <span className={`flag${view.ties > 0 ? ' flag--tie' : ''}`}>
            <span aria-hidden="true">⇄ </span>
            {t('results.ranking.tiesCount', { count: view.ties })}
          </span>
        </li>
        <li>
          <span className={`flag${view.insufficient > 0 ? ' flag--insufficient' : ''}`}>
            <span aria-hidden="true">⚠ </span>
            {t('results.ranking.insufficientCount', { count: view.insufficient, min: view.round.minSheets })}
          </span>
        </li>
        <li>
          <span className="flag">
            <LockIcon locked={view.round.state === 'locked'} /> {t(view.round.state === 'locked' ? 'results.ranking.locked' : 'results.ranking.live')}
          </span>
        </li>
      </ul>

      <div className="compare-switch">
        {compare ? (
          <Link to={here} className="button button--ghost" aria-describedby="compare-hint">
            {t('results.ranking.compareOff')}
          </Link>
        ) : (
          <Link to={`${here}?compare=methods`} className="button button--ghost" aria-describedby="compare-hint">
            {t('results.ranking.compareOn')}
          </Link>
        )}
        <p id="compare-hint" className="field__hint">
          {compare ? t('results.ranking.compareLegend', { method: t(`method.${view.round.method}`) }) : t('results.ranking.compareHint')}
        </p>
      </div>
      <p>
        <a href={`/organise/${year}/rounds/${view.round.id}/ranking.xlsx`} className="button button--ghost" download>
          <span aria-hidden="true">↓ </span>
          {t('layout.export.ranking')}
        </a>
      </p>

      {view.rows.length === 0 ? (
        <p className="notice">{t('results.ranking.empty')}</p>
      ) : (
        <RankingTable
          year={year}
          method={view.round.method}
          minSheets={view.round.minSheets}
          rows={view.rows}
          criteria={view.criteria}
          tracks={view.tracks}
          compared={view.compared}
          caption={t('results.ranking.title', { round: roundName })}
        />
      )}
    </section>
  );
}
