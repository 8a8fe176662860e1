/**
 * What the audience vote (app/routes/vote.$year.tsx) needs from the server, in one module, so that
 * the phone's first load pays no empty chunk per server module (app/utils/root-route.server.ts,
 * decision 045).
 */
export { data, redirect } from '@remix-run/node';
export { editionName } from '~/domain/edition';
export { isRefusal } from '~/domain/refusal';
export { messagesIn } from '~/i18n/messages.server';
export { getLanguage } from '~/utils/language.server';
export { requirePublicEdition } from '~/utils/editions.server';
export { clientOf } from '~/utils/request.server';
export { publicStage } from '~/utils/stage.server';
export { queueVote } from '~/utils/vote-writer.server';
export {
  currentChoice,
  isFreshPresence,
  newVoterId,
  normalisePresence,
  voterCookie,
  voterIdOf,
  voteRules,
  VOTE_REFUSALS,
} from '~/utils/votes.server';
