/**
 * /vote/:year — the people's choice on a phone, reached by the projector's QR code. One tap on a
 * finalist, one confirmation, and the vote is in; a voter may change it while voting is open.
 * Every rule is the server's (votes.server.ts): open only while the stage says so, one vote per
 * voter cookie, a limit of new ballots per network address, counts shown to no one before the
 * reveal. Works without JavaScript; with it, the page follows the vote opening and closing live.
 *
 * The presence check (decision 034): the projector's QR code carries a short code (`?c=`) that
 * changes every 30 s; each post carries it on, and a ballot needs one at most 2 minutes old. A
 * voter without one (a typed address, an expired code) is asked to scan again or type the code
 * shown under the QR code. After each step, focus moves to what changed, for screen readers.
 */
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, type ShouldRevalidateFunction, useActionData, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useStageEvents } from '~/components/StageEvents';
import { VoteBallot, VoteConfirm, presenceQuery } from '~/components/VoteBallot';
import { type MessageKey, tOf, useT } from '~/i18n';
import voteStyles from '~/styles/vote.css';
import type { RootHandle } from '~/utils/route-handles';
import {
  clientOf,
  currentChoice,
  data,
  editionName,
  getLanguage,
  isFreshPresence,
  isRefusal,
  messagesIn,
  newVoterId,
  normalisePresence,
  publicStage,
  queueVote,
  redirect,
  requirePublicEdition,
  voterCookie,
  voterIdOf,
  voteRules,
  VOTE_REFUSALS,
} from '~/utils/vote-route.server';
import type { Refusal } from '~/domain/refusal';

/**
 * The audience never logs in here: no log-in or sign-up links in the header. A ballot changes
 * nothing the root shows (the user, the language): the root keeps its data after a post.
 */
export const handle: RootHandle = { withoutAccountLinks: true, revalidateRootAfterPost: false };

/**
 * Choosing a finalist writes nothing: its answer (the confirmation step) is the whole change, so the
 * page's data is not fetched again. The step is on screen once its one request is answered, with
 * nothing left in flight that a quick "Confirm" would cut off (a phone in the hall, one request fewer).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, actionResult, defaultShouldRevalidate }) =>
  formData?.get('intent') === 'choose' && actionResult?.confirm ? false : defaultShouldRevalidate;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: voteStyles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('stage.vote.metaTitle')} — ${page?.editionName ?? ''}` }];
};

type VoteAnswer = { confirm: number } | { refused: { key: MessageKey; params?: Record<string, string | number> } };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const edition = requirePublicEdition(params.year);
  const stage = publicStage(edition);
  const url = new URL(request.url);
  const typed = url.searchParams.get('c');
  const code = normalisePresence(typed);
  const lang = await getLanguage(request);
  return {
    messages: messagesIn(lang, ['stage']),
    year: edition.year,
    /** In the page's language (the language switch reloads every loader). */
    editionName: editionName(edition, lang),
    voteOpen: stage.voteOpen,
    ended: stage.reveal !== null || edition.status === 'published',
    finalists: stage.runningOrder,
    choice: currentChoice(edition.id, voterIdOf(request)),
    voted: url.searchParams.get('voted') === '1',
    /** Null when the edition does not check presence; else the code this page carries and whether it is still good. */
    presence: voteRules(edition.id).presenceCheck
      ? { code, fresh: code !== null && isFreshPresence(edition.id, code), given: typed !== null && typed !== '' }
      : null,
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
  const presence = normalisePresence(form.get('presence'));

  if (intent === 'choose') {
    // The same rules as the ballot, checked early so that the voter learns it before confirming.
    const rules = voteRules(edition.id);
    if (!rules.open) return refused(VOTE_REFUSALS.closed());
    if (rules.presenceCheck && !isFreshPresence(edition.id, presence)) return refused(VOTE_REFUSALS.presence());
    if (!publicStage(edition).runningOrder.some((f) => f.applicationId === applicationId)) return refused(VOTE_REFUSALS.notFinalist());
    return data<VoteAnswer>({ confirm: applicationId }, { headers });
  }
  try {
    // Through the group commit: answered once the ballot's transaction has committed (decision 044).
    await queueVote({ editionId: edition.id, applicationId, voterId, ip: clientOf(request, context).ip, presence });
  } catch (error) {
    if (isRefusal(error)) return refused(error);
    throw error;
  }
  return redirect(`/vote/${edition.year}?voted=1${presenceQuery(presence, '&')}`, { headers });
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
  const code = page.presence?.code ?? null;
  // A presence code is needed and this page has none that is still good (or a ballot was refused for it).
  const needsCode =
    page.voteOpen && page.presence !== null && (!page.presence.fresh || refusal?.key === 'stage.vote.refused.presence');
  const staleCode = page.presence?.given && !page.presence.fresh;

  // After each step, focus goes to what changed, so that a screen reader reads it out.
  const statusRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (answer || page.voted) statusRef.current?.focus();
  }, [answer, confirming, page.voted]);

  return (
    <div className="vote-page">
      <header className="vote-header">
        <p className="eyebrow">{t('stage.vote.eyebrow', { edition: page.editionName })}</p>
        <h1>{t('stage.vote.title')}</h1>
      </header>

      <div role="status" aria-live="polite" tabIndex={-1} ref={statusRef} className="vote-status">
        {refusal ? (
          <p className="notice vote-notice vote-notice--error">{t(refusal.key, refusal.params)}</p>
        ) : staleCode && page.voteOpen ? (
          <p className="notice vote-notice vote-notice--error">{t('stage.vote.refused.presence')}</p>
        ) : page.voted && chosen && page.voteOpen ? (
          <p className="notice vote-notice vote-notice--success">
            <span aria-hidden="true">✓</span> {t('stage.vote.thanks', { name: chosen.name })}
          </p>
        ) : null}
      </div>

      {needsCode ? <PresenceEntry year={page.year} /> : null}

      {!page.voteOpen ? (
        <section className="vote-closed" aria-labelledby="vote-closed-title">
          <h2 id="vote-closed-title">{page.ended ? t('stage.vote.ended.title') : t('stage.vote.notYet.title')}</h2>
          <p>{page.ended ? t('stage.vote.ended.body') : t('stage.vote.notYet.body')}</p>
          {chosen ? <p>{t('stage.vote.yourChoice', { name: chosen.name })}</p> : null}
        </section>
      ) : needsCode ? null : confirming ? (
        <VoteConfirm year={page.year} finalist={confirming} presence={code} ref={confirmRef} />
      ) : (
        <>
          <p className="vote-lead">
            {chosen && !page.voted ? `${t('stage.vote.yourChoice', { name: chosen.name })} ` : null}
            {chosen ? t('stage.vote.changeHint') : t('stage.vote.lead')}
          </p>
          <VoteBallot finalists={page.finalists} choice={page.choice} presence={code} />
        </>
      )}
    </div>
  );
}

/** How to get a fresh code: scan the screen again, or type the code shown under the QR code (a plain GET form). */
function PresenceEntry({ year }: { year: number }) {
  const { t } = useT();
  return (
    <section className="vote-presence" aria-labelledby="vote-presence-title">
      <h2 id="vote-presence-title">{t('stage.vote.presence.title')}</h2>
      <p>{t('stage.vote.presence.body')}</p>
      <Form method="get" action={`/vote/${year}`} className="vote-presence__form">
        <label htmlFor="vote-presence-code" className="field__label">
          {t('stage.vote.presence.label')}
        </label>
        <input
          id="vote-presence-code"
          name="c"
          className="field__input vote-presence__input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          maxLength={12}
          required
        />
        <button type="submit" className="button button--primary vote-button">
          {t('stage.vote.presence.submit')}
        </button>
      </Form>
    </section>
  );
}
