/** The application a judge is scoring, as the founders wrote it (in their own language). */
import type { WrittenAnswers } from '~/domain/application';
import { linkHref } from '~/domain/web-link';
import { useT, type Lang } from '~/i18n';

export interface ApplicationView extends WrittenAnswers {
  id: number;
  startupName: string;
  country: string | null;
  website: string | null;
  deckFileId: number | null;
  trackFr: string | null;
  trackEn: string | null;
}

const SECTIONS = [
  ['problem', 'scoring.application.problem'],
  ['solution', 'scoring.application.solution'],
  ['impact', 'scoring.application.impact'],
  ['businessModel', 'scoring.application.businessModel'],
  ['traction', 'scoring.application.traction'],
  ['team', 'scoring.application.team'],
] as const;

function countryName(lang: Lang, code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function ScoresheetApplication({ application }: { application: ApplicationView }) {
  const { t, lang } = useT();
  const track = lang === 'fr' ? application.trackFr : application.trackEn;
  const website = linkHref(application.website);
  const video = linkHref(application.videoUrl);
  return (
    <section className="application-sheet" aria-labelledby="application-title">
      <h2 id="application-title" className="application-sheet__title">
        {t('scoring.application.title')}
      </h2>
      {application.oneLiner ? <p className="application-sheet__one-liner">{application.oneLiner}</p> : null}
      <dl className="application-sheet__facts">
        {track ? (
          <div>
            <dt>{t('scoring.application.track')}</dt>
            <dd>{track}</dd>
          </div>
        ) : null}
        {application.country ? (
          <div>
            <dt>{t('scoring.application.country')}</dt>
            <dd>{countryName(lang, application.country)}</dd>
          </div>
        ) : null}
        {application.website ? (
          <div>
            <dt>{t('scoring.application.website')}</dt>
            <dd>
              {website ? (
                <a href={website} rel="noopener noreferrer" target="_blank">
                  {application.website}
                  <span className="visually-hidden"> {t('scoring.application.newWindow')}</span>
                </a>
              ) : (
                application.website
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      {application.deckFileId !== null || video ? (
        <ul className="application-sheet__links">
          {application.deckFileId !== null ? (
            <li>
              <a className="button button--ghost" href={`/files/${application.deckFileId}`}>
                {t('scoring.application.deck')}
              </a>
            </li>
          ) : null}
          {video ? (
            <li>
              <a className="button button--ghost" href={video} rel="noopener noreferrer" target="_blank">
                {t('scoring.application.video')}
                <span className="visually-hidden"> {t('scoring.application.newWindow')}</span>
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {SECTIONS.map(([field, key]) => (
        <section key={field} className="application-sheet__section" aria-labelledby={`application-${field}`}>
          <h3 id={`application-${field}`}>{t(key)}</h3>
          {application[field] ? (
            <p className="application-sheet__text">{application[field]}</p>
          ) : (
            <p className="muted">{t('scoring.application.empty')}</p>
          )}
        </section>
      ))}
    </section>
  );
}
