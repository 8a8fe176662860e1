/**
 * GET /judge/:year/stage-target — where this judge's tablet should go now that scoring is open on
 * stage, decided by the server: the final round's scoresheet of the startup on stage, or
 * "conflicted" (never the sheet) for a judge with a conflict of interest, or "notAssigned", or
 * "idle" when scoring is closed. Read by StageFollower on the judge's pages.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireJudgeOf } from '~/utils/auth.server';
import { parseYear, requireEdition } from '~/utils/editions.server';
import { stageTargetFor } from '~/utils/stage.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const judge = await requireJudgeOf(request, parseYear(params.year));
  const edition = requireEdition(params.year);
  return Response.json(stageTargetFor(judge.id, edition), { headers: { 'Cache-Control': 'no-store' } });
}
