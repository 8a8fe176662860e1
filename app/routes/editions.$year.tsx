/**
 * /editions/:year — an edition for the public. Before publication: its dates and tracks, and
 * nothing of its scores. Once published: the winners (logos only with the startup's consent), the
 * final ranking, the per-criterion breakdown as charts with tables, the screening ranking, the
 * method, the seal, and the open data with its licence.
 *
 * Published results are frozen, so the page's data is built once per language
 * (public-results.server.ts `publicResultsPage`) and shared caches may keep the page; its data, fetched
 * on client-side navigations, carries an ETag and is revalidated for a 304 (why the HTML itself
 * does not: public-cache.server.ts publicPageHeaders). Someone logged in sees their name in the
 * header, so for them the page is private.
 */
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ChartCriteria } from '~/components/ChartCriteria';
import { Fact } from '~/components/Fact';
import { DataTable } from '~/components/DataTable';
import { Flag } from '~/components/RankingIcons';
import { StatusBadge } from '~/components/StatusBadge';
import { LicenceSentence } from '~/components/LicenceSentence';
import { RESULTS_CSV_COLUMNS, SCORES_CSV_COLUMNS } from '~/domain/open-data';
import { PUBLIC_SCORE_DECIMALS } from '~/domain/public-score';
import { COMPARISON_DECIMALS, type RankingMethod } from '~/domain/ranking';
import type { ScoresheetCriterion } from '~/domain/scoresheet';
import { formatDate, formatNumber, tOf, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import resultsStyles from '~/styles/results.css';
import { getUser } from '~/utils/auth.server';
import { editionDescription, editionName } from '~/domain/edition';
import { editionCriteria, editionTracks, requirePublicEdition } from '~/utils/editions.server';
import { getLanguage } from '~/utils/language.server';
import { ifNoneMatch, isDocumentRequest, publicPageHeaders } from '~/utils/public-cache.server';
import { publicResultsPage, type PublicPageRow, type PublicResultsView } from '~/utils/public-results.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: resultsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => {
  const { t, lang } = tOf(matches);
  if (!page) return [{ title: 'Palmarès' }];
  return [
    { title: `${editionName(page.edition, lang)} — Palmarès` },
    { name: 'description', content: t(page.results ? 'results.public.metaPublished' : 'results.public.metaUnpublished', { year: page.edition.year }) },
  ];
};

/** Forwards the loader's caching headers to the document (and to single-fetch data requests). */
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const out = new Headers();
  for (const name of ['Cache-Control', 'ETag', 'Vary']) {
    const value = loaderHeaders.get(name);
    if (value) out.set(name, value);
  }
  return out;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const edition = requirePublicEdition(params.year);
  const about = {
    year: edition.year,
    name: edition.name,
    nameFr: edition.nameFr,
    city: edition.city,
    venue: edition.venue,
    descriptionFr: edition.descriptionFr,
    descriptionEn: edition.descriptionEn,
    status: edition.status,
    startsOn: edition.startsOn,
    endsOn: edition.endsOn,
    timeZone: edition.timeZone,
    applicationsOpenAt: edition.applicationsOpenAt,
    applicationsCloseAt: edition.applicationsCloseAt,
  };
  const tracks = editionTracks(edition.id).map((track) => ({ id: track.id, nameFr: track.nameFr, nameEn: track.nameEn }));
  if (edition.status !== 'published') {
    // An edition open for applications says how applications are judged (criteria are public).
    const criteria =
      edition.status === 'open'
        ? editionCriteria(edition.id).map((c) => ({ id: c.id, nameFr: c.nameFr, nameEn: c.nameEn, helpFr: c.helpFr, helpEn: c.helpEn, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax }))
        : [];
    // Nothing of the judging shows before publication; the status changes, so nobody keeps a copy.
    return data(
      { messages: await messagesFor(request, ['results', 'layout']), edition: about, tracks, criteria, results: null as PublicResultsView | null },
      { headers: { 'Cache-Control': 'no-cache' } },
    );
  }
  const [lang, user] = await Promise.all([getLanguage(request), getUser(request)]);
  const page = publicResultsPage(edition, lang);
  // The HTML document goes without a validator (see publicPageHeaders); its data has one.
  const validator = !isDocumentRequest(request);
  const headers = publicPageHeaders(page, { personal: user !== null, validator });
  if (user === null && validator && ifNoneMatch(request, page.etag)) {
    // Remix sends a 304 without rendering anything; the page data below is never read.
    return data({ edition: about, tracks, criteria: [] as ScoresheetCriterion[], results: null as PublicResultsView | null }, { status: 304, headers });
  }
  return data({ messages: await messagesFor(request, ['results', 'layout']), edition: about, tracks, criteria: [] as ScoresheetCriterion[], results: page.value as PublicResultsView | null }, { headers });
}

export default function EditionPage() {
  const { edition, tracks, criteria, results } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const day = (d: string) => formatDate(lang, `${d}T12:00:00Z`, { dateStyle: 'long' }, edition.timeZone);
  const moment = (d: string | Date) => formatDate(lang, d, { dateStyle: 'long', timeStyle: 'short' }, edition.timeZone);
  return (
    <div className="page public-results">
      <header className="page-header">
        <p className="eyebrow">{edition.venue ? `${edition.city} · ${edition.venue}` : edition.city}</p>
        <h1>{editionName(edition, lang)}</h1>
        {editionDescription(edition, lang) ? <p className="lead">{editionDescription(edition, lang)}</p> : null}
        <p>
          <StatusBadge kind="edition" status={edition.status} />
        </p>
      </header>
      <dl className="facts">
        <Fact term={t('edition.dates')}>{t('edition.dateRange', { start: day(edition.startsOn), end: day(edition.endsOn) })}</Fact>
        <div>
          <dt>{t('edition.applicationWindow')}</dt>
          <dd>
            {t('edition.dateRange', { start: moment(edition.applicationsOpenAt), end: moment(edition.applicationsCloseAt) })}{' '}
            <span className="muted">({edition.timeZone})</span>
          </dd>
        </div>
        {results?.publishedAt ? <Fact term={t('results.public.publishedOn')}>{moment(results.publishedAt)}</Fact> : null}
      </dl>
      {edition.status === 'open' ? <ApplyCall year={edition.year} closesOn={moment(edition.applicationsCloseAt)} /> : null}
      <section aria-labelledby="tracks-title">
        <h2 id="tracks-title">{t('edition.tracks')}</h2>
        <ul className="chip-list">
          {tracks.map((track) => (
            <li key={track.id} className="chip">
              {lang === 'fr' ? track.nameFr : track.nameEn}
            </li>
          ))}
        </ul>
      </section>
      {edition.status === 'open' ? <OpenCriteria criteria={criteria} /> : null}
      {results ? <PublishedResults year={edition.year} results={results} /> : <p className="notice">{t('edition.resultsNotPublished')}</p>}
      <p>
        <Link to="/startups">{t('edition.showcaseLink')}</Link>
      </p>
    </div>
  );
}

/** An edition open for applications: the call to apply. */
function ApplyCall({ year, closesOn }: { year: number; closesOn: string }) {
  const { t } = useT();
  return (
    <section className="apply-call" aria-labelledby="apply-call-title">
      <h2 id="apply-call-title">{t('layout.edition.applyTitle')}</h2>
      <p>{t('layout.edition.applyLead', { date: closesOn })}</p>
      <p>
        <Link to={`/apply/${year}`} className="button button--primary button--large">
          {t('layout.edition.apply')}
        </Link>
      </p>
    </section>
  );
}

/** An edition open for applications: the criteria judges will score, for future applicants. */
function OpenCriteria({ criteria }: { criteria: ScoresheetCriterion[] }) {
  const { t, lang } = useT();
  return (
    <>
      {criteria.length > 0 ? (
        <section aria-labelledby="criteria-title">
          <h2 id="criteria-title">{t('layout.edition.criteriaTitle')}</h2>
          <p>{t('layout.edition.criteriaLead')}</p>
          <ul className="criteria-list">
            {criteria.map((c) => {
              const help = lang === 'fr' ? c.helpFr : c.helpEn;
              return (
                <li key={c.id} className="criteria-list__item">
                  <p className="criteria-list__name">{lang === 'fr' ? c.nameFr : c.nameEn}</p>
                  <p className="criteria-list__meta">
                    {t('layout.edition.criterionWeight', { weight: formatNumber(lang, c.weight) })} ·{' '}
                    {t('layout.edition.criterionScale', { min: c.scaleMin, max: c.scaleMax })}
                  </p>
                  {help ? <p className="criteria-list__help">{help}</p> : null}
                </li>
              );
            })}
          </ul>
          <p>
            <Link to="/method">{t('layout.edition.methodLink')}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

type Winner = PublicResultsView['podium'][number];

function Logo({ winner }: { winner: Pick<Winner, 'logoUrl' | 'name'> }) {
  if (winner.logoUrl) return <img className="winner__logo" src={winner.logoUrl} alt="" width={56} height={56} loading="lazy" />;
  // No published logo: the initial, for the eye only (the name is right beside it).
  return (
    <span className="winner__logo winner__logo--initial" aria-hidden="true">
      {winner.name.trim().charAt(0).toUpperCase()}
    </span>
  );
}

/** A winner: place or prize, logo, name; the one-liner and details unless `compact`. */
function WinnerCard({ winner, heading, compact = false }: { winner: Omit<Winner, 'place'>; heading: string; compact?: boolean }) {
  const { t } = useT();
  return (
    <>
      <p className="winner__place">{heading}</p>
      <div className="winner__who">
        <Logo winner={winner} />
        <div>
          <p className="winner__name">{winner.name}</p>
          {winner.oneLiner && !compact ? <p className="winner__line">{winner.oneLiner}</p> : null}
          {!compact ? (
            <p className="winner__meta">
              {[winner.track, winner.country].filter(Boolean).join(' · ')}
              {!winner.named ? <span className="muted"> {t('results.public.undisclosed')}</span> : null}
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}

function PublishedResults({ year, results }: { year: number; results: PublicResultsView }) {
  const { t, lang } = useT();
  const { final, screening } = results;
  const ordinal = (place: number) => t(`results.public.place.${Math.min(place, 3) as 1 | 2 | 3}`, { place });
  return (
    <>
      <section aria-labelledby="winners-title">
        <h2 id="winners-title">{t('edition.winners')}</h2>
        <ol className="winners">
          {results.podium.map((w) => (
            <li key={`${w.place}-${w.applicationId}`} className={`winner winner--place-${Math.min(w.place, 3)}`}>
              <WinnerCard winner={w} heading={ordinal(w.place)} />
            </li>
          ))}
        </ol>
        {results.peoplesChoice.length > 0 ? (
          <ul className="winners winners--secondary" aria-label={t('results.public.peoplesChoiceTitle')}>
            {results.peoplesChoice.map((w) => (
              <li key={w.applicationId} className="winner winner--peoples">
                <WinnerCard
                  winner={w}
                  heading={`${t('results.public.peoplesChoiceTitle')} — ${t('results.public.votesOf', { count: w.votes, total: results.votesCast })}`}
                />
              </li>
            ))}
          </ul>
        ) : null}
        {results.trackWinners.length > 0 ? (
          <>
            <h3>{t('edition.trackWinners')}</h3>
            <ul className="winners winners--tracks">
              {results.trackWinners.map((w) => (
                <li key={`${w.trackName}-${w.applicationId}`} className="winner winner--track">
                  <WinnerCard winner={w} heading={w.trackName} compact />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {final ? (
        <section aria-labelledby="final-title">
          <h2 id="final-title">{t('results.public.finalTitle')}</h2>
          <p>
            {t('results.public.finalLead', { method: t(`method.${final.method}`), sheets: final.sheets, judges: final.judges, minSheets: final.minSheets })}{' '}
            <Link to="/method">{t('results.public.methodLink')}</Link>
          </p>
          <PublicRankingTable caption={t('results.public.finalTitle')} method={final.method} rows={final.rows} />
          <ChartCriteria
            title={t('results.public.breakdownTitle')}
            criteria={results.criteria}
            rows={final.rows.map((r) => ({ applicationId: r.applicationId, rank: r.rank, name: r.name, means: r.means }))}
          />
          <p className="field__hint">{t('results.public.breakdownHint')}</p>
        </section>
      ) : null}

      {screening ? (
        <section aria-labelledby="screening-title">
          <h2 id="screening-title">{t('results.public.screeningTitle')}</h2>
          <details>
            <summary>{t('results.public.screeningSummary', { count: screening.rows.length, method: t(`method.${screening.method}`) })}</summary>
            <PublicRankingTable caption={t('results.public.screeningTitle')} method={screening.method} rows={screening.rows} />
          </details>
        </section>
      ) : null}

      <section aria-labelledby="seal-title">
        <h2 id="seal-title">{t('results.public.sealTitle')}</h2>
        {results.seal ? (
          <>
            <p>{t('results.public.sealLead', { date: final?.sealedAt ? formatDate(lang, final.sealedAt, { dateStyle: 'long', timeStyle: 'short' }) : '—' })}</p>
            <p>
              <code className="hash">{results.seal}</code>
            </p>
            <p>
              <Link to="/method#seal">{t('results.public.sealCheck')}</Link>
            </p>
          </>
        ) : (
          <p>{t('results.public.noSeal')}</p>
        )}
      </section>

      <section aria-labelledby="open-data-title">
        <h2 id="open-data-title">{t('results.public.openDataTitle')}</h2>
        <LicenceSentence>{t('results.public.openDataLead')}</LicenceSentence>
        <dl className="open-data">
          <OpenDataFile year={year} name="results.json">
            {t('results.public.fileJson')}
          </OpenDataFile>
          <OpenDataFile year={year} name="results.csv">
            {t('results.public.fileResultsCsv')} <code>{RESULTS_CSV_COLUMNS.join(', ')}</code>
          </OpenDataFile>
          <OpenDataFile year={year} name="scores.csv">
            {t('results.public.fileScoresCsv')} <code>{SCORES_CSV_COLUMNS.join(', ')}</code>
          </OpenDataFile>
          <OpenDataFile year={year} name="datapackage.json">
            {t('layout.openData.datapackage')}
          </OpenDataFile>
        </dl>
        <p className="field__hint">{t('layout.openData.precision', { decimals: COMPARISON_DECIMALS })}</p>
        <p className="field__hint">{t('results.public.openDataPrivacy')}</p>
      </section>
    </>
  );
}

/** One file of the edition's open data: its link (a CSV downloads, a JSON opens), then what it holds. */
function OpenDataFile({ year, name, children }: { year: number; name: string; children: ReactNode }) {
  const csv = name.endsWith('.csv');
  return (
    <div className="open-data__file">
      <dt>
        <a href={`/editions/${year}/${name}`} type={csv ? 'text/csv' : 'application/json'} download={csv || undefined}>
          {name}
        </a>
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

function PublicRankingTable({ caption, method, rows }: { caption: string; method: RankingMethod; rows: PublicPageRow[] }) {
  const { t, lang } = useT();
  const points = (value: number) => formatNumber(lang, value, { minimumFractionDigits: PUBLIC_SCORE_DECIMALS, maximumFractionDigits: PUBLIC_SCORE_DECIMALS });
  return (
    <>
      <DataTable
        caption={caption}
        className="public-ranking"
        columns={[
          { label: t('results.table.rank'), num: true },
          {
            label: (
              <>
                {t('results.table.startup')} <span className="public-ranking__sub">· {t('results.table.track')}</span>
              </>
            ),
          },
          {
            label: (
              <>
                {t('layout.public.scoreHeader')}
                <span className="public-ranking__method">{t('layout.public.scoreMethod', { method: t(`method.${method}`) })}</span>
              </>
            ),
            num: true,
          },
          { label: t('results.table.sheets'), num: true },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.applicationId}>
            <td className="num">
              {row.rank ?? '—'}
              {row.tie ? (
                <Flag kind="tie" inline>
                  {t('layout.public.exAequo')}
                </Flag>
              ) : null}
            </td>
            <th scope="row">
              {row.name}
              {row.track ? <span className="public-ranking__track">{row.track}</span> : null}
            </th>
            <td className="num">{row.points === null ? t('results.public.insufficient') : points(row.points)}</td>
            <td className="num">{row.sheets}</td>
          </tr>
        ))}
      </DataTable>
      <p className="field__hint">
        {t(`layout.public.scoreNote.${method}`)}
        {rows.some((r) => r.tie) ? <> {t('layout.public.tieNote')}</> : null}
      </p>
    </>
  );
}
