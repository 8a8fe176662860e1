/**
 * The audience's ballot on a phone: the finalists, one form per finalist (a plain post, no
 * JavaScript needed), then one confirmation step. Large targets, nothing by colour alone.
 */
import { Form, Link } from '@remix-run/react';
import { forwardRef, type ReactNode } from 'react';
import type { StageFinalist } from '~/domain/stage';
import { useT, type Lang } from '~/i18n';
import { StageLogo } from './StageLogo';

/** The presence code carried on in a URL (`?c=…`), or nothing. */
export function presenceQuery(presence: string | null, separator: '?' | '&' = '?'): string {
  return presence ? `${separator}c=${encodeURIComponent(presence)}` : '';
}

/** A one-button post about one finalist (choose, then vote), carrying the presence code on. */
function FinalistForm({
  intent,
  applicationId,
  presence,
  className,
  children,
}: {
  intent: 'choose' | 'vote';
  applicationId: number;
  presence: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className={className}>
      <input type="hidden" name="intent" value={intent} />
      {presence ? <input type="hidden" name="presence" value={presence} /> : null}
      <input type="hidden" name="applicationId" value={applicationId} />
      <button type="submit" className="button button--primary vote-button">
        {children}
      </button>
    </Form>
  );
}

function trackOf(lang: Lang, f: StageFinalist) {
  return lang === 'fr' ? f.trackFr : f.trackEn;
}

export function VoteBallot({ finalists, choice, presence }: { finalists: StageFinalist[]; choice: number | null; presence: string | null }) {
  const { t, lang } = useT();
  return (
    <ul className="vote-list">
      {finalists.map((f) => {
        const chosen = f.applicationId === choice;
        const track = trackOf(lang, f);
        return (
          <li key={f.applicationId} className={chosen ? 'vote-card vote-card--chosen' : 'vote-card'}>
            <div className="vote-card__head">
              <StageLogo name={f.name} logoUrl={f.logoUrl} />
              <div>
                <h2 className="vote-card__name">{f.name}</h2>
                {track ? <p className="vote-card__track">{track}</p> : null}
              </div>
            </div>
            {f.oneLiner ? <p className="vote-card__one-liner">{f.oneLiner}</p> : null}
            {chosen ? (
              <p className="vote-card__chosen">
                <span aria-hidden="true">✓</span> {t('stage.vote.chosen')}
              </p>
            ) : (
              <FinalistForm intent="choose" applicationId={f.applicationId} presence={presence} className="vote-card__form">
                {t('stage.vote.choose', { name: f.name })}
              </FinalistForm>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export const VoteConfirm = forwardRef<HTMLElement, { year: number; finalist: StageFinalist; presence: string | null }>(function VoteConfirm(
  { year, finalist, presence },
  ref,
) {
  const { t } = useT();
  return (
    <section className="vote-confirm" aria-labelledby="vote-confirm-title" tabIndex={-1} ref={ref}>
      <h2 id="vote-confirm-title">{t('stage.vote.confirm.title')}</h2>
      <div className="vote-card__head">
        <StageLogo name={finalist.name} logoUrl={finalist.logoUrl} />
        <p className="vote-confirm__name">{t('stage.vote.confirm.body', { name: finalist.name })}</p>
      </div>
      <FinalistForm intent="vote" applicationId={finalist.applicationId} presence={presence}>
        {t('stage.vote.confirm.submit', { name: finalist.name })}
      </FinalistForm>
      <p>
        <Link to={`/vote/${year}${presenceQuery(presence)}`} className="button button--ghost vote-button">
          {t('stage.vote.confirm.back')}
        </Link>
      </p>
    </section>
  );
});
