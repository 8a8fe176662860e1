/**
 * GET /files/:fileId — an uploaded deck or logo, for the people who may see it (files.server.ts):
 * the founder, organisers, the judges assigned to the application, and everyone for a published
 * finalist's consented logo. Anyone else gets a 404, as if the file did not exist; a visitor who
 * is not logged in is sent to log in first.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/utils/auth.server';
import { fileResponse, fileViewableBy, publicFile } from '~/utils/files.server';

function fileIdOf(param: string | undefined): number {
  if (!param || !/^\d{1,9}$/.test(param)) throw new Response('Not Found', { status: 404 });
  return Number(param);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = fileIdOf(params.fileId);
  const ifNoneMatch = request.headers.get('If-None-Match');
  const open = publicFile(id);
  if (open) return fileResponse(open, { isPublic: true, ifNoneMatch });
  const user = await requireUser(request);
  const file = fileViewableBy(id, user);
  if (!file) throw new Response('Not Found', { status: 404 });
  return fileResponse(file, { isPublic: false, ifNoneMatch });
}
