/**
 * /vote/:year — the people's choice on a phone, reached by the projector's QR code. One tap on a
 * finalist, one confirmation, and the vote is in; a voter may change it while voting is open.
 * Every rule is the server's (votes.server.ts): open only while the stage says so, one vote per
 * voter cookie, a limit of new ballots per network address, counts shown to no one before the
 * reveal. Works without JavaScript; with it, the page follows the vote opening and closing live.
 */
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useStageEvents } from '~/components/StageEvents';
import { VoteBallot, VoteConfirm } from '~/components/VoteBallot';
import { useT, type MessageKey } from '~/i18n';
import { tOf } from '~/i18n/meta';
import { messagesFor } from '~/i18n/messages.server';
import voteStyles from '~/styles/vote.css';
import { requirePublicEdition } from '~/utils/editions.server';
import { clientOf } from '~/utils/request.server';
import { publicStage } from '~/utils/stage.server';
import {
  castVote,
  currentChoice,
  isVoteOpen,
  newVoterId,
  voterCookie,
  voterIdOf,
  VOTE_REFUSALS,
} from '~/utils/votes.server';
import { isRefusal, type Refusal } from '~/domain/refusal';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: voteStyles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('stage.vote.metaTitle')} — ${page?.editionName ?? ''}` }];
};

type VoteAnswer = { confirm: number } | { refused: { key: MessageKey; params?: Record<string, string | number> } };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const edition = requirePublicEdition(params.year);
  const stage = publicStage(edition);
  return {
    messages: await messagesFor(request, ['stage']),
    year: edition.year,
    editionName: edition.name,
    voteOpen: stage.voteOpen,
    ended: stage.reveal !== null || edition.status === 'published',
    finalists: stage.runningOrder,
    choice: currentChoice(edition.id, voterIdOf(request)),
    voted: new URL(request.url).searchParams.get('voted') === '1',
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const edition = requirePublicEdition(params.year);
  const form = await request.formData();
  const intent = form.get('intent');
  const applicationId = Number(form.get('applicationId'));
  if ((intent !== 'choose' && intent !== 'vote') || !Number.isSafeInteger(applicationId) || applicationId <= 0) {
    throw new Response('Bad Request', { status: 400 });
  }
  // The voter's id is created on their first post (a visitor who only looks gets no cookie).
  const headers = new Headers();
  let voterId = voterIdOf(request);
  if (!voterId) {
    voterId = newVoterId();
    headers.append('Set-Cookie', voterCookie(voterId));
  }
  const refused = (refusal: Refusal) =>
    data<VoteAnswer>({ refused: { key: refusal.key, params: refusal.params } }, { status: refusal.status, headers });

  if (intent === 'choose') {
    if (!isVoteOpen(edition.id)) return refused(VOTE_REFUSALS.closed());
    if (!publicStage(edition).runningOrder.some((f) => f.applicationId === applicationId)) return refused(VOTE_REFUSALS.notFinalist());
    return data<VoteAnswer>({ confirm: applicationId }, { headers });
  }
  try {
    castVote({ editionId: edition.id, applicationId, voterId, ip: clientOf(request, context).ip });
  } catch (error) {
    if (isRefusal(error)) return refused(error);
    throw error;
  }
  return redirect(`/vote/${edition.year}?voted=1`, { headers });
}

export default function VotePage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<VoteAnswer>();
  const { t } = useT();
  const { stage } = useStageEvents(page.year, null);
  const revalidator = useRevalidator();
  const refresh = useRef(revalidator);
  refresh.current = revalidator;

  // Voting opened or closed on stage: show it without a reload.
  const liveOpen = stage?.voteOpen;
  useEffect(() => {
    if (liveOpen !== undefined && liveOpen !== page.voteOpen && refresh.current.state === 'idle') refresh.current.revalidate();
  }, [liveOpen, page.voteOpen]);

  const confirming = answer && 'confirm' in answer ? page.finalists.find((f) => f.applicationId === answer.confirm) : undefined;
  const refusal = answer && 'refused' in answer ? answer.refused : undefined;
  const chosen = page.finalists.find((f) => f.applicationId === page.choice);

  return (
    <div className="vote-page">
      <header className="vote-header">
        <p className="eyebrow">{t('stage.vote.eyebrow', { edition: page.editionName })}</p>
        <h1>{t('stage.vote.title')}</h1>
      </header>

      <div role="status" aria-live="polite">
        {refusal ? (
          <p className="notice vote-notice vote-notice--error">{t(refusal.key, refusal.params)}</p>
        ) : page.voted && chosen && page.voteOpen ? (
          <p className="notice vote-notice vote-notice--success">
            <span aria-hidden="true">✓</span> {t('stage.vote.thanks', { name: chosen.name })}
          </p>
        ) : null}
      </div>

      {!page.voteOpen ? (
        <section className="vote-closed" aria-labelledby="vote-closed-title">
          <h2 id="vote-closed-title">{page.ended ? t('stage.vote.ended.title') : t('stage.vote.notYet.title')}</h2>
          <p>{page.ended ? t('stage.vote.ended.body') : t('stage.vote.notYet.body')}</p>
          {chosen ? <p>{t('stage.vote.yourChoice', { name: chosen.name })}</p> : null}
        </section>
      ) : confirming ? (
        <VoteConfirm year={page.year} finalist={confirming} />
      ) : (
        <>
          <p className="vote-lead">
            {chosen && !page.voted ? `${t('stage.vote.yourChoice', { name: chosen.name })} ` : null}
            {chosen ? t('stage.vote.changeHint') : t('stage.vote.lead')}
          </p>
          <VoteBallot finalists={page.finalists} choice={page.choice} />
        </>
      )}
    </div>
  );
}
