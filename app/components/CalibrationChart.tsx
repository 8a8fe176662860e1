/**
 * Judge calibration as a chart and as a table. On a 0–100 axis, each judge's mean total (a
 * marker) and spread (a line from mean − SD to mean + SD), against the panel's mean (dashed line)
 * and spread (shaded band). The marker's shape and the words beside it carry the reading (severe
 * ▼, lenient ▲, in line ●, too few sheets ○), never the colour alone. The chart is one image for
 * assistive technology, summarised in its label; the table after it gives every figure.
 */
import { useId } from 'react';
import type { Calibration, JudgeCalibration, Leaning } from '~/domain/calibration';
import { formatNumber, useT } from '~/i18n';
import { DataTable } from './DataTable';

export type CalibrationJudge = JudgeCalibration & { name: string };

const WIDTH = 400;
const ROW = 24;
const MID = ROW / 2;
const x = (total: number) => (Math.min(100, Math.max(0, total)) / 100) * WIDTH;

export const LEANING_SYMBOL: Record<Leaning, string> = { severe: '▼', lenient: '▲', in_line: '●', too_few: '○' };

function Marker({ leaning, cx }: { leaning: Leaning; cx: number }) {
  const r = 6;
  switch (leaning) {
    case 'severe':
      return <polygon className="calibration__marker calibration__marker--severe" points={`${cx - r},${MID - r} ${cx + r},${MID - r} ${cx},${MID + r}`} />;
    case 'lenient':
      return <polygon className="calibration__marker calibration__marker--lenient" points={`${cx - r},${MID + r} ${cx + r},${MID + r} ${cx},${MID - r}`} />;
    case 'too_few':
      return <circle className="calibration__marker calibration__marker--few" cx={cx} cy={MID} r={r - 1} />;
    default:
      return <circle className="calibration__marker" cx={cx} cy={MID} r={r - 1} />;
  }
}

export function CalibrationChart({ calibration, judges }: { calibration: Calibration; judges: CalibrationJudge[] }) {
  const { t, lang } = useT();
  const id = useId();
  const points = (v: number) => formatNumber(lang, v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = (v: number) => formatNumber(lang, v, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const { panel } = calibration;
  const named = (leaning: Leaning) => judges.filter((j) => j.leaning === leaning).map((j) => j.name);
  const summary = [
    t('results.calibration.summaryPanel', { mean: points(panel.mean), spread: points(panel.spread), sheets: panel.sheets, judges: panel.judges }),
    named('severe').length ? t('results.calibration.summarySevere', { names: named('severe').join(', ') }) : null,
    named('lenient').length ? t('results.calibration.summaryLenient', { names: named('lenient').join(', ') }) : null,
    !named('severe').length && !named('lenient').length ? t('results.calibration.summaryNone') : null,
  ]
    .filter(Boolean)
    .join(' ');
  const band = { from: x(panel.mean - panel.spread), to: x(panel.mean + panel.spread) };
  const reading = (j: CalibrationJudge) => `${LEANING_SYMBOL[j.leaning]} ${t(`results.calibration.leaning.${j.leaning}`)}`;

  return (
    <>
      <figure className="calibration" aria-labelledby={`${id}-caption`}>
        <figcaption id={`${id}-caption`} className="calibration__caption">
          {t('results.calibration.chartCaption')}
        </figcaption>
        <div className="box calibration__chart" role="img" aria-label={summary}>
          <div className="calibration__row calibration__row--axis">
            <span />
            <svg viewBox={`-8 0 ${WIDTH + 16} ${ROW}`} className="calibration__svg">
              {[0, 25, 50, 75, 100].map((tick) => (
                <g key={tick}>
                  <line className="calibration__tick" x1={x(tick)} x2={x(tick)} y1={ROW - 6} y2={ROW} />
                  <text className="calibration__tick-label" x={x(tick)} y={ROW - 9} textAnchor="middle">
                    {tick}
                  </text>
                </g>
              ))}
            </svg>
            <span />
          </div>
          {[{ key: 'panel', name: t('results.calibration.panel'), mean: panel.mean, spread: panel.spread, leaning: 'in_line' as Leaning, isPanel: true }, ...judges.map((j) => ({ key: String(j.judgeId), name: j.name, mean: j.mean, spread: j.spread, leaning: j.leaning, isPanel: false, judge: j }))].map(
            (row) => (
              <div key={row.key} className={`calibration__row${row.isPanel ? ' calibration__row--panel' : ''}`}>
                <span className="calibration__name">{row.name}</span>
                <svg viewBox={`-8 0 ${WIDTH + 16} ${ROW}`} className="calibration__svg">
                  <rect className="calibration__band" x={band.from} width={Math.max(0, band.to - band.from)} y="0" height={ROW} />
                  <line className="calibration__panel-mean" x1={x(panel.mean)} x2={x(panel.mean)} y1="0" y2={ROW} />
                  <line className="calibration__spread" x1={x(row.mean - row.spread)} x2={x(row.mean + row.spread)} y1={MID} y2={MID} />
                  <Marker leaning={row.isPanel ? 'in_line' : row.leaning} cx={x(row.mean)} />
                </svg>
                <span className="calibration__reading">{row.isPanel ? points(row.mean) : reading((row as { judge: CalibrationJudge }).judge)}</span>
              </div>
            ),
          )}
        </div>
        <p className="calibration__legend">{t('results.calibration.legend')}</p>
      </figure>

      <DataTable
        caption={t('results.calibration.tableCaption')}
        showCaption
        className="table--compact calibration-table"
        columns={[
          { label: t('results.calibration.judge') },
          { label: t('results.calibration.sheets'), num: true },
          { label: t('results.calibration.mean'), num: true },
          { label: t('results.calibration.spread'), num: true },
          { label: t('results.calibration.range'), num: true },
          { label: t('results.calibration.gap'), num: true },
          { label: t('results.calibration.reading') },
        ]}
        foot={
          <tr>
            <th scope="row">{t('results.calibration.panel')}</th>
            <td className="num">{panel.sheets}</td>
            <td className="num">{points(panel.mean)}</td>
            <td className="num">{points(panel.spread)}</td>
            <td className="num">
              {panel.sheets ? t('results.calibration.rangeValue', { min: points(panel.min), max: points(panel.max) }) : '—'}
            </td>
            <td className="num">{t('results.calibration.threshold', { threshold: points(calibration.threshold) })}</td>
            <td />
          </tr>
        }
      >
        {judges.map((j) => (
          <tr key={j.judgeId}>
            <th scope="row">{j.name}</th>
            <td className="num">{j.sheets}</td>
            <td className="num">{points(j.mean)}</td>
            <td className="num">{points(j.spread)}</td>
            <td className="num">{t('results.calibration.rangeValue', { min: points(j.min), max: points(j.max) })}</td>
            <td className="num">
              {j.gap === null ? '—' : signed(j.gap)}{' '}
              <span className="muted">{t('results.calibration.pairedSheets', { count: j.pairedSheets })}</span>
            </td>
            <td className={`calibration-table__reading calibration-table__reading--${j.leaning}`}>{reading(j)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
