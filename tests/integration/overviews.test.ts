/** The counts on the home page, the organiser's and the judge's overviews are per edition and per round. */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, schema } from '~/utils/db.server';
import { listEditions } from '~/utils/editions.server';
import { judgeOverview, organiserOverview } from '~/utils/judging.server';
import { addJudge, createEdition, createUser } from '../fixtures/users';

let judgeId = 0;
let roundA = 0;

beforeAll(async () => {
  const db = getDb();
  const a = createEdition(2040, 'judging');
  const b = createEdition(2041, 'open');
  db.insert(schema.tracks).values([
    { editionId: a.id, slug: 't1', nameFr: 'T1', nameEn: 'T1' },
    { editionId: a.id, slug: 't2', nameFr: 'T2', nameEn: 'T2' },
  ]).run();
  const statuses: [number, schema.ApplicationStatus][] = [
    [a.id, 'submitted'],
    [a.id, 'submitted'],
    [a.id, 'finalist'],
    [a.id, 'draft'],
    [a.id, 'withdrawn'],
    [b.id, 'submitted'],
  ];
  const ids: number[] = [];
  for (const [i, [editionId, status]] of statuses.entries()) {
    const founder = await createUser(`overview-founder${i}@example.org`);
    ids.push(
      db.insert(schema.applications)
        .values({ editionId, founderId: founder.id, status, startupName: `S${i}`, updatedAt: new Date() })
        .returning()
        .get().id,
    );
  }
  const judge = await createUser('overview-judge@example.org', 'judge');
  const other = await createUser('overview-judge2@example.org', 'judge');
  judgeId = judge.id;
  addJudge(a.id, judge.id);
  addJudge(a.id, other.id);
  roundA = db.insert(schema.rounds).values({ editionId: a.id, kind: 'screening', nameFr: 'Sélection', nameEn: 'Screening' }).returning().get().id;
  db.insert(schema.rounds).values({ editionId: b.id, kind: 'screening', nameFr: 'Sélection', nameEn: 'Screening' }).run();
  for (const [judgeOf, applicationId] of [[judge.id, ids[0]], [judge.id, ids[1]], [judge.id, ids[2]], [other.id, ids[0]]]) {
    db.insert(schema.assignments).values({ roundId: roundA, judgeId: judgeOf, applicationId }).run();
  }
  const sheet = (judgeOf: number, applicationId: number, status: 'draft' | 'submitted') =>
    db.insert(schema.scoresheets).values({ roundId: roundA, judgeId: judgeOf, applicationId, status, updatedAt: new Date() }).run();
  sheet(judge.id, ids[0], 'submitted');
  sheet(judge.id, ids[1], 'draft');
  sheet(other.id, ids[0], 'submitted');
});

describe('overviews', () => {
  it('home: counts the submitted applications and the tracks of each edition on its own', () => {
    const editions = listEditions();
    expect(editions.find((e) => e.year === 2040)).toMatchObject({ submitted: 3, tracks: 2 });
    expect(editions.find((e) => e.year === 2041)).toMatchObject({ submitted: 1, tracks: 0 });
  });

  it('organiser: applications by status, judges, and each round’s assignments and submitted sheets', () => {
    const a = organiserOverview().find((e) => e.year === 2040)!;
    expect(a.applications).toEqual({ submitted: 2, finalist: 1, draft: 1, withdrawn: 1 });
    expect(a.judges).toBe(2);
    expect(a.rounds).toEqual([expect.objectContaining({ id: roundA, assignments: 4, submitted: 2 })]);
    expect(organiserOverview().find((e) => e.year === 2041)!.rounds[0]).toMatchObject({ assignments: 0, submitted: 0 });
  });

  it('judge: only their own assignments, drafts and submitted sheets', () => {
    const [edition] = judgeOverview(judgeId);
    expect(edition.year).toBe(2040);
    expect(edition.rounds).toEqual([expect.objectContaining({ id: roundA, assigned: 3, submitted: 1, drafts: 1 })]);
  });
});
