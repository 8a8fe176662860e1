/**
 * The paper fallback (issue 12): when a tablet or the network fails, an organiser prints a judge's
 * assigned scoresheets in the judge's language, then types the scores the judge wrote on their
 * behalf. The save is the judge's own save (saveScoresheet: the same rules, revision check and
 * idempotency key), with the organiser as the audit log's actor (`enteredBy`); the audit event's
 * `after` also says `enteredOnPaperFor` the judge.
 */
import { asc, eq } from 'drizzle-orm';
import { readScoresheetForm } from '~/domain/scoresheet';
import { saveRequestSchema } from '~/domain/scoresheet-request';
import { isLang, type Lang } from '~/i18n';
import { getDb, schema } from './db.server';
import { editionCriteria } from './editions.server';
import { isEditionJudge } from './invitations.server';
import { judgeRounds, ownScoresheet, saveScoresheet, scoringCriteria, type SaveOutcome } from './scoresheets.server';

export interface PaperJudge {
  id: number;
  name: string;
  email: string;
  lang: Lang;
}

/** The judges of an edition, by name, with the language their sheets are printed in. */
export function paperJudges(editionId: number, fallback: Lang): PaperJudge[] {
  const u = schema.users;
  const j = schema.editionJudges;
  return getDb()
    .select({ id: u.id, name: u.name, email: u.email, preferredLanguage: u.preferredLanguage })
    .from(j)
    .innerJoin(u, eq(u.id, j.userId))
    .where(eq(j.editionId, editionId))
    .orderBy(asc(u.name), asc(u.id))
    .all()
    .map(({ preferredLanguage, ...judge }) => ({ ...judge, lang: isLang(preferredLanguage) ? preferredLanguage : fallback }));
}

/** One judge of the edition, or null (another edition's judge, or nobody). */
export function paperJudge(editionId: number, judgeId: number, fallback: Lang): PaperJudge | null {
  return paperJudges(editionId, fallback).find((judge) => judge.id === judgeId) ?? null;
}

/** The judge's sheets that can still be scored: assigned, not conflicted, in rounds that are not locked. */
export function paperSheets(editionId: number, judgeId: number) {
  const rounds = judgeRounds(judgeId, editionId).filter((round) => !round.locked);
  const criteria = scoringCriteria(editionId);
  return { rounds, criteria };
}

/** The judge's stored sheet for one of their open assignments (what the entry form starts from), or null if not theirs. */
export function paperSheet(editionId: number, judgeId: number, roundId: number, applicationId: number) {
  const round = judgeRounds(judgeId, editionId).find((r) => r.id === roundId && !r.locked);
  const application = round?.applications.find((a) => a.applicationId === applicationId);
  if (!round || !application) return null;
  const stored = ownScoresheet(judgeId, roundId, applicationId);
  return { round, application, stored };
}

export interface PaperEntry {
  organiserId: number;
  editionId: number;
  judgeId: number;
  roundId: number;
  applicationId: number;
  form: FormData;
}

/** Saves a paper scoresheet typed by an organiser: the judge's save, the organiser as actor. */
export function enterPaperScores({ organiserId, editionId, judgeId, roundId, applicationId, form }: PaperEntry): SaveOutcome {
  // The sheet must be a judge's.
  if (!isEditionJudge(editionId, judgeId)) return { result: 'notFound' };
  const request = saveRequestSchema.safeParse({
    intent: form.get('save'),
    idempotencyKey: form.get('idempotencyKey'),
    revision: form.get('revision'),
  });
  if (!request.success) return { result: 'invalid', fieldErrors: {}, formError: 'scoring.errors.badRequest' };
  const raw = readScoresheetForm(form, editionCriteria(editionId));
  return saveScoresheet({ judgeId, editionId, roundId, applicationId, request: request.data, raw, enteredBy: organiserId });
}
