/**
 * /organise/:year/audit: newest first, filtered by entity type, action and actor, paginated by
 * id, only the edition's own events. The log itself cannot be changed (triggers).
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader } from '~/routes/organise.$year.audit';
import { loader as csvLoader } from '~/routes/organise.$year.audit[.csv]';
import { BASE, context } from '../fixtures/http';
import { recordAudit } from '~/utils/audit.server';
import { getDb, schema } from '~/utils/db.server';
import { judgingEdition, load, type JudgingEdition } from '../fixtures/judging';

let e: JudgingEdition;
let other: JudgingEdition;

beforeAll(async () => {
  e = await judgingEdition(2091, { applications: 1, judges: 1 });
  other = await judgingEdition(2092, { applications: 0, judges: 0 });
  const db = getDb();
  for (let i = 0; i < 30; i++) {
    recordAudit(db, {
      editionId: e.edition.id,
      actorId: i % 3 === 0 ? e.judges[0].id : e.organiser.id,
      action: i % 2 === 0 ? 'criterion.update' : 'round.lock',
      entityType: i % 2 === 0 ? 'criterion' : 'round',
      entityId: i,
      before: { weight: i },
      after: { weight: i + 1 },
      at: new Date(Date.UTC(2091, 0, 1, 0, i)),
    });
  }
  recordAudit(db, { editionId: other.edition.id, actorId: other.organiser.id, action: 'track.create', entityType: 'track', entityId: 1, after: { nameEn: 'Elsewhere' } });
});

const page = (query = '') => load(loader, `/organise/${e.year}/audit${query}`, { year: String(e.year) }, e.organiser.cookie);

describe('the audit log page', () => {
  it('lists only this edition’s events, newest first, 25 per page, with a link to older ones', async () => {
    const first = await page();
    expect(first.status).toBe(200);
    expect(first.data.events).toHaveLength(25);
    expect(first.data.events.map((ev: { entityId: string }) => Number(ev.entityId))).toEqual(Array.from({ length: 25 }, (_, i) => 29 - i));
    expect(first.data.events.every((ev: { action: string }) => ev.action !== 'track.create')).toBe(true);
    expect(first.data.events[0]).toMatchObject({ before: { weight: 29 }, after: { weight: 30 } });
    expect(first.data.olderThan).toBe(first.data.events[24].id);
    expect(first.data.options).toMatchObject({ total: 30, entityTypes: ['criterion', 'round'], actions: ['criterion.update', 'round.lock'] });
    expect(first.data.options.actors.map((a: { id: number }) => a.id).sort()).toEqual([e.organiser.id, e.judges[0].id].sort());

    const second = await page(`?before=${first.data.olderThan}`);
    expect(second.data.events.map((ev: { entityId: string }) => Number(ev.entityId))).toEqual([4, 3, 2, 1, 0]);
    expect(second.data.olderThan).toBeNull();
    expect(second.data.paged).toBe(true);
  });

  it('filters by entity type, action and actor, together', async () => {
    const rounds = await page('?type=round');
    expect(rounds.data.events.every((ev: { entityType: string }) => ev.entityType === 'round')).toBe(true);
    expect(rounds.data.events).toHaveLength(15);
    const locksByJudge = await page(`?action=round.lock&actor=${e.judges[0].id}`);
    expect(locksByJudge.data.events.map((ev: { entityId: string }) => Number(ev.entityId))).toEqual([27, 21, 15, 9, 3]);
    expect(locksByJudge.data.events.every((ev: { actorName: string }) => ev.actorName === 'Judge 1 2091')).toBe(true);
    const nothing = await page('?type=criterion&action=round.lock');
    expect(nothing.data.events).toEqual([]);
    const garbage = await page('?actor=abc&before=xyz');
    expect(garbage.status).toBe(200);
    expect(garbage.data.events).toHaveLength(25);
  });

  it('names the judges, startups and rounds an event mentions', async () => {
    recordAudit(getDb(), {
      editionId: e.edition.id,
      actorId: e.organiser.id,
      action: 'assignment.add',
      entityType: 'assignment',
      entityId: 999,
      after: { roundId: e.screening.id, judgeId: e.judges[0].id, applicationId: e.applications[0].id },
    });
    const result = await page('?action=assignment.add');
    expect(result.data.names).toEqual({
      users: { [e.judges[0].id]: 'Judge 1 2091' },
      applications: { [e.applications[0].id]: 'Civix' },
      rounds: { [e.screening.id]: 'Screening' },
      tracks: {},
    });
  });

  it('exports the log as CSV with the raw values: action codes, ISO times, the stored JSON', async () => {
    const response = (await csvLoader({
      request: new Request(`${BASE}/organise/${e.year}/audit.csv?action=assignment.add`, { headers: { Cookie: e.organiser.cookie } }),
      params: { year: String(e.year) },
      context: context(),
    })) as Response;
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const [header, row] = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Event,"Time (UTC, ISO 8601)",Actor id,Actor,Action (code),Action,Entity type,Entity id,Reason,Before (JSON),After (JSON)');
    expect(row).toContain(',assignment.add,Assignment added,assignment,999,,');
    expect(row).toMatch(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/);
    expect(row).toContain(`""judgeId"":${e.judges[0].id}`);
  });

  it('is append-only: the database refuses to change or delete an event', () => {
    const db = getDb();
    const [event] = db.select().from(schema.auditEvents).where(eq(schema.auditEvents.editionId, e.edition.id)).limit(1).all();
    expect(() => db.update(schema.auditEvents).set({ reason: 'rewritten' }).where(eq(schema.auditEvents.id, event.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(schema.auditEvents).where(eq(schema.auditEvents.id, event.id)).run()).toThrow(/append-only/);
    expect(db.select({ n: sql<number>`count(*)` }).from(schema.auditEvents).where(eq(schema.auditEvents.editionId, e.edition.id)).get()!.n).toBe(31);
  });
});
