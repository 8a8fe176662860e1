/**
 * A small horizontal bar for a share between 0 and 1, drawn in SVG, with the number beside it:
 * the bar is for the eye (hidden from screen readers), the text says the same for everyone.
 */
import { formatNumber, useT } from '~/i18n';

const WIDTH = 64;
const HEIGHT = 10;

export function formatShare(lang: 'fr' | 'en', value: number): string {
  return formatNumber(lang, value, { style: 'percent', maximumFractionDigits: 0 });
}

export function ChartMeter({ value, label }: { value: number; label?: string }) {
  const { lang } = useT();
  const share = Math.min(1, Math.max(0, value));
  return (
    <span className="chart-meter">
      <svg className="chart-meter__bar" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <rect className="chart-meter__track" x="0" y="0" width={WIDTH} height={HEIGHT} rx="2" />
        <rect className="chart-meter__fill" x="0" y="0" width={WIDTH * share} height={HEIGHT} rx="2" />
      </svg>
      <span className="chart-meter__value">
        {label ? <span className="visually-hidden">{label}: </span> : null}
        {formatShare(lang, share)}
      </span>
    </span>
  );
}
