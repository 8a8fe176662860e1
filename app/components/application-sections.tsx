/**
 * The application's sections as a founder moves through them (navigation with each section's
 * state, in words and a mark, never colour alone) and the application's answers, section by
 * section, as founders review them and organisers read them.
 */
import { Link, NavLink, useNavigationType, useParams } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { SECTIONS, type SectionId, type SectionState, type WrittenAnswers } from '~/domain/application';
import { formatNumber, useT, type Lang, type T } from '~/i18n';

/**
 * Moves focus to the top of the page's content after an in-app navigation (a saved section
 * leading to the next one), so keyboard and screen-reader users start there, with the "saved"
 * notice; not on a first load or on back/forward, where the browser's own behaviour is right.
 */
export function useFocusOnArrival<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null);
  const navigationType = useNavigationType();
  useEffect(() => {
    if (navigationType !== 'POP') ref.current?.focus();
    // Only when the page (key) changes.
  }, [key]);
  return ref;
}

const STATE_MARK: Record<SectionState, string> = { complete: '✓', inProgress: '◐', notStarted: '○' };

export function SectionStateTag({ state }: { state: SectionState }) {
  const { t } = useT();
  return (
    <span className={`section-state section-state--${state}`}>
      <span aria-hidden="true">{STATE_MARK[state]} </span>
      {t(`apply.state.${state}`)}
    </span>
  );
}

export function sectionPath(year: number, section: SectionId): string {
  return `/apply/${year}/${section}`;
}

/**
 * The sections in order, each with its state, then the review page. On a phone the list folds
 * into one line, "Section 2 of 7: Pitch", that opens it (a <details>, without JavaScript too);
 * CSS shows one of the two, so the other is out of the tab order and the accessibility tree.
 */
export function SectionNav({ year, states, editable }: { year: number; states: Record<SectionId, SectionState>; editable: boolean }) {
  const { t } = useT();
  const { section } = useParams();
  const done = SECTIONS.filter((s) => states[s] === 'complete').length;
  const count = t('apply.nav.count', { done, total: SECTIONS.length });
  const index = SECTIONS.indexOf(section as SectionId);
  const where =
    index >= 0
      ? t('layout.apply.sectionOf', { n: index + 1, total: SECTIONS.length, name: t(`apply.section.${SECTIONS[index]}.title`) })
      : t(editable ? 'layout.apply.review' : 'layout.apply.whole');
  const list = (
    <ol className="apply-nav__list">
      {SECTIONS.map((id, i) => (
        <li key={id}>
          <NavLink to={sectionPath(year, id)} className="apply-nav__link">
            <span className="apply-nav__number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="apply-nav__text">
              <span className="apply-nav__name">{t(`apply.section.${id}.title`)}</span>
              <SectionStateTag state={states[id]} />
            </span>
          </NavLink>
        </li>
      ))}
      <li>
        <NavLink to={`/apply/${year}`} end className="apply-nav__link apply-nav__link--review">
          <span className="apply-nav__number" aria-hidden="true">
            ✔
          </span>
          <span className="apply-nav__text">
            <span className="apply-nav__name">{t(editable ? 'apply.nav.review' : 'apply.nav.whole')}</span>
          </span>
        </NavLink>
      </li>
    </ol>
  );
  return (
    <>
      <nav className="box apply-nav apply-nav--wide" aria-labelledby="apply-nav-title">
        <h2 id="apply-nav-title" className="apply-nav__title">
          {t('apply.nav.title')}
        </h2>
        <p className="apply-nav__count">{count}</p>
        {list}
      </nav>
      {/* Closed again on every page: the key changes with the section. */}
      <details className="apply-nav-compact" key={section ?? 'review'}>
        <summary className="apply-nav-compact__summary">
          <span className="apply-nav-compact__where">{where}</span>
          <span className="apply-nav-compact__count">{count}</span>
        </summary>
        <nav className="box apply-nav apply-nav--compact" aria-label={t('apply.nav.title')}>
          {list}
        </nav>
      </details>
    </>
  );
}

export interface FileInfo {
  id: number;
  originalName: string;
  sizeBytes: number;
  mimeType: string;
}

export function formatFileSize(lang: Lang, t: T, bytes: number): string {
  if (bytes < 1024 * 1024) {
    return t('apply.files.sizeKb', { size: formatNumber(lang, Math.max(1, Math.round(bytes / 1024))) });
  }
  return t('apply.files.sizeMb', { size: formatNumber(lang, bytes / (1024 * 1024), { maximumFractionDigits: 1 }) });
}

export function FileLink({ file, label }: { file: FileInfo; label?: string }) {
  const { t, lang } = useT();
  return (
    <a href={`/files/${file.id}`} className="file-link">
      {label ?? file.originalName}{' '}
      <span className="muted">({formatFileSize(lang, t, file.sizeBytes)})</span>
    </a>
  );
}

/** "Section saved": the notice a page shows when a section's save sends the founder on to it (`?saved=<section>`). */
export function SectionSavedNotice({ section }: { section: SectionId }) {
  const { t } = useT();
  return (
    <p className="notice notice--success" role="status">
      <span aria-hidden="true">✓ </span>
      {t('apply.saved', { section: t(`apply.section.${section}.title`) })}
    </p>
  );
}

export interface AnswersData extends WrittenAnswers {
  startupName: string;
  countryName: string | null;
  website: string | null;
  trackName: string | null;
  consentToPublication: boolean;
  deck: FileInfo | null;
  logo: FileInfo | null;
}

function Value({ children, multiline }: { children: string | null | undefined; multiline?: boolean }) {
  const { t } = useT();
  if (!children) return <span className="answers__empty">{t('apply.answers.empty')}</span>;
  return <span className={multiline ? 'answers__text' : undefined}>{children}</span>;
}

function ExternalLink({ href }: { href: string | null }) {
  const { t } = useT();
  if (!href) return <span className="answers__empty">{t('apply.answers.empty')}</span>;
  return (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="answers__link">
      {href}
      <span className="visually-hidden"> {t('apply.answers.newWindow')}</span>
    </a>
  );
}

function rowsOf(section: SectionId, data: AnswersData, t: T) {
  const text = (key: keyof AnswersData, multiline = false) => <Value multiline={multiline}>{data[key] as string | null}</Value>;
  switch (section) {
    case 'startup':
      return [
        ['startupName', text('startupName')],
        ['country', text('countryName')],
        ['website', <ExternalLink key="website" href={data.website} />],
        ['trackId', text('trackName')],
      ] as const;
    case 'pitch':
      return [
        ['oneLiner', text('oneLiner')],
        ['problem', text('problem', true)],
        ['solution', text('solution', true)],
        ['videoUrl', <ExternalLink key="video" href={data.videoUrl} />],
      ] as const;
    case 'impact':
      return [['impact', text('impact', true)]] as const;
    case 'business':
      return [
        ['businessModel', text('businessModel', true)],
        ['traction', text('traction', true)],
      ] as const;
    case 'team':
      return [['team', text('team', true)]] as const;
    case 'files':
      return [
        ['deck', data.deck ? <FileLink file={data.deck} /> : <Value>{null}</Value>],
        [
          'logo',
          data.logo ? (
            <span className="answers__logo">
              <img src={`/files/${data.logo.id}`} alt={t('apply.files.logoAlt', { startup: data.startupName || t('me.untitled') })} />
              <FileLink file={data.logo} />
            </span>
          ) : (
            <Value>{null}</Value>
          ),
        ],
      ] as const;
    case 'consent':
      return [['consentToPublication', <span key="consent">{t(data.consentToPublication ? 'apply.consent.yes' : 'apply.consent.no')}</span>]] as const;
  }
}

/**
 * Every section's answers as a description list. Founders get each section's state and a
 * "Change" link while they may edit; organisers get the answers only.
 */
export function ApplicationAnswers({
  data,
  states,
  changeHref,
  headingLevel = 2,
  sections = SECTIONS,
  untitled = false,
}: {
  data: AnswersData;
  states?: Record<SectionId, SectionState>;
  changeHref?: (section: SectionId) => string;
  headingLevel?: 2 | 3;
  /** Only these sections (default: all, in order). */
  sections?: readonly SectionId[];
  /** Leave out each section's own title (a page that shows one section under its own heading). */
  untitled?: boolean;
}) {
  const { t } = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="answers">
      {sections.map((section) => (
        <section key={section} className="box answers__section" aria-labelledby={untitled ? undefined : `answers-${section}`}>
          {untitled ? null : (
            <div className="answers__head">
              <Heading id={`answers-${section}`} className="answers__title">
                {t(`apply.section.${section}.title`)}
              </Heading>
              {states ? <SectionStateTag state={states[section]} /> : null}
              {changeHref ? (
                <Link to={changeHref(section)} className="answers__change">
                  {t(states?.[section] === 'notStarted' ? 'apply.answers.fillIn' : 'apply.answers.change')}
                  <span className="visually-hidden"> {t(`apply.section.${section}.title`)}</span>
                </Link>
              ) : null}
            </div>
          )}
          <dl className="answers__list">
            {rowsOf(section, data, t).map(([field, value]) => (
              <div key={field} className="answers__row">
                <dt>{t(`apply.fields.${field}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
