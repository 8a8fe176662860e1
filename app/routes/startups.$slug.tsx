/**
 * /startups/:slug — one startup's whole history in the competition (issue 15): each edition it
 * applied to with its track, how far it went and its awards, its one-liner, logo and website.
 * Only what the founder consented to publish, in published editions; anything else is a 404.
 */
import { invariantResponse } from '@epic-web/invariant';
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { awardText, StartupLogo } from '~/components/showcase';
import { countryName } from '~/domain/application';
import { linkHref } from '~/domain/web-link';
import { tOf, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import styles from '~/styles/feedback.css';
import { getLanguage } from '~/utils/language.server';
import { showcaseEntry } from '~/utils/showcase.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const { t } = tOf(matches);
  return [{ title: `${data?.entry.name ?? t('showcase.metaTitle')} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  invariantResponse(/^[a-z0-9-]{1,80}$/.test(slug), 'Not Found', { status: 404 });
  const entry = showcaseEntry(slug);
  invariantResponse(entry, 'Not Found', { status: 404 });
  const lang = await getLanguage(request);
  return { messages: await messagesFor(request, ['feedback']), entry: { ...entry, countryName: countryName(entry.country, lang) } };
}

export default function StartupPage() {
  const { entry } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const website = linkHref(entry.website);
  return (
    <div className="page showcase-page">
      <p>
        <Link to="/startups">{t('showcase.page.back')}</Link>
      </p>
      <header className="page-header showcase-head">
        <StartupLogo logoFileId={entry.logoFileId} name={entry.name} size={72} />
        <div>
          <h1>{entry.name}</h1>
          {entry.countryName ? <p className="muted">{entry.countryName}</p> : null}
        </div>
      </header>
      {entry.oneLiner ? <p className="lead">{entry.oneLiner}</p> : null}
      {website ? (
        <p>
          {t('showcase.page.website')}:{' '}
          <a href={website} rel="noopener noreferrer external">
            {website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">{t('showcase.page.history')}</h2>
        <ul className="showcase-history">
          {entry.editions.map((edition) => (
            <li key={edition.year} className="card">
              <h3>
                <Link to={`/editions/${edition.year}`}>{edition.year}</Link>
              </h3>
              <p className="muted">{lang === 'fr' ? edition.trackFr : edition.trackEn}</p>
              <p>{t('showcase.page.reached', { stage: t(`showcase.stage.${edition.stage}`) })}</p>
              {edition.awards.length > 0 ? (
                <ul className="showcase-awards" aria-label={t('showcase.page.awards')}>
                  {edition.awards.map((award, i) => (
                    <li key={i} className="showcase-award">
                      {awardText(t, lang, award)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
