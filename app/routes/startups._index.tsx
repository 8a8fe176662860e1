/**
 * /startups — the public showcase (issue 15): every startup that consented to publication, across
 * all editions, one entry per startup. Filters by track, country and award in a plain GET form,
 * so they work without JavaScript and a filtered list has its own address.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { countryName } from '~/domain/application';
import { awardText, StartupLogo } from '~/components/showcase';
import { PageHeader } from '~/components/PageHeader';
import { matchesFilters, readFilters } from '~/domain/showcase';
import { titleMeta, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { getLanguage } from '~/utils/language.server';
import styles from '~/styles/feedback.css';
import { filterOptions, publicShowcase } from '~/utils/showcase.server';
import { FilterSelects } from '~/components/field-shell';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'showcase.metaTitle');

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const filters = readFilters(new URL(request.url).searchParams);
  const entries = publicShowcase();
  const options = filterOptions(entries);
  return {
    messages: await messagesFor(request, ['feedback']),
    filters,
    tracks: options.tracks,
    countries: options.countries
      .map((code) => ({ code, name: countryName(code, lang) ?? code }))
      .sort((x, y) => x.name.localeCompare(y.name, lang)),
    entries: entries
      .filter((entry) => matchesFilters(entry, filters))
      .map((entry) => ({ ...entry, countryName: countryName(entry.country, lang) })),
  };
}

export default function Showcase() {
  const { filters, tracks, countries, entries } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const filtered = Boolean(filters.track || filters.country || filters.award);
  const trackOptions = tracks.map((track) => ({ value: track.slug, label: lang === 'fr' ? track.nameFr : track.nameEn }));
  const awardOptions = [
    { value: 'any', label: t('showcase.filter.award.any') },
    { value: 'overall', label: t('showcase.award.overall', { place: '1–3' }) },
    { value: 'track', label: t('showcase.award.track', { track: '…' }) },
    { value: 'peoples_choice', label: t('showcase.award.peoples_choice') },
  ];
  return (
    <div className="page showcase">
      <PageHeader title={t('showcase.title')} lead={t('showcase.lead')} />
      <Form method="get" className="showcase-filters" aria-label={t('showcase.filters')}>
        <FilterSelects
          idPrefix="filter-"
          values={filters}
          placeholder={t('showcase.filter.any')}
          filters={[
            { name: 'track', label: t('showcase.filter.track'), options: trackOptions },
            { name: 'country', label: t('showcase.filter.country'), options: countries.map((country) => ({ value: country.code, label: country.name })) },
            { name: 'award', label: t('showcase.filter.award'), options: awardOptions, placeholder: t('showcase.filter.award.none') },
          ]}
        />
        <div className="showcase-filters__actions">
          <button type="submit" className="button button--primary">
            {t('showcase.filter.apply')}
          </button>
          {filtered ? <Link to="/startups">{t('showcase.filter.reset')}</Link> : null}
        </div>
      </Form>
      <p role="status">{entries.length === 0 ? t('showcase.none') : t('showcase.count', { count: entries.length })}</p>
      <ul className="showcase-list">
        {entries.map((entry) => (
          <li key={entry.startupId} className="card showcase-card">
            <StartupLogo logoFileId={entry.logoFileId} name={entry.name} />
            <div className="showcase-card__body">
              <h2 className="showcase-card__title">
                <Link to={`/startups/${entry.slug}`}>{entry.name}</Link>
              </h2>
              <p className="showcase-card__meta">
                {[entry.countryName, t('showcase.editions', { years: entry.editions.map((e) => e.year).join(', ') })].filter(Boolean).join(' · ')}
              </p>
              {entry.oneLiner ? <p>{entry.oneLiner}</p> : null}
              {entry.editions.some((e) => e.awards.length > 0) ? (
                <ul className="showcase-awards" aria-label={t('showcase.page.awards')}>
                  {entry.editions.flatMap((e) =>
                    e.awards.map((award, i) => (
                      <li key={`${e.year}-${i}`} className="showcase-award">
                        {e.year} · {awardText(t, lang, award)}
                      </li>
                    )),
                  )}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <p>
        <a href="/startups.json" download>
          {t('showcase.openData')}
        </a>
      </p>
    </div>
  );
}
