/**
 * Per-criterion breakdown of a round, as small multiples: one panel per application, one bar per
 * criterion (the mean of its judges' normalised values, 0–100 % of the scale). Each panel is one
 * image for assistive technology, labelled with every value; the same figures follow as a table.
 */
import { useId } from 'react';
import { useT } from '~/i18n';
import { formatShare } from './ChartMeter';
import { DataTable } from './DataTable';

export interface CriteriaChartRow {
  applicationId: number;
  rank: number | null;
  name: string;
  /** In the order of `criteria`, 0–1. */
  means: number[];
}

const BAR_WIDTH = 200;
const BAR_HEIGHT = 14;

export function ChartCriteria({
  title,
  criteria,
  rows,
}: {
  title: string;
  criteria: { id: number; name: string }[];
  rows: CriteriaChartRow[];
}) {
  const { t, lang } = useT();
  const id = useId();
  const captionId = `${id}-caption`;
  const rankLabel = (row: CriteriaChartRow) => (row.rank === null ? t('results.public.unrankedShort') : t('results.public.rankNumber', { rank: row.rank }));
  return (
    <figure className="chart-criteria" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-criteria__caption">
        {title}
      </figcaption>
      <ul className="chart-criteria__grid">
        {rows.map((row) => {
          const description = criteria
            .map((c, i) => t('results.chart.criterionValue', { criterion: c.name, value: formatShare(lang, row.means[i] ?? 0) }))
            .join(', ');
          return (
            <li key={row.applicationId} className="chart-criteria__panel">
              <p className="chart-criteria__name">
                <span className="chart-criteria__rank">{rankLabel(row)}</span> {row.name}
              </p>
              <div role="img" aria-label={`${row.name} — ${description}`} className="chart-criteria__bars">
                {criteria.map((c, i) => {
                  const share = Math.min(1, Math.max(0, row.means[i] ?? 0));
                  return (
                    <div key={c.id} className="chart-criteria__bar">
                      <span className="chart-criteria__label">{c.name}</span>
                      <svg viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`} preserveAspectRatio="none" className="chart-criteria__svg" aria-hidden="true" focusable="false">
                        <rect className="chart-meter__track" x="0" y="0" width={BAR_WIDTH} height={BAR_HEIGHT} />
                        <rect className="chart-meter__fill" x="0" y="0" width={BAR_WIDTH * share} height={BAR_HEIGHT} />
                        {/* Quarter marks, so lengths can be read without the numbers too. */}
                        {[0.25, 0.5, 0.75].map((q) => (
                          <line key={q} className="chart-criteria__tick" x1={BAR_WIDTH * q} x2={BAR_WIDTH * q} y1="0" y2={BAR_HEIGHT} />
                        ))}
                      </svg>
                      <span className="chart-criteria__value">{formatShare(lang, share)}</span>
                    </div>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ul>
      <details className="chart-table">
        <summary>{t('results.chart.showTable')}</summary>
        <DataTable
          caption={title}
          className="table--compact"
          columns={[
            { label: t('results.table.rank') },
            { label: t('results.table.startup') },
            ...criteria.map((c) => ({ label: c.name, num: true })),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.applicationId}>
              <td>{row.rank ?? '—'}</td>
              <th scope="row">{row.name}</th>
              {criteria.map((c, i) => (
                <td key={c.id} className="num">
                  {formatShare(lang, row.means[i] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
