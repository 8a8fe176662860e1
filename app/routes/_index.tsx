import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { StatusBadge } from '~/components/StatusBadge';
import { editionName } from '~/domain/edition';
import { formatDate, useT } from '~/i18n';
import { listEditions } from '~/utils/editions.server';

export async function loader(_: LoaderFunctionArgs) {
  return { editions: listEditions(), now: Date.now() };
}

export default function Home() {
  const { editions, now } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <div className="page">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </section>
      <section aria-labelledby="editions-title">
        <h2 id="editions-title">{t('home.editions')}</h2>
        {editions.length === 0 ? (
          <p>{t('home.noEditions')}</p>
        ) : (
          <ul className="edition-list">
            {editions.map((edition) => {
              const windowOpen =
                edition.status === 'open' &&
                new Date(edition.applicationsOpenAt).getTime() <= now &&
                now < new Date(edition.applicationsCloseAt).getTime();
              return (
                <li key={edition.id} className="edition-card">
                  <div className="edition-card__head">
                    <h3 className="edition-card__year">
                      <Link to={`/editions/${edition.year}`}>
                        <span className="visually-hidden">{t('home.editionOf')} </span>
                        {edition.year}
                      </Link>
                    </h3>
                    <StatusBadge kind="edition" status={edition.status} />
                  </div>
                  <p className="edition-card__name">{editionName(edition, lang)}</p>
                  <p className="edition-card__meta">
                    {edition.city} ·{' '}
                    {formatDate(lang, `${edition.startsOn}T12:00:00Z`, { dateStyle: 'medium' }, edition.timeZone)}
                  </p>
                  <p className="edition-card__meta">
                    {windowOpen
                      ? t('home.applicationsCloseOn', {
                          date: formatDate(lang, edition.applicationsCloseAt, { dateStyle: 'long', timeStyle: 'short' }, edition.timeZone),
                        })
                      : t('home.startupsCount', { count: edition.submitted })}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
