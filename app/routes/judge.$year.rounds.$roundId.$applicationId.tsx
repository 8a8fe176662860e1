/**
 * One scoresheet: the application on one side, the judge's scores on the other.
 * Guards: a judge of the edition, not conflicted with the application (403), assigned to it in
 * this round (404). A locked round shows the sheet read only and refuses every change (409).
 * Saves: app/utils/scoresheets.server.ts; rules: app/domain/scoresheet.ts.
 */
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Link,
  useActionData,
  useLoaderData,
  useRevalidator,
  type ClientActionFunctionArgs,
  type ShouldRevalidateFunction,
} from '@remix-run/react';
import { useCallback, useState } from 'react';
import { ScoresheetApplication } from '~/components/ScoresheetApplication';
import { ATTEMPT_FIELD, ScoresheetForm, waitForServer } from '~/components/ScoresheetForm';
import { emptyContent, readScoresheetForm, typedContent, type SaveAnswer } from '~/domain/scoresheet';
import { ScoresheetReadOnly } from '~/components/ScoresheetReadOnly';
import { tOf, useT } from '~/i18n';
import { StageFollower } from '~/components/StageFollower';
import scoringStyles from '~/styles/scoring.css';
import {
  data,
  forbidden,
  messagesFor,
  newSaveKey,
  ownScoresheet,
  parseYear,
  redirect,
  requireEdition,
  requireJudgeOf,
  requireScoresheetAccess,
  saveRequestSchema,
  saveScoresheet,
  scoringCriteria,
} from '~/utils/scoresheet-route.server';
import { settleRedirected } from '~/utils/outbox';
import type { RootHandle } from '~/utils/route-handles';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: scoringStyles }];

/** A save changes nothing the root reads: the root keeps its data after it (see root.tsx). */
export const handle: RootHandle = { revalidateRootAfterPost: false };

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => {
  const { t } = tOf(matches);
  const title = t('scoring.sheet.metaTitle');
  return [{ title: page ? `${page.application.startupName} — ${title} — Palmarès` : `${title} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const judge = await requireJudgeOf(request, parseYear(params.year));
  const edition = requireEdition(params.year);
  const { round, application, locked, closedOnStage } = requireScoresheetAccess(judge.id, judge.editionId, params.roundId, params.applicationId);
  const sheet = ownScoresheet(judge.id, round.id, application.id);
  return {
    messages: await messagesFor(request, ['scoring', 'stage']),
    year: edition.year,
    timeZone: edition.timeZone,
    judgeId: judge.id,
    round: { id: round.id, nameFr: round.nameFr, nameEn: round.nameEn },
    locked,
    closedOnStage,
    application,
    criteria: scoringCriteria(judge.editionId),
    sheet: sheet
      ? {
          content: {
            values: sheet.values,
            comments: sheet.comments,
            overallComment: sheet.overallComment,
            sharedComments: sheet.sharedComments,
            sharedOverallComment: sheet.sharedOverallComment,
          },
          revision: sheet.revision,
          status: sheet.status,
          updatedAt: sheet.updatedAt.toISOString(),
          submittedAt: sheet.submittedAt?.toISOString() ?? null,
        }
      : null,
    // For a save without JavaScript; a new one at every render, so each post is a new save.
    idempotencyKey: newSaveKey(),
  };
}

/** Refused saves answer 400 or 409, which also spares the page a reload of its data in the browser. */
const STATUS: Record<Exclude<SaveAnswer['result'], 'unreachable'>, number> = { saved: 200, invalid: 400, stale: 409, locked: 409 };

export async function action({ request, params }: ActionFunctionArgs) {
  const year = parseYear(params.year);
  const judge = await requireJudgeOf(request, year);
  const { round, application } = requireScoresheetAccess(judge.id, judge.editionId, params.roundId, params.applicationId);
  const form = await request.formData();
  const criteria = scoringCriteria(judge.editionId);
  const raw = readScoresheetForm(form, criteria);
  const parsed = saveRequestSchema.safeParse({
    intent: form.get('intent'),
    idempotencyKey: form.get('idempotencyKey'),
    revision: form.get('revision'),
  });
  const key = typeof form.get('idempotencyKey') === 'string' ? String(form.get('idempotencyKey')) : '';
  if (!parsed.success) {
    const answer: SaveAnswer = {
      result: 'invalid',
      key,
      intent: 'save',
      fieldErrors: {},
      formError: 'scoring.errors.badRequest',
      typed: typedContent(criteria, raw),
    };
    return data(answer, { status: 400 });
  }
  const save = parsed.data;
  const outcome = saveScoresheet({
    judgeId: judge.id,
    editionId: judge.editionId,
    roundId: round.id,
    applicationId: application.id,
    request: save,
    raw,
  });
  let answer: SaveAnswer;
  switch (outcome.result) {
    case 'forbidden':
      throw forbidden();
    case 'notFound':
      throw new Response('Not Found', { status: 404, statusText: 'Not Found' });
    case 'locked':
      answer = { result: 'locked', key, onStage: outcome.onStage };
      break;
    case 'invalid':
      answer = {
        result: 'invalid',
        key,
        intent: save.intent,
        fieldErrors: outcome.fieldErrors,
        formError: outcome.formError ?? null,
        typed: typedContent(criteria, raw),
      };
      break;
    case 'stale':
      answer = {
        result: 'stale',
        key,
        intent: save.intent,
        mine: typedContent(criteria, raw),
        stored: {
          status: outcome.stored.status,
          revision: outcome.stored.revision,
          values: outcome.stored.values,
          comments: outcome.stored.comments,
          overallComment: outcome.stored.overallComment,
          sharedComments: outcome.stored.sharedComments,
          sharedOverallComment: outcome.stored.sharedOverallComment,
        },
        storedAt: outcome.stored.updatedAt?.toISOString() ?? null,
      };
      break;
    case 'saved':
      if (save.intent === 'submit') {
        throw redirect(`/judge/${year}?${new URLSearchParams({ submitted: String(application.id) })}`);
      }
      answer = {
        result: 'saved',
        key,
        intent: save.intent,
        revision: outcome.revision,
        status: outcome.status,
        savedAt: outcome.savedAt.toISOString(),
        replayed: outcome.replayed,
      };
      break;
  }
  return data(answer, { status: STATUS[answer.result as keyof typeof STATUS] });
}

/**
 * In the browser: the same server action, except that a save that gets no answer (offline, server
 * down) waits for the server to be reachable again and comes back as `unreachable`, for the form to
 * send it again under the same key, instead of an error page that would take the sheet away.
 * Refusals by status (403, 404) and the redirect after a submit are the server's own answers.
 */
export async function clientAction({ request, serverAction }: ClientActionFunctionArgs) {
  const form = await request.clone().formData();
  const key = String(form.get('idempotencyKey') ?? '');
  try {
    return (await serverAction()) as SaveAnswer;
  } catch (error) {
    // A submit is answered by a redirect: the outbox learns here that the server has it.
    if (error instanceof Response && error.status >= 300 && error.status < 400) await settleRedirected(key);
    if (error instanceof Response || isRouteErrorResponse(error)) throw error;
    await waitForServer(key, Number(form.get(ATTEMPT_FIELD)) || 0, request.signal);
    return { result: 'unreachable', key } satisfies SaveAnswer;
  }
}

/**
 * A save answers for itself: reloading the sheet after it would fight with what the judge is
 * typing. Nor does a save of another sheet (the outbox flushing in the background) reload this one:
 * a reload that fails because the network dropped again would take the sheet away.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, formAction, defaultShouldRevalidate }) =>
  formMethod === 'POST' && formAction !== undefined && /^\/judge\/\d+\/rounds\/\d+\/\d+$/.test(formAction) ? false : defaultShouldRevalidate;

export default function ScoresheetPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as SaveAnswer | undefined;
  const { t, lang } = useT();
  const revalidator = useRevalidator();
  const [lockedMeanwhile, setLockedMeanwhile] = useState(false);
  const onLocked = useCallback(() => {
    setLockedMeanwhile(true);
    revalidator.revalidate();
  }, [revalidator]);
  const locked = page.locked || lockedMeanwhile || answer?.result === 'locked';
  const onStageRefusal = (answer?.result === 'locked' && answer.onStage) || (lockedMeanwhile && page.closedOnStage);
  const path = `/judge/${page.year}/rounds/${page.round.id}/${page.application.id}`;
  return (
    <div className="page page--wide scoresheet-page">
      <StageFollower year={page.year} />
      <header className="page-header scoresheet-page__header">
        <p className="scoresheet-page__back">
          <Link to={`/judge/${page.year}`}>
            <span aria-hidden="true">← </span>
            {t('scoring.sheet.back')}
          </Link>
        </p>
        <p className="eyebrow">{lang === 'fr' ? page.round.nameFr : page.round.nameEn}</p>
        <h1>{page.application.startupName || t('scoring.edition.untitled')}</h1>
        <a className="scoresheet-page__skip" href="#scores-title">
          {t('scoring.sheet.skipToScores')}
        </a>
      </header>
      <div className="scoresheet-layout">
        <div className="scoresheet-layout__application">
          <ScoresheetApplication application={page.application} />
        </div>
        <div className="scoresheet-layout__scores">
          {answer?.result === 'locked' || lockedMeanwhile ? (
            <p className="notice notice--error" role="alert">
              {t(onStageRefusal ? 'scoring.errors.closedOnStage' : 'scoring.errors.roundLocked')}
            </p>
          ) : null}
          {locked ? (
            <ScoresheetReadOnly
              criteria={page.criteria}
              content={page.sheet?.content ?? null}
              status={page.sheet?.status ?? null}
              submittedAt={page.sheet?.submittedAt ?? null}
              timeZone={page.timeZone}
              message={t(page.closedOnStage ? 'scoring.sheet.closedOnStage' : 'scoring.sheet.locked')}
            />
          ) : (
            <ScoresheetForm
              key={path}
              action={path}
              storageKey={`palmares:scoresheet:${page.judgeId}:${page.round.id}:${page.application.id}`}
              judgeId={page.judgeId}
              criteria={page.criteria}
              initial={{
                content: page.sheet?.content ?? emptyContent(page.criteria),
                revision: page.sheet?.revision ?? 0,
                status: page.sheet?.status ?? null,
                updatedAt: page.sheet?.updatedAt ?? null,
                submittedAt: page.sheet?.submittedAt ?? null,
              }}
              idempotencyKey={page.idempotencyKey}
              timeZone={page.timeZone}
              answer={answer}
              onLocked={onLocked}
            />
          )}
        </div>
      </div>
    </div>
  );
}
