/** A judge's own scoresheet once its round is locked: read only, values in words, no controls. */
import type { ScoresheetStatus, ScoresheetContent } from '~/domain/scoresheet';
import { formatDate, useT } from '~/i18n';
import type { ScoresheetCriterion } from './ScoresheetForm';

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
                  {content.sharedComments?.[c.id] ? (
                    <span className="read-only-scores__comment">
                      {t('scoring.comments.sharedLabel')} {content.sharedComments[c.id]}
                    </span>
                  ) : null}
                  {content.comments[c.id] ? (
                    <span className="read-only-scores__comment">
                      {t('scoring.comments.juryLabel')} {content.comments[c.id]}
                    </span>
                  ) : null}
                </dd>
              </div>
            );
          })}
          <div className="read-only-scores__item">
            <dt>{t('scoring.comments.sharedOverall')}</dt>
            <dd className="read-only-scores__comment">{content.sharedOverallComment || t('scoring.conflict.noComment')}</dd>
          </div>
          <div className="read-only-scores__item">
            <dt>{t('scoring.comments.juryOverall')}</dt>
            <dd className="read-only-scores__comment">{content.overallComment || t('scoring.conflict.noComment')}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
