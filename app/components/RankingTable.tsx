/**
 * The organiser's ranking of a round: rank, startup, score, sheets, spread, the per-criterion
 * means as small bars, and — when the other methods are previewed — the rank each of them would
 * give, with the change against the round's method (↑2 / ↓1, said in words to screen readers,
 * explained in the legend). Ties and insufficient scores are flagged in words under the startup's
 * name: rank and startup stay in view while the rest scrolls, so a flag can never scroll away.
 */
import { Link } from '@remix-run/react';
import type { RankingMethod } from '~/domain/ranking';
import type { RankingRow } from '~/domain/ranking-row';
import { useT } from '~/i18n';
import { DataTable } from './DataTable';
import { Flag } from './RankingIcons';
import { StatusBadge } from './StatusBadge';
import { ChartMeter } from './ChartMeter';
import { formatPoints, formatScore } from './RankingScore';


export function RankChange({ from, to }: { from: number | null; to: number | null }) {
  const { t } = useT();
  if (from === null || to === null) return <span className="rank-change rank-change--none">—</span>;
  const places = from - to;
  if (places === 0) {
    return (
      <span className="rank-change rank-change--same">
        <span aria-hidden="true">=</span>
        <span className="visually-hidden">{t('results.ranking.change.same')}</span>
      </span>
    );
  }
  const up = places > 0;
  return (
    <span className={`rank-change rank-change--${up ? 'up' : 'down'}`}>
      <span aria-hidden="true">
        {up ? '↑' : '↓'}
        {Math.abs(places)}
      </span>
      <span className="visually-hidden">{t(up ? 'results.ranking.change.up' : 'results.ranking.change.down', { places: Math.abs(places) })}</span>
    </span>
  );
}

export function RankingTable({
  year,
  method,
  minSheets,
  rows,
  criteria,
  tracks,
  compared,
  caption,
}: {
  year: number;
  method: RankingMethod;
  minSheets: number;
  rows: RankingRow[];
  criteria: { id: number; nameEn: string; nameFr: string }[];
  tracks: { id: number; nameEn: string; nameFr: string }[];
  compared: RankingMethod[];
  caption: string;
}) {
  const { t, lang } = useT();
  const others = compared.filter((m) => m !== method);
  const trackName = (id: number | null) => {
    const track = tracks.find((tr) => tr.id === id);
    return track ? (lang === 'fr' ? track.nameFr : track.nameEn) : '—';
  };
  const criterionName = (c: { nameEn: string; nameFr: string }) => (lang === 'fr' ? c.nameFr : c.nameEn);
  return (
    <DataTable
      caption={caption}
      region={t('results.ranking.tableRegion', { caption })}
      regionClassName="ranking-region"
      className="ranking-table"
      columns={[
        { label: t('results.table.rank'), num: true, className: 'sticky-col ranking-table__rank' },
        { label: t('results.table.startup'), className: 'sticky-col ranking-table__startup' },
        { label: t('results.table.score', { method: t(`method.${method}`) }), num: true },
        { label: t('results.table.sheets'), num: true },
        { label: <abbr title={t('results.table.spreadLong')}>{t('results.table.spread')}</abbr>, num: true },
        ...criteria.map((c) => ({ label: criterionName(c), className: 'ranking-table__criterion' })),
        ...others.map((m) => ({
          label: t('results.table.rankBy', { method: t(`method.${m}`) }),
          num: true,
          className: 'ranking-table__other',
        })),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.applicationId} className={row.rank === null ? 'ranking-table__row--unranked' : undefined}>
          <td className="num sticky-col ranking-table__rank">{row.rank ?? '—'}</td>
          <th scope="row" className="sticky-col ranking-table__startup">
            <Link to={`/organise/${year}/applications/${row.applicationId}`}>{row.name}</Link>
            <span className="ranking-table__meta">
              {trackName(row.trackId)} · <StatusBadge kind="application" status={row.status} />
            </span>
            {row.tie || row.rank === null ? (
              <span className="ranking-table__flags">
                {row.tie ? <Flag kind="tie">{t('results.ranking.tie')}</Flag> : null}
                {row.rank === null ? (
                  <Flag kind="insufficient">{t('results.ranking.insufficient', { sheets: row.sheets, min: minSheets })}</Flag>
                ) : null}
              </span>
            ) : null}
          </th>
          <td className="num">{row.score === null ? '—' : formatScore(lang, method, row.score)}</td>
          <td className="num">{row.sheets}</td>
          <td className="num">{row.spread === null ? '—' : formatPoints(lang, row.spread)}</td>
          {criteria.map((c) => (
            <td key={c.id}>
              {row.criterionMeans[c.id] === undefined ? '—' : <ChartMeter value={row.criterionMeans[c.id]} label={criterionName(c)} />}
            </td>
          ))}
          {others.map((m) => (
            <td key={m} className="num">
              <span className="ranking-table__other-rank">{row.ranks[m] ?? '—'}</span>{' '}
              <RankChange from={row.rank} to={row.ranks[m] ?? null} />
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
