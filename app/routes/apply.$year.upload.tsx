/**
 * POST /apply/:year/upload — the same upload as the files page's form, answered in JSON for the
 * enhanced form (XMLHttpRequest, for its progress events). Guarded like every founder route.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { uploadApplicationFile } from '~/utils/application-files.server';
import { requireFounder } from '~/utils/auth.server';
import { requirePublicEdition } from '~/utils/editions.server';

/** Only POST has a meaning here. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireFounder(request);
  throw new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFounder(request);
  const edition = requirePublicEdition(params.year);
  const outcome = await uploadApplicationFile({ request, founderId: user.id, edition });
  const headers = { 'Cache-Control': 'no-store' };
  if (outcome.ok) return Response.json({ ok: true, kind: outcome.kind, file: outcome.file }, { headers });
  return Response.json(
    { ok: false, kind: outcome.kind, error: outcome.error, params: outcome.params ?? {} },
    { status: outcome.status, headers },
  );
}
