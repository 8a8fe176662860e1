/**
 * No page carries a U+0000 byte (issue 13): React 18's streaming renderer used to pad a chunk with
 * 0x00 where a multibyte character did not fit (app/entry.server.tsx `withoutPadding`). Every page
 * route of tests/fixtures/routes.ts, fetched from the built server in French and in English, as
 * the role that sees it, with its parameters taken from the demo seed. No browser.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, schema } from '~/utils/db.server';
import { startSession } from '~/utils/session.server';
import { cookieFrom } from '../fixtures/http';
import { routeEntries } from '../fixtures/routes';
import { seeded, url } from './fixtures';

const LANGUAGES = ['fr', 'en'] as const;

async function cookieOf(email: string): Promise<string> {
  const user = getDb().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).get();
  if (!user) throw new Error(`no account ${email}`);
  return cookieFrom(await startSession(user.id, { ip: '127.0.0.1', userAgent: 'e2e no-nul' }));
}

/** The demo's values for each parameter: the edition in judging (2021) and a published one (2019). */
function demoParams(): { years: number[]; roundId: number; applicationId: number; judgeEmail: string } {
  const db = getDb();
  const edition = db.select({ id: schema.editions.id }).from(schema.editions).where(eq(schema.editions.year, 2021)).get()!;
  const assignment = db
    .select({ roundId: schema.assignments.roundId, applicationId: schema.assignments.applicationId, email: schema.users.email })
    .from(schema.assignments)
    .innerJoin(schema.rounds, eq(schema.rounds.id, schema.assignments.roundId))
    .innerJoin(schema.users, eq(schema.users.id, schema.assignments.judgeId))
    .where(and(eq(schema.rounds.editionId, edition.id)))
    .limit(1)
    .get()!;
  return { years: [2019, 2021], roundId: assignment.roundId, applicationId: assignment.applicationId, judgeEmail: assignment.email };
}

describe('no U+0000 in any page', () => {
  it.skipIf(!seeded())('every page route, both languages, as the role that sees it', { timeout: 60_000 }, async () => {
    const params = demoParams();
    const cookies: Record<string, string> = {
      organise: await cookieOf('organiser@example.org'),
      judge: await cookieOf(params.judgeEmail),
      apply: await cookieOf('founder1@example.org'),
      me: await cookieOf('founder1@example.org'),
      account: await cookieOf('organiser@example.org'),
    };
    const pages = routeEntries().filter((route) => route.file.endsWith('.tsx') && route.path !== '/*');
    const paths = new Set<string>();
    for (const page of pages) {
      for (const year of params.years) {
        paths.add(
          page.path
            .replace(':year', String(year))
            .replace(':roundId', String(params.roundId))
            .replace(':applicationId', String(params.applicationId))
            .replace(':section', 'pitch')
            .replace(':token', 'no-such-invitation'),
        );
      }
    }
    paths.add('/no-such-page');
    const checked: string[] = [];
    const withNul: string[] = [];
    for (const path of paths) {
      const cookie = cookies[path.split('/')[1]] ?? '';
      for (const lang of LANGUAGES) {
        const response = await fetch(url(path), { headers: { Cookie: cookie, 'Accept-Language': lang }, redirect: 'manual' });
        const bytes = Buffer.from(await response.arrayBuffer());
        checked.push(`${lang} ${path} ${response.status}`);
        const nul = bytes.indexOf(0);
        if (nul >= 0) withNul.push(`${lang} ${path} (${response.status}): 0x00 at byte ${nul} of ${bytes.length}`);
      }
    }
    expect(withNul, checked.join('\n')).toEqual([]);
    // The pages the issue found them on were fetched, with their content.
    expect(checked).toContain('fr /organise/2021/applications 200');
    expect(checked).toContain('en /organise/2021/assignments 200');
  });
});
