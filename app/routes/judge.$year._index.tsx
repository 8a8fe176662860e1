/**
 * A judge's page of one edition: their assigned applications per round, next to score first, with their
 * own progress. Conflicted applications are never listed, only counted.
 *
 * The live view (issue 12): while scoring is open on stage, the startup on stage — the one the
 * projector shows — is the page's single primary action, at the top (StageFollower, live); the
 * final round lists its startups in the running order; open rounds come first and locked rounds
 * are folded away (<details>).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Progress } from '~/components/Progress';
import { EditionPageHeader } from '~/components/EditionPageHeader';
import { StatusBadge } from '~/components/StatusBadge';
import { type Lang, tOf, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { StageFollower } from '~/components/StageFollower';
import scoringStyles from '~/styles/scoring.css';
import { requireJudgeOf } from '~/utils/auth.server';
import { parseYear, requireEdition } from '~/utils/editions.server';
import { conflictCount, judgeRounds, type AssignedApplication } from '~/utils/scoresheets.server';
import { loadStage, stageTargetFor } from '~/utils/stage.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: scoringStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('scoring.edition.metaTitle', { year: page?.year ?? '' })} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const judge = await requireJudgeOf(request, parseYear(params.year));
  const edition = requireEdition(params.year);
  const runningOrder = loadStage(edition.id).runningOrder;
  const position = (id: number) => {
    const index = runningOrder.indexOf(id);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const rounds = judgeRounds(judge.id, judge.editionId)
    // The final follows the stage: its startups in the running order.
    .map((round) =>
      round.kind === 'final' ? { ...round, applications: [...round.applications].sort((x, y) => position(x.applicationId) - position(y.applicationId)) } : round,
    )
    // What can still be scored first; locked rounds after, folded.
    .sort((x, y) => Number(x.locked) - Number(y.locked));
  // After a submit: name the startup only if it is one of the judge's own listed applications.
  const submittedId = Number(new URL(request.url).searchParams.get('submitted'));
  const submitted =
    rounds.flatMap((r) => r.applications).find((p) => p.applicationId === submittedId && p.status === 'submitted') ?? null;
  return {
    messages: await messagesFor(request, ['scoring', 'stage']),
    year: edition.year,
    // Whose outbox the judge section flushes (components/JudgeOffline).
    judgeId: judge.id,
    name: edition.name,
    nameFr: edition.nameFr,
    status: edition.status,
    rounds,
    conflicts: conflictCount(judge.id, judge.editionId),
    submitted: submitted ? { startupName: submitted.startupName } : null,
    stageTarget: stageTargetFor(judge.id, edition),
  };
}

export default function JudgeEdition() {
  const page = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const conflictsText =
    page.conflicts === 0
      ? t('scoring.edition.conflictsNone')
      : page.conflicts === 1
        ? t('scoring.edition.conflictsOne')
        : t('scoring.edition.conflictsOther', { count: page.conflicts });
  return (
    <div className="page judge-edition">
      <EditionPageHeader eyebrow={t('scoring.edition.eyebrow')} edition={page}>
        <p className="lead">{t('scoring.edition.lead')}</p>
      </EditionPageHeader>

      <StageFollower year={page.year} initial={page.stageTarget} prominent />

      {page.submitted ? (
        <p className="notice notice--success" role="status">
          {t('scoring.edition.submittedNotice', { startup: page.submitted.startupName || t('scoring.edition.untitled') })}
        </p>
      ) : null}

      <section className="conflicts-box" aria-labelledby="conflicts-title">
        <h2 id="conflicts-title" className="visually-hidden">
          {t('scoring.edition.conflictsLink')}
        </h2>
        <p>
          {conflictsText} {t('scoring.edition.conflictsHelp')}
        </p>
        <Link to={`/judge/${page.year}/conflicts`} className="button button--ghost">
          {t('scoring.edition.conflictsLink')}
        </Link>
      </section>

      {page.rounds.length === 0 ? <p className="notice">{t('scoring.edition.noRounds')}</p> : null}

      {page.rounds.map((round) => {
        const roundName = lang === 'fr' ? round.nameFr : round.nameEn;
        // During the live final, the stage decides what the final round scores next: no second "next" there.
        const stageLed = round.kind === 'final' && page.status === 'final';
        const next = round.locked || stageLed ? null : round.applications.find((p) => p.status !== 'submitted');
        // Said only when true: during the live final there is no "next" link, yet pitches remain to score.
        const allSubmitted = round.applications.length > 0 && round.applications.every((p) => p.status === 'submitted');
        const headingId = `round-${round.id}`;
        const body = (
          <>
            <Progress label={t('scoring.edition.progressLabel')} done={round.submitted} total={round.applications.length} />
            {round.hiddenForConflicts > 0 ? (
              <p className="muted">
                {round.hiddenForConflicts === 1
                  ? t('scoring.edition.hiddenOne')
                  : t('scoring.edition.hiddenOther', { count: round.hiddenForConflicts })}
              </p>
            ) : null}
            {round.locked ? (
              <p className="notice">{t('scoring.edition.locked')}</p>
            ) : next ? (
              <p>
                <Link
                  to={`/judge/${page.year}/rounds/${round.id}/${next.applicationId}`}
                  className={page.stageTarget.kind === 'sheet' ? 'button button--ghost' : 'button button--primary button--large'}
                >
                  {t('scoring.edition.next', { startup: next.startupName || t('scoring.edition.untitled') })}
                </Link>
              </p>
            ) : allSubmitted ? (
              <p className="notice notice--success">{t('scoring.edition.allDone')}</p>
            ) : null}
            {stageLed ? <p className="muted">{t('scoring.edition.runningOrder')}</p> : null}
            {(() => {
              const List = stageLed ? 'ol' : 'ul';
              return (
                <List className="pitch-list" aria-label={t('scoring.edition.pitchesOf', { round: roundName })}>
                  {round.applications.map((application, i) => (
                    <li key={application.applicationId}>
                      <ApplicationLink
                        year={page.year}
                        roundId={round.id}
                        application={application}
                        criteriaCount={round.criteriaCount}
                        lang={lang}
                        position={stageLed ? i + 1 : undefined}
                      />
                    </li>
                  ))}
                </List>
              );
            })()}
          </>
        );
        return round.locked ? (
          <details key={round.id} className="judge-round judge-round--locked">
            <summary className="judge-round__head">
              <h2 id={headingId}>{roundName}</h2>
              <StatusBadge kind="round" status="locked" />
              <span className="muted">
                {t('scoring.edition.lockedSummary', { done: round.submitted, total: round.applications.length })}
              </span>
            </summary>
            {body}
          </details>
        ) : (
          <section key={round.id} className="judge-round" aria-labelledby={headingId}>
            <div className="judge-round__head">
              <h2 id={headingId}>{roundName}</h2>
              <StatusBadge kind="round" status="open" />
            </div>
            {body}
          </section>
        );
      })}
    </div>
  );
}

function ApplicationLink({
  year,
  roundId,
  application,
  criteriaCount,
  lang,
  position,
}: {
  year: number;
  roundId: number;
  application: AssignedApplication;
  criteriaCount: number;
  lang: Lang;
  /** Its place in the running order of the final. */
  position?: number;
}) {
  const { t } = useT();
  const state =
    application.status === 'submitted'
      ? t('scoring.edition.pitchSubmitted')
      : application.status === 'draft'
        ? t('scoring.edition.pitchDraft', { scored: application.scored, total: criteriaCount })
        : t('scoring.edition.pitchNotStarted');
  const track = lang === 'fr' ? application.trackFr : application.trackEn;
  return (
    <Link to={`/judge/${year}/rounds/${roundId}/${application.applicationId}`} className={`pitch pitch--${application.status ?? 'none'}`}>
      <span className="pitch__name">
        {position ? <span className="pitch__position">{position}</span> : null}
        {application.startupName || t('scoring.edition.untitled')}
      </span>
      {application.oneLiner ? <span className="pitch__one-liner">{application.oneLiner}</span> : null}
      <span className="pitch__meta">
        {track ? <span className="pitch__track">{track}</span> : null}
        <span className="pitch__state">
          <span aria-hidden="true">{application.status === 'submitted' ? '✓ ' : application.status === 'draft' ? '✎ ' : '○ '}</span>
          {state}
        </span>
      </span>
    </Link>
  );
}
