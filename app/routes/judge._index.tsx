import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Progress } from '~/components/Progress';
import { PageHeader } from '~/components/PageHeader';
import { StatusBadge } from '~/components/StatusBadge';
import { editionName } from '~/domain/edition';
import { titleMeta, useT } from '~/i18n';
import scoringStyles from '~/styles/scoring.css';
import { requireJudge } from '~/utils/auth.server';
import { judgeOverview } from '~/utils/judging.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: scoringStyles }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'judge.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireJudge(request);
  return { name: user.name, editions: judgeOverview(user.id) };
}

export default function JudgeHome() {
  const { name, editions } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <div className="page">
      <PageHeader title={t('judge.title')} lead={t('judge.greeting', { name })} />
      <ul className="card-list">
        {editions.map((edition) => (
          <li key={edition.id} className="card">
            <div className="card__head">
              <h2 className="card__title">
                <Link to={`/judge/${edition.year}`} className="card__title-link">
                  {editionName(edition, lang)}
                </Link>
              </h2>
              <StatusBadge kind="edition" status={edition.status} />
            </div>
            {edition.rounds.length === 0 ? (
              <p className="muted">{t('judge.noRounds')}</p>
            ) : (
              <ul className="stack">
                {edition.rounds.map((round) => (
                  <li key={round.id}>
                    <Progress
                      label={`${lang === 'fr' ? round.nameFr : round.nameEn} — ${t(`status.round.${round.state}`)}`}
                      done={round.submitted}
                      total={round.assigned}
                    />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
