import { useT } from '~/i18n';

/** A progress bar that also says its numbers in words (for screen readers and for print). */
export function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  const { t } = useT();
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="progress">
      <div className="progress__text">
        <span>{label}</span> <span>{t('progress.xOfY', { done, total })}</span>
      </div>
      <progress className="progress__bar" max={Math.max(total, 1)} value={done} aria-label={label}>
        {percent}%
      </progress>
    </div>
  );
}
