import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Progress } from '~/components/Progress';
import { PageHeader } from '~/components/PageHeader';
import { StatusBadge } from '~/components/StatusBadge';
import { editionName } from '~/domain/edition';
import { titleMeta, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { APPLICATION_STATUSES } from '~/domain/statuses';
import { requireOrganiser } from '~/utils/auth.server';
import { organiserOverview } from '~/utils/judging.server';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'organise.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return { messages: await messagesFor(request, ['editions']), editions: organiserOverview() };
}

export default function OrganiseHome() {
  const { editions } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <div className="page page--wide">
      <PageHeader title={t('organise.title')} lead={t('organise.lead')}>
        <p>
          <Link to="/organise/new" className="button button--primary">
            {t('editions.new.link')}
          </Link>
        </p>
        <p>
          <Link to="/organise/outbox">{t('organise.outboxLink')}</Link>
          {' · '}
          <Link to="/organise/startups">{t('organise.showcaseLink')}</Link>
        </p>
      </PageHeader>
      <ul className="card-list">
        {editions.map((edition) => (
          <li key={edition.id} className="card">
            <div className="card__head">
              <h2 className="card__title">{editionName(edition, lang)}</h2>
              <StatusBadge kind="edition" status={edition.status} />
            </div>
            <p className="muted">{t('organise.judgesCount', { count: edition.judges })}</p>
            <p>
              <Link to={`/organise/${edition.year}`} className="button button--ghost">
                {t('organise.manageEdition', { year: edition.year })}
              </Link>
            </p>
            <table className="table table--compact">
              <caption className="visually-hidden">{t('organise.applicationsByStatus', { year: edition.year })}</caption>
              <thead>
                <tr>
                  {APPLICATION_STATUSES.map((status) => (
                    <th key={status} scope="col">
                      {t(`status.application.${status}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {APPLICATION_STATUSES.map((status) => (
                    <td key={status}>{edition.applications[status] ?? 0}</td>
                  ))}
                </tr>
              </tbody>
            </table>
            <ul className="stack">
              {edition.rounds.map((round) => (
                <li key={round.id}>
                  <Progress
                    label={`${lang === 'fr' ? round.nameFr : round.nameEn} — ${t(`status.round.${round.state}`)} · ${t(`method.${round.method}`)}`}
                    done={round.submitted}
                    total={round.assignments}
                  />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
