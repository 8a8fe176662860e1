/**
 * A save was refused because the sheet changed elsewhere since this copy was loaded (another tab,
 * another device, a retry that reached the server twice). Nothing was overwritten: both versions
 * are shown side by side, criterion by criterion, and the judge chooses which one to keep.
 *
 * Works without JavaScript: "keep mine" is a form that posts this device's version again on top
 * of the saved revision; "keep the saved one" reloads the page. With JavaScript the two handlers
 * do the same without leaving the page.
 */
import type { FormEvent, MouseEvent, ReactNode } from 'react';
import {
  differingCriteria,
  scoresheetFormFields,
  type SaveIntent,
  type ScoresheetContent,
  type ScoresheetCriterion,
  type ScoresheetSnapshot,
} from '~/domain/scoresheet';
import { useT } from '~/i18n';
import { ScrollRegion } from './ScrollRegion';
import { TableHead } from './TableHead';
import { CriterionComments, OVERALL_COMMENTS } from './ScoresheetReadOnly';

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
      {/* Not DataTable: one more chunk would put the scoresheet over its 100 KB budget (tests/e2e/bundle-budget.test.ts). */}
      <ScrollRegion label={t('scoring.conflict.caption')}>
        <table className="table revision-conflict__table">
          <caption className="visually-hidden">{t('scoring.conflict.caption')}</caption>
          <TableHead columns={[{ label: t('scoring.conflict.criterion') }, { label: t('scoring.conflict.mine') }, { label: t('scoring.conflict.stored') }]} />
          <tbody>
            {criteria.map((c) => (
              <ComparedRow key={c.id} label={lang === 'fr' ? c.nameFr : c.nameEn} differs={differs.has(c.id)}>
                {[mine, stored].map((version, i) => (
                  <td key={i}>
                    <span className="revision-conflict__value">{value(version.values[c.id])}</span>
                    <CriterionComments content={version} criterionId={c.id} className="revision-conflict__comment" />
                  </td>
                ))}
              </ComparedRow>
            ))}
            {OVERALL_COMMENTS.map(({ field, label }) => (
              <ComparedRow key={field} label={t(label)} differs={(mine[field] ?? '') !== (stored[field] ?? '')}>
                {[mine, stored].map((version, i) => (
                  <td key={i}>
                    <span className="revision-conflict__comment">{version[field] || t('scoring.conflict.noComment')}</span>
                  </td>
                ))}
              </ComparedRow>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
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

/** A row of the comparison: what it compares (marked when the two versions differ), then this device's and the saved version's cells. */
function ComparedRow({ label, differs, children }: { label: ReactNode; differs: boolean; children: ReactNode }) {
  const { t } = useT();
  return (
    <tr className={differs ? 'revision-conflict__row--differs' : undefined}>
      <th scope="row">
        {label}
        {differs ? <span className="tag">{t('scoring.conflict.differs')}</span> : null}
      </th>
      {children}
    </tr>
  );
}
