/**
 * /organise/:year/audit — the edition's audit log, newest first, filtered by entity type,
 * action and actor (a GET form: the filters are in the address, so a view can be shared),
 * paginated by id, with each event's before and after as a readable diff. Read-only: the
 * table itself refuses updates and deletes.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { AuditDiff } from '~/components/AuditDiff';
import { AUDIT_ENTITY_NAMES } from '~/domain/judging-setup';
import { formatDate, useT } from '~/i18n';
import styles from '~/styles/judging-setup.css';
import { listAudit } from '~/utils/audit.server';
import { getLanguage } from '~/utils/language.server';
import { auditFilterOptions, auditNames } from '~/utils/setup.server';
import { organiserPage } from '~/utils/organiser-page.server';
import { organiserPageHead } from '~/utils/organiser-page';
import { FilterSelects } from '~/components/field-shell';

export const { links, meta } = organiserPageHead(styles, 'organise.tabs.audit');

const PAGE_SIZE = 25;

const positiveId = (value: string | null) => (value && /^\d{1,12}$/.test(value) ? Number(value) : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['judging', 'applications', 'editions', 'layout']);
  const search = new URL(request.url).searchParams;
  const filters = {
    type: search.get('type') ?? '',
    action: search.get('action') ?? '',
    actor: search.get('actor') ?? '',
  };
  const beforeId = positiveId(search.get('before'));
  // One more than a page, to know whether there is an older page.
  const events = listAudit({
    editionId: edition.id,
    entityType: filters.type || undefined,
    action: filters.action || undefined,
    actorId: positiveId(filters.actor),
    beforeId,
    limit: PAGE_SIZE + 1,
  });
  const page = events.slice(0, PAGE_SIZE);
  return {
    messages,
    edition: { year: edition.year, timeZone: edition.timeZone },
    filters,
    options: auditFilterOptions(edition.id),
    events: page,
    names: auditNames(edition.id, page.flatMap((event) => [event.before, event.after]), await getLanguage(request), page),
    olderThan: events.length > PAGE_SIZE ? events[PAGE_SIZE - 1].id : null,
    paged: beforeId !== undefined,
  };
}

export default function EditionAudit() {
  const { edition, filters, options, events, names, olderThan, paged } = useLoaderData<typeof loader>();
  const { t, lang, has } = useT();
  const label = (key: string, fallback: string) => (has(key) ? t(key) : fallback);
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams(Object.entries({ ...filters, ...extra }).filter(([, v]) => v !== ''))}`;
  const filtered = Boolean(filters.type || filters.action || filters.actor);
  const typeOptions = options.entityTypes.map((type) => ({ value: type, label: label(`audit.entity.${type}`, type) }));
  const actionOptions = options.actions.map((action) => ({ value: action, label: label(`audit.action.${action}`, action) }));
  const actorOptions = options.actors.map((actor) => ({ value: actor.id, label: `${actor.name} (${t(`roles.${actor.role}`)})` }));
  /** What an event is about, by its name where it has one: "Round Présélection", "Application Civix", "Edition 2021". */
  const entityLabel = (type: string, id: string) => {
    const kind = (AUDIT_ENTITY_NAMES as Record<string, keyof typeof names>)[type];
    const name = kind ? names[kind][Number(id)] : undefined;
    if (type === 'edition') return t('audit.entity.edition.named', { year: edition.year });
    if (type === 'stage') return t('audit.entity.stage');
    return `${label(`audit.entity.${type}`, type)} ${name ?? `#${id}`}`;
  };

  return (
    <div className="judging-setup">
      <h2>{t('audit.title')}</h2>
      <p className="muted">{t('audit.lead', { count: options.total })}</p>
      <p>
        <a href={`/organise/${edition.year}/audit.csv${query({})}`} download>
          {t('audit.csv.link')}
        </a>
      </p>

      <Form method="get" className="setup-form audit-filters" aria-labelledby="audit-filters-title">
        <h3 id="audit-filters-title" className="visually-hidden">
          {t('audit.filters')}
        </h3>
        <div className="inline-form">
          <FilterSelects
            idPrefix="audit-"
            values={filters}
            placeholder={t('audit.filter.all')}
            filters={[
              { name: 'type', label: t('audit.filter.type'), options: typeOptions },
              { name: 'action', label: t('audit.filter.action'), options: actionOptions },
              { name: 'actor', label: t('audit.filter.actor'), options: actorOptions },
            ]}
          />
          <button type="submit" className="button button--primary">
            {t('audit.filter.submit')}
          </button>
          {filtered ? (
            <Link to="." className="button button--ghost">
              {t('audit.filter.clear')}
            </Link>
          ) : null}
        </div>
      </Form>

      <p>
        <a href={`/organise/${edition.year}/audit.xlsx`} className="button button--ghost" download>
          <span aria-hidden="true">↓ </span>
          {t('layout.export.audit')}
        </a>
      </p>

      {events.length === 0 ? (
        <p>{t(filtered ? 'audit.noneFiltered' : 'audit.none')}</p>
      ) : (
        <ol className="audit-list" aria-label={t('audit.listLabel')}>
          {events.map((event) => {
            const action = label(`audit.action.${event.action}`, event.action);
            const entity = entityLabel(event.entityType, event.entityId);
            return (
              <li key={event.id} className="box audit-event">
                <div className="audit-event__head">
                  <p className="audit-event__what">
                    <strong>{action}</strong>
                  </p>
                  <p className="audit-event__meta">
                    <time dateTime={new Date(event.at).toISOString()}>
                      {formatDate(lang, event.at, { dateStyle: 'medium', timeStyle: 'medium' }, edition.timeZone)}
                    </time>
                    {' · '}
                    {event.actorName ?? t('audit.system')}
                    {' · '}
                    {entity}
                  </p>
                </div>
                {event.reason ? (
                  <p className="audit-event__reason">
                    <strong>{t('audit.reason')}</strong> {event.reason}
                  </p>
                ) : null}
                <AuditDiff
                  before={event.before}
                  after={event.after}
                  names={names}
                  entityType={event.entityType}
                  timeZone={edition.timeZone}
                  caption={t('audit.diff.caption', { action, entity })}
                />
              </li>
            );
          })}
        </ol>
      )}

      <nav aria-label={t('audit.pages')} className="pager">
        {paged ? (
          <Link to={query({})} className="button button--ghost">
            {t('audit.newest')}
          </Link>
        ) : null}
        {olderThan ? (
          <Link to={query({ before: String(olderThan) })} className="button button--ghost">
            {t('audit.older')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
