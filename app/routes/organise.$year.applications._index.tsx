/**
 * /organise/:year/applications — every application of the edition: counts per status and per
 * track, search, filters, sorting and pages, all in the address (a plain GET form, so it works
 * without JavaScript and every view can be bookmarked), and the same view as CSV.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { ScrollRegion } from '~/components/ScrollRegion';
import { StatusBadge } from '~/components/StatusBadge';
import {
  countryName,
  DEFAULT_DIRECTION,
  LIST_PAGE_SIZE,
  LIST_SORTS,
  listQueryParams,
  parseListQuery,
  SEARCH_MAX_LENGTH,
  type ListQuery,
  type ListSort,
} from '~/domain/application';
import { APPLICATION_STATUSES } from '~/domain/statuses';
import { formatDate, formatNumber, useT, tOf } from '~/i18n';
import styles from '~/styles/applications.css';
import { editionApplicationCounts, listEditionApplications } from '~/utils/application-list.server';
import { editionTracks } from '~/utils/editions.server';
import { getLanguage } from '~/utils/language.server';
import { organiserPage } from '~/utils/organiser-page.server';
import { FieldShell, FilterSelects } from '~/components/field-shell';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('applications.title')} ${data?.year ?? ''} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['applications', 'layout']);
  const lang = await getLanguage(request);
  const query = parseListQuery(new URL(request.url).searchParams);
  const list = listEditionApplications(edition.id, query);
  return {
    messages,
    year: edition.year,
    timeZone: edition.timeZone,
    query: { ...query, page: list.page },
    total: list.total,
    pages: list.pages,
    rows: list.rows.map((row) => ({
      id: row.id,
      startupName: row.startupName,
      oneLiner: row.oneLiner,
      status: row.status,
      countryName: countryName(row.country, lang),
      trackName: lang === 'fr' ? row.trackFr : row.trackEn,
      founderName: row.founderName,
      hasDeck: Boolean(row.hasDeck),
      submittedAt: row.submittedAt?.getTime() ?? null,
      updatedAt: row.updatedAt.getTime(),
    })),
    counts: editionApplicationCounts(edition.id),
    tracks: editionTracks(edition.id).map((t) => ({ id: t.id, name: lang === 'fr' ? t.nameFr : t.nameEn })),
  };
}

function hrefOf(year: number, query: ListQuery, overrides: Parameters<typeof listQueryParams>[1]) {
  const params = listQueryParams(query, { page: undefined, ...overrides });
  const search = params.toString();
  return `/organise/${year}/applications${search ? `?${search}` : ''}`;
}

function SortHeader({ sort, label, year, query, className }: { sort: ListSort; label: string; year: number; query: ListQuery; className?: string }) {
  const { t } = useT();
  const active = query.sort === sort;
  const nextDir = active ? (query.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[sort];
  const href = hrefOf(year, query, { sort, dir: nextDir === DEFAULT_DIRECTION[sort] ? undefined : nextDir });
  return (
    <th scope="col" className={className} aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link to={href} className="sort-link" preventScrollReset>
        {label}
        <span aria-hidden="true" className="sort-link__mark">
          {active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
        <span className="visually-hidden">
          {' '}
          ({t(nextDir === 'asc' ? 'applications.sort.ascending' : 'applications.sort.descending')})
        </span>
      </Link>
    </th>
  );
}

export default function EditionApplications() {
  const { year, timeZone, query, total, pages, rows, counts, tracks } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const navigation = useNavigation();
  const first = total === 0 ? 0 : (query.page - 1) * LIST_PAGE_SIZE + 1;
  const last = Math.min(total, query.page * LIST_PAGE_SIZE);
  const filtered = Boolean(query.q || query.status || query.track);
  const statusOptions = APPLICATION_STATUSES.map((status) => ({ value: status, label: t(`status.application.${status}`) }));
  const trackOptions = [...tracks.map((track) => ({ value: track.id, label: track.name })), { value: 'none', label: t('applications.noTrack') }];
  const directionOptions = [
    { value: 'asc', label: t('applications.sort.ascending') },
    { value: 'desc', label: t('applications.sort.descending') },
  ];
  const csvParams = listQueryParams(query, { page: undefined }).toString();
  const date = (at: number | null) => (at ? formatDate(lang, at, { dateStyle: 'medium' }, timeZone) : '—');

  return (
    <div className="stack organise-applications">
      <h2 className="visually-hidden">{t('applications.title')}</h2>

      <div className="counts">
        <section aria-labelledby="counts-status">
          <h3 id="counts-status" className="counts__title">
            {t('applications.counts.byStatus', { total: formatNumber(lang, counts.total) })}
          </h3>
          <ul className="count-list">
            {counts.byStatus.map(({ status, n }) => (
              <li key={status}>
                <Link
                  to={hrefOf(year, query, { status: query.status === status ? undefined : status })}
                  className="count-chip"
                  aria-current={query.status === status ? 'true' : undefined}
                >
                  <span>{t(`status.application.${status}`)}</span> <strong>{formatNumber(lang, n)}</strong>
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="counts-track">
          <h3 id="counts-track" className="counts__title">
            {t('applications.counts.byTrack')}
          </h3>
          <ul className="count-list">
            {counts.byTrack.map(({ trackId, nameFr, nameEn, n }) => {
              const value = trackId === null ? 'none' : trackId;
              const current = query.track === value;
              return (
                <li key={String(value)}>
                  <Link to={hrefOf(year, query, { track: current ? undefined : value })} className="count-chip" aria-current={current ? 'true' : undefined}>
                    <span>{trackId === null ? t('applications.noTrack') : lang === 'fr' ? nameFr : nameEn}</span>{' '}
                    <strong>{formatNumber(lang, n)}</strong>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      </div>

      <Form method="get" className="filters" role="search" aria-label={t('applications.filters.label')}>
        <FieldShell id="field-q" label={t('applications.filters.search')} hint={t('applications.filters.searchHint')} className="filters__search">
          <input
            id="field-q"
            name="q"
            type="search"
            className="field__input"
            defaultValue={query.q}
            maxLength={SEARCH_MAX_LENGTH}
            aria-describedby="field-q-hint"
            key={query.q}
          />
        </FieldShell>
        <FilterSelects
          idPrefix="field-"
          values={query}
          filters={[
            { name: 'status', label: t('applications.filters.status'), options: statusOptions, placeholder: t('applications.filters.allStatuses') },
            { name: 'track', label: t('applications.filters.track'), options: trackOptions, placeholder: t('applications.filters.allTracks') },
            { name: 'sort', label: t('applications.filters.sort'), options: LIST_SORTS.map((sort) => ({ value: sort, label: t(`applications.sort.${sort}`) })) },
            { name: 'dir', label: t('applications.filters.direction'), options: directionOptions },
          ]}
        />
        <div className="button-row filters__buttons">
          <button type="submit" className="button button--primary">
            {t('applications.filters.apply')}
          </button>
          {filtered ? (
            <Link to={`/organise/${year}/applications`} className="button button--ghost">
              {t('applications.filters.clear')}
            </Link>
          ) : null}
        </div>
      </Form>

      <div className="results-bar">
        <p className="results-bar__count" aria-live="polite" aria-busy={navigation.state === 'loading' || undefined}>
          {total === 0
            ? t(filtered ? 'applications.results.noneMatching' : 'applications.results.none')
            : t('applications.results.range', {
                first: formatNumber(lang, first),
                last: formatNumber(lang, last),
                total: formatNumber(lang, total),
              })}
        </p>
        <a href={`/organise/${year}/applications.csv${csvParams ? `?${csvParams}` : ''}`} className="button button--ghost" download>
          <span aria-hidden="true">↓ </span>
          {t(filtered ? 'applications.export.filtered' : 'applications.export.all')}
          <span className="muted"> {t(lang === 'fr' ? 'applications.export.semicolons' : 'applications.export.commas')}</span>
        </a>
        <a href={`/organise/${year}/applications.xlsx${csvParams ? `?${csvParams}` : ''}`} className="button button--ghost" download>
          <span aria-hidden="true">↓ </span>
          {t(filtered ? 'layout.export.applications' : 'layout.export.applicationsAll')}
        </a>
      </div>

      {rows.length > 0 ? (
        <ScrollRegion className="applications-region" label={t('applications.table.caption', { year })}>
          <table className="table applications-table">
            <caption id="applications-caption" className="visually-hidden">
              {t('applications.table.caption', { year })}
            </caption>
            <thead>
              <tr>
                <SortHeader sort="name" label={t('applications.table.startup')} year={year} query={query} className="sticky-col" />
                <SortHeader sort="status" label={t('applications.table.status')} year={year} query={query} />
                <SortHeader sort="track" label={t('applications.table.track')} year={year} query={query} />
                <SortHeader sort="country" label={t('applications.table.country')} year={year} query={query} />
                <SortHeader sort="submitted" label={t('applications.table.submitted')} year={year} query={query} />
                <SortHeader sort="updated" label={t('applications.table.updated')} year={year} query={query} />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="sticky-col">
                    <Link to={`/organise/${year}/applications/${row.id}`} className="applications-table__name">
                      {row.startupName || t('me.untitled')}
                    </Link>
                    {row.oneLiner ? <span className="applications-table__line">{row.oneLiner}</span> : null}
                    <span className="applications-table__line">
                      {t('layout.table.labelled', { label: t('applications.table.founder'), value: row.founderName })}
                    </span>
                  </th>
                  <td>
                    <StatusBadge kind="application" status={row.status} />
                    <span className="applications-table__line">
                      {t('layout.table.labelled', {
                        label: t('applications.table.deck'),
                        value: t(row.hasDeck ? 'applications.table.yes' : 'applications.table.no'),
                      })}
                    </span>
                  </td>
                  <td>{row.trackName ?? <span className="muted">{t('applications.noTrack')}</span>}</td>
                  <td>{row.countryName ?? '—'}</td>
                  <td>{date(row.submittedAt)}</td>
                  <td>{date(row.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}

      {pages > 1 ? (
        <nav aria-label={t('applications.pages.label')} className="pagination">
          <ul>
            {query.page > 1 ? (
              <li>
                <Link to={hrefOf(year, query, { page: query.page - 1 })} rel="prev" className="button button--ghost">
                  ← {t('applications.pages.previous')}
                </Link>
              </li>
            ) : null}
            {Array.from({ length: pages }, (_, i) => i + 1).map((page) => (
              <li key={page}>
                <Link
                  to={hrefOf(year, query, { page })}
                  className="pagination__page"
                  aria-current={page === query.page ? 'page' : undefined}
                  aria-label={t('applications.pages.page', { page })}
                >
                  {page}
                </Link>
              </li>
            ))}
            {query.page < pages ? (
              <li>
                <Link to={hrefOf(year, query, { page: query.page + 1 })} rel="next" className="button button--ghost">
                  {t('applications.pages.next')} →
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
