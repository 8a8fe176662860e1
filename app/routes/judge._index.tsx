import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Progress } from '~/components/Progress';
import { StatusBadge } from '~/components/StatusBadge';
import { translate, useT } from '~/i18n';
import { requireJudge } from '~/utils/auth.server';
import { judgeOverview } from '~/utils/judging.server';

export const meta: MetaFunction = ({ matches }) => {
  const lang = (matches.find((m) => m.id === 'root')?.data as { lang?: 'fr' | 'en' } | undefined)?.lang ?? 'en';
  return [{ title: `${translate(lang, 'judge.title')} — Palmarès` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireJudge(request);
  return { name: user.name, editions: judgeOverview(user.id) };
}

export default function JudgeHome() {
  const { name, editions } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('judge.title')}</h1>
        <p className="lead">{t('judge.greeting', { name })}</p>
      </header>
      <ul className="card-list">
        {editions.map((edition) => (
          <li key={edition.id} className="card">
            <div className="card__head">
              <h2 className="card__title">{edition.name}</h2>
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
