/**
 * /startups.json — the showcase as open data (issue 15), under the same licence as the results
 * (Licence Ouverte 2.0): every consenting startup with its editions, stages and awards. Never a
 * comment, a score or anything the founder did not consent to publish.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { LICENCE } from '~/domain/open-data';
import { publicShowcase } from '~/utils/showcase.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = new URL(request.url).origin;
  const document = {
    licence: { ...LICENCE, attribution: 'Palmarès — startups of the competition' },
    startups: publicShowcase().map((entry) => ({
      slug: entry.slug,
      url: `${origin}/startups/${entry.slug}`,
      name: entry.name,
      country: entry.country,
      website: entry.website,
      oneLiner: entry.oneLiner,
      logo: entry.logoFileId ? `${origin}/files/${entry.logoFileId}` : null,
      editions: entry.editions.map((e) => ({
        year: e.year,
        track: e.trackSlug,
        stage: e.stage,
        awards: e.awards.map((a) => ({ kind: a.kind, place: a.place, track: a.trackEn })),
      })),
    })),
  };
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'inline; filename="palmares-startups.json"',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
