/**
 * What the judge's scoresheet (app/routes/judge.$year.rounds.$roundId.$applicationId.tsx) needs
 * from the server, in one module, so that the tablet's first load pays no empty chunk per server
 * module (app/utils/root-route.server.ts, decision 045).
 */
export { data, redirect } from '@remix-run/node';
export { messagesFor } from '~/i18n/messages.server';
export { forbidden, requireJudgeOf } from '~/utils/auth.server';
export { parseYear, requireEdition } from '~/utils/editions.server';
export {
  newSaveKey,
  ownScoresheet,
  requireScoresheetAccess,
  saveRequestSchema,
  saveScoresheet,
  scoringCriteria,
} from '~/utils/scoresheets.server';
