/**
 * /editions/:year/datapackage.json — the Frictionless Data Package that describes the edition's
 * results.csv and scores.csv (every column's type, unit and meaning, the licence), published
 * next to them; a 404 until the edition's results are published (app/domain/datapackage.ts).
 */
import { createHash } from 'node:crypto';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { dataPackageOf } from '~/domain/datapackage';
import { requireEdition } from '~/utils/editions.server';
import { ifNoneMatch, PUBLIC_CACHE_CONTROL } from '~/utils/public-cache.server';
import { publishedEditionOrNotFound } from '~/utils/public-results.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const edition = publishedEditionOrNotFound(requireEdition(params.year));
  // Small and built from the edition alone: made on each request, validated by its content's hash.
  const body = `${JSON.stringify(dataPackageOf(edition), null, 2)}\n`;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = new Headers({
    'Cache-Control': PUBLIC_CACHE_CONTROL,
    ETag: etag,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag',
  });
  if (ifNoneMatch(request, etag)) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', 'application/json; charset=utf-8');
  headers.set('Content-Disposition', `inline; filename="palmares-${edition.year}-datapackage.json"`);
  return new Response(body, { headers });
}
