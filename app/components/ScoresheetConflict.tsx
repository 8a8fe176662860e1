/**
 * A save was refused because the sheet changed elsewhere since this copy was loaded (another tab,
 * another device, a retry that reached the server twice). Nothing was overwritten: both versions
 * are shown side by side, criterion by criterion, and the judge chooses which one to keep.
 *
 * Works without JavaScript: "keep mine" is a form that posts this device's version again on top
 * of the saved revision; "keep the saved one" reloads the page. With JavaScript the two handlers
 * do the same without leaving the page.
 */
import type { FormEvent, MouseEvent } from 'react';
import { differingCriteria, scoresheetFormFields, type SaveIntent, type ScoresheetContent, type ScoresheetSnapshot } from '~/domain/scoresheet';
import { useT } from '~/i18n';
import type { ScoresheetCriterion } from './ScoresheetForm';
import { DataTable } from './DataTable';

export interface ScoresheetConflictProps {
  criteria: ScoresheetCriterion[];
  mine: ScoresheetContent;
  stored: ScoresheetSnapshot;
  /** When the saved version was saved, formatted for the page; null if unknown. */
  storedAt: string | null;
  intent: SaveIntent;
  /** A fresh key for the "keep mine" post without JavaScript. */
  idempotencyKey: string;
  /** The page's own address (reloading it shows the saved version). */
  action: string;
  onKeepMine?: () => void;
  onKeepStored?: () => void;
}

export function ScoresheetConflict({
  criteria,
  mine,
  stored,
  storedAt,
  intent,
  idempotencyKey,
  action,
  onKeepMine,
  onKeepStored,
}: ScoresheetConflictProps) {
  const { t, lang } = useT();
  const differs = differingCriteria(criteria, mine, stored);
  const overallDiffers = mine.overallComment !== stored.overallComment;
  const sharedOverallDiffers = (mine.sharedOverallComment ?? '') !== (stored.sharedOverallComment ?? '');
  const value = (v: number | null | undefined) =>
    v === null || v === undefined ? <span className="revision-conflict__none">{t('scoring.conflict.notScored')}</span> : String(v);
  const keepMine = (event: FormEvent<HTMLFormElement>) => {
    if (!onKeepMine) return;
    event.preventDefault();
    onKeepMine();
  };
  const keepStored = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!onKeepStored) return;
    event.preventDefault();
    onKeepStored();
  };
  return (
    <section className="revision-conflict" role="alert" aria-labelledby="revision-conflict-title">
      <h2 id="revision-conflict-title" className="revision-conflict__title">
        {t('scoring.conflict.title')}
      </h2>
      <p>
        {storedAt ? t('scoring.conflict.bodyAt', { time: storedAt }) : t('scoring.conflict.body')}{' '}
        {stored.status === 'submitted' ? t('scoring.conflict.storedSubmitted') : null}
      </p>
      <DataTable
        caption={t('scoring.conflict.caption')}
        className="revision-conflict__table"
        columns={[
          { label: t('scoring.conflict.criterion') },
          { label: t('scoring.conflict.mine') },
          { label: t('scoring.conflict.stored') },
        ]}
      >
        {criteria.map((c) => (
          <tr key={c.id} className={differs.has(c.id) ? 'revision-conflict__row--differs' : undefined}>
            <th scope="row">
              {lang === 'fr' ? c.nameFr : c.nameEn}
              {differs.has(c.id) ? <span className="tag">{t('scoring.conflict.differs')}</span> : null}
            </th>
            <td>
              <span className="revision-conflict__value">{value(mine.values[c.id])}</span>
              {mine.sharedComments?.[c.id] ? (
                <span className="revision-conflict__comment">
                  {t('scoring.comments.sharedLabel')} {mine.sharedComments[c.id]}
                </span>
              ) : null}
              {mine.comments[c.id] ? (
                <span className="revision-conflict__comment">
                  {t('scoring.comments.juryLabel')} {mine.comments[c.id]}
                </span>
              ) : null}
            </td>
            <td>
              <span className="revision-conflict__value">{value(stored.values[c.id])}</span>
              {stored.sharedComments?.[c.id] ? (
                <span className="revision-conflict__comment">
                  {t('scoring.comments.sharedLabel')} {stored.sharedComments[c.id]}
                </span>
              ) : null}
              {stored.comments[c.id] ? (
                <span className="revision-conflict__comment">
                  {t('scoring.comments.juryLabel')} {stored.comments[c.id]}
                </span>
              ) : null}
            </td>
          </tr>
        ))}
        <tr className={sharedOverallDiffers ? 'revision-conflict__row--differs' : undefined}>
          <th scope="row">
            {t('scoring.comments.sharedOverall')}
            {sharedOverallDiffers ? <span className="tag">{t('scoring.conflict.differs')}</span> : null}
          </th>
          <td>
            <span className="revision-conflict__comment">{mine.sharedOverallComment || t('scoring.conflict.noComment')}</span>
          </td>
          <td>
            <span className="revision-conflict__comment">{stored.sharedOverallComment || t('scoring.conflict.noComment')}</span>
          </td>
        </tr>
        <tr className={overallDiffers ? 'revision-conflict__row--differs' : undefined}>
          <th scope="row">
            {t('scoring.comments.juryOverall')}
            {overallDiffers ? <span className="tag">{t('scoring.conflict.differs')}</span> : null}
          </th>
          <td>
            <span className="revision-conflict__comment">{mine.overallComment || t('scoring.conflict.noComment')}</span>
          </td>
          <td>
            <span className="revision-conflict__comment">{stored.overallComment || t('scoring.conflict.noComment')}</span>
          </td>
        </tr>
      </DataTable>
      <div className="revision-conflict__choices">
        <form method="post" action={action} onSubmit={keepMine}>
          {Object.entries(scoresheetFormFields(criteria, mine)).map(([name, fieldValue]) => (
            <input key={name} type="hidden" name={name} value={fieldValue} />
          ))}
          <input type="hidden" name="revision" value={stored.revision} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <button type="submit" name="intent" value={intent} className="button button--primary button--large">
            {t('scoring.conflict.keepMine')}
          </button>
        </form>
        <a href={action} className="button button--ghost button--large" onClick={keepStored}>
          {t('scoring.conflict.keepStored')}
        </a>
      </div>
    </section>
  );
}
