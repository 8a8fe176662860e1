import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { StatusBadge } from '~/components/StatusBadge';
import { formatDate, useT } from '~/i18n';
import { editionTracks, publishedAwards, requireEdition } from '~/utils/editions.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.edition.name} — Palmarès` : 'Palmarès' }];

export async function loader({ params }: LoaderFunctionArgs) {
  const edition = requireEdition(params.year);
  const tracks = editionTracks(edition.id);
  // Nothing of the judging shows before publication; after it, the awards are public.
  const awards = edition.status === 'published' ? publishedAwards(edition.id) : [];
  return {
    edition: {
      year: edition.year,
      name: edition.name,
      city: edition.city,
      status: edition.status,
      startsOn: edition.startsOn,
      endsOn: edition.endsOn,
      timeZone: edition.timeZone,
      applicationsOpenAt: edition.applicationsOpenAt,
      applicationsCloseAt: edition.applicationsCloseAt,
    },
    tracks: tracks.map((track) => ({ id: track.id, nameFr: track.nameFr, nameEn: track.nameEn })),
    awards,
  };
}

export default function EditionPage() {
  const { edition, tracks, awards } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const trackName = (id: number | null) => {
    const track = tracks.find((tr) => tr.id === id);
    return track ? (lang === 'fr' ? track.nameFr : track.nameEn) : '';
  };
  const day = (d: string) => formatDate(lang, `${d}T12:00:00Z`, { dateStyle: 'long' }, edition.timeZone);
  const moment = (d: string | Date) =>
    formatDate(lang, d, { dateStyle: 'long', timeStyle: 'short' }, edition.timeZone);
  const podium = awards.filter((a) => a.kind === 'overall');
  const trackAwards = awards.filter((a) => a.kind === 'track');
  const peoplesChoice = awards.filter((a) => a.kind === 'peoples_choice');
  const label = (a: (typeof awards)[number]) => a.startupName ?? t('edition.undisclosedStartup');
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{edition.city}</p>
        <h1>{edition.name}</h1>
        <p>
          <StatusBadge kind="edition" status={edition.status} />
        </p>
      </header>
      <dl className="facts">
        <div>
          <dt>{t('edition.dates')}</dt>
          <dd>{t('edition.dateRange', { start: day(edition.startsOn), end: day(edition.endsOn) })}</dd>
        </div>
        <div>
          <dt>{t('edition.applicationWindow')}</dt>
          <dd>
            {t('edition.dateRange', { start: moment(edition.applicationsOpenAt), end: moment(edition.applicationsCloseAt) })}{' '}
            <span className="muted">({edition.timeZone})</span>
          </dd>
        </div>
      </dl>
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
      {edition.status === 'published' ? (
        <section aria-labelledby="winners-title">
          <h2 id="winners-title">{t('edition.winners')}</h2>
          <ol className="podium">
            {podium.map((award) => (
              <li key={`${award.kind}-${award.place}-${award.applicationId}`} className="podium__item">
                <span className="podium__place">{t('edition.place', { place: award.place })}</span>
                <span className="podium__name">{label(award)}</span>
                {award.oneLiner ? <span className="podium__line">{award.oneLiner}</span> : null}
              </li>
            ))}
          </ol>
          {peoplesChoice.length > 0 ? (
            <p>
              <strong>{t('edition.peoplesChoice')}</strong> {peoplesChoice.map(label).join(', ')}
            </p>
          ) : null}
          {trackAwards.length > 0 ? (
            <>
              <h3>{t('edition.trackWinners')}</h3>
              <ul className="plain-list">
                {trackAwards.map((award) => (
                  <li key={`${award.trackId}-${award.applicationId}`}>
                    <strong>{trackName(award.trackId)}</strong> — {label(award)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : (
        <p className="notice">{t('edition.resultsNotPublished')}</p>
      )}
    </div>
  );
}
