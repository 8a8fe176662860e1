/** A judge's own scoresheet once its round is locked: read only, values in words, no controls. */
import type { ScoresheetStatus, ScoresheetContent, ScoresheetCriterion } from '~/domain/scoresheet';
import { formatDate, useT } from '~/i18n';

/** A sheet's two overall comments, in the order the sheet shows them: shared with the founder, then for the jury. */
export const OVERALL_COMMENTS = [
  { field: 'sharedOverallComment', label: 'scoring.comments.sharedOverall' },
  { field: 'overallComment', label: 'scoring.comments.juryOverall' },
] as const;

/** A criterion's comments on a sheet, each after its label (shared with the founder, jury only); nothing for an empty one. */
export function CriterionComments({
  content,
  criterionId,
  className,
}: {
  content: ScoresheetContent;
  criterionId: number;
  className: string;
}) {
  const { t } = useT();
  const shared = content.sharedComments?.[criterionId];
  const jury = content.comments[criterionId];
  return (
    <>
      {shared ? (
        <span className={className}>
          {t('scoring.comments.sharedLabel')} {shared}
        </span>
      ) : null}
      {jury ? (
        <span className={className}>
          {t('scoring.comments.juryLabel')} {jury}
        </span>
      ) : null}
    </>
  );
}

export function ScoresheetReadOnly({
  criteria,
  content,
  status,
  submittedAt,
  timeZone,
  message,
}: {
  criteria: ScoresheetCriterion[];
  content: ScoresheetContent | null;
  status: ScoresheetStatus | null;
  submittedAt: string | null;
  timeZone: string;
  /** Why the sheet is read only (already translated). */
  message: string;
}) {
  const { t, lang } = useT();
  return (
    <section className="scoresheet scoresheet--read-only" aria-labelledby="scores-title">
      <div className="scoresheet__head">
        <h2 id="scores-title" className="scoresheet__title">
          {t('scoring.sheet.title')}
        </h2>
        <p className="notice" role="status">
          {message}
        </p>
        <p className="scoresheet__state">
          {status === 'submitted'
            ? submittedAt
              ? t('scoring.sheet.submittedOn', {
                  date: formatDate(lang, submittedAt, { dateStyle: 'medium', timeStyle: 'short' }, timeZone),
                })
              : t('scoring.sheet.submitted')
            : status === 'draft'
              ? t('scoring.readOnly.draftNotCounted')
              : t('scoring.readOnly.none')}
        </p>
      </div>
      {content ? (
        <dl className="read-only-scores">
          {criteria.map((c) => {
            const value = content.values[c.id];
            return (
              <div key={c.id} className="read-only-scores__item">
                <dt>{lang === 'fr' ? c.nameFr : c.nameEn}</dt>
                <dd>
                  <span className="read-only-scores__value">
                    {value === null || value === undefined
                      ? t('scoring.conflict.notScored')
                      : t('scoring.readOnly.valueOf', { value, max: c.scaleMax })}
                  </span>
                  <CriterionComments content={content} criterionId={c.id} className="read-only-scores__comment" />
                </dd>
              </div>
            );
          })}
          {OVERALL_COMMENTS.map(({ field, label }) => (
            <div key={field} className="read-only-scores__item">
              <dt>{t(label)}</dt>
              <dd className="read-only-scores__comment">{content[field] || t('scoring.conflict.noComment')}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
