/**
 * The founder's application through its loaders and actions: drafts saved section by section,
 * bad values refused without losing anything, stale forms refused, submission, changes after
 * submission in the audit log, the deadline to the second, withdrawal, and one founder never
 * reaching another's application.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as frame from '~/routes/apply.$year';
import * as review from '~/routes/apply.$year._index';
import * as sectionRoute from '~/routes/apply.$year.$section';
import * as withdrawRoute from '~/routes/apply.$year.withdraw';
import * as me from '~/routes/me';
import { founderApplication, saveSection, submitApplication, withdrawApplication } from '~/utils/applications.server';
import { getDb, schema } from '~/utils/db.server';
import { completeAnswers, createOpenEdition } from '../fixtures/applications';
import { context, formAnswer, formRequest, getRequest, outcome } from '../fixtures/http';
import { createUser, sessionCookie } from '../fixtures/users';

const YEAR = 2041;
let edition: ReturnType<typeof createOpenEdition>['edition'];
let trackId: number;

beforeAll(() => {
  const created = createOpenEdition(YEAR);
  edition = created.edition;
  trackId = created.tracks[0].id;
});

async function founder(email: string) {
  const user = await createUser(email, 'founder');
  return { ...user, cookie: await sessionCookie(user.id) };
}

function postSection(cookie: string, section: string, fields: Record<string, string>, year = YEAR) {
  return outcome(() =>
    sectionRoute.action({
      request: formRequest(`/apply/${year}/${section}`, fields, { cookie }),
      params: { year: String(year), section },
      context: context(),
    }),
  );
}

function loadFrame(cookie: string, year = YEAR) {
  return outcome(() => frame.loader({ request: getRequest(`/apply/${year}`, { cookie }), params: { year: String(year) }, context: context() }));
}

function auditOf(applicationId: number) {
  return getDb()
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.entityType, 'application'), eq(schema.auditEvents.entityId, String(applicationId))))
    .all();
}

/** Attaches a deck row directly (the upload itself is tested in uploads.test.ts). */
function giveDeck(applicationId: number, founderId: number) {
  const file = getDb()
    .insert(schema.files)
    .values({ kind: 'deck', sha256: 'a'.repeat(64), mimeType: 'application/pdf', sizeBytes: 10, originalName: 'deck.pdf', uploadedBy: founderId })
    .returning()
    .get();
  getDb().update(schema.applications).set({ deckFileId: file.id }).where(eq(schema.applications.id, applicationId)).run();
}

describe('drafts, section by section', () => {
  it('the first save creates the application; each section saves alone and goes to the next', async () => {
    const amelie = await founder('amelie@example.org');
    const first = await postSection(amelie.cookie, 'startup', { revision: '0', then: 'next', startupName: 'Ça Démocratie', country: '', website: '', trackId: '' });
    expect(first.status).toBe(302);
    expect(first.headers.get('Location')).toBe(`/apply/${YEAR}/pitch?saved=startup`);

    const row = founderApplication(edition.id, amelie.id)!;
    expect(row).toMatchObject({ status: 'draft', startupName: 'Ça Démocratie', country: null, revision: 1 });

    // Another sitting: the pitch, then back to the review.
    const second = await postSection(amelie.cookie, 'pitch', { revision: '1', then: 'overview', oneLiner: 'Budgets lisibles', problem: '', solution: '', videoUrl: '' });
    expect(second.headers.get('Location')).toBe(`/apply/${YEAR}?saved=pitch`);

    const page = await loadFrame(amelie.cookie);
    expect(page.status).toBe(200);
    expect(page.data.application).toMatchObject({ startupName: 'Ça Démocratie', oneLiner: 'Budgets lisibles', revision: 2 });
    expect(page.data.sections).toMatchObject({ startup: 'inProgress', pitch: 'inProgress', impact: 'notStarted', files: 'notStarted' });
    // Drafts are not audited: nothing was submitted yet.
    expect(auditOf(row.id)).toEqual([]);
  });

  it('refuses a bad value next to its field, keeps what was typed, and loses nothing saved', async () => {
    const bruno = await founder('bruno@example.org');
    await postSection(bruno.cookie, 'startup', { revision: '0', startupName: 'Civix', country: 'FR', website: '', trackId: String(trackId) });
    const typed = { revision: '1', startupName: 'Civix 2', country: 'ZZ', website: 'not a web address', trackId: String(trackId) };
    const result = await postSection(bruno.cookie, 'startup', typed);
    expect(result.status).toBe(400);
    expect(formAnswer(result.data).fieldErrors).toEqual({ country: 'apply.errors.country.invalid', website: 'apply.errors.url' });
    expect(formAnswer(result.data).values).toMatchObject({ startupName: 'Civix 2', country: 'ZZ', website: 'not a web address' });
    expect(founderApplication(edition.id, bruno.id)).toMatchObject({ startupName: 'Civix', country: 'FR', revision: 1 });
  });

  it("answers a form-library validation round trip without saving anything", async () => {
    const carla = await founder('carla@example.org');
    await postSection(carla.cookie, 'startup', { revision: '0', startupName: 'Civix', country: 'FR', website: '', trackId: String(trackId) });
    const validate = JSON.stringify({ type: 'validate', payload: { name: 'website' } });
    const result = await postSection(carla.cookie, 'startup', {
      revision: '1', startupName: 'Renamed', country: 'FR', website: 'civix.example', trackId: String(trackId), __intent__: validate,
    });
    expect(result.status).toBe(400);
    expect(founderApplication(edition.id, carla.id)).toMatchObject({ startupName: 'Civix', revision: 1 });
  });

  it('refuses a stale form with the saved values beside what was typed, then lets the founder choose', async () => {
    const chloe = await founder('chloe@example.org');
    await postSection(chloe.cookie, 'team', { revision: '0', team: 'Chloé and Idriss' });
    // Tab A and tab B both opened the team section at revision 1; tab B saves first.
    await postSection(chloe.cookie, 'team', { revision: '1', team: 'Chloé, Idriss and Zoé' });
    const stale = await postSection(chloe.cookie, 'team', { revision: '1', team: 'Chloé alone' });
    expect(stale.status).toBe(409);
    expect(formAnswer(stale.data).formError?.key).toBe('apply.stale.message');
    expect(formAnswer(stale.data).values.team).toBe('Chloé alone');
    expect(stale.data.saved).toEqual({ team: 'Chloé, Idriss and Zoé' });
    expect(stale.data.revision).toBe(2);
    expect(founderApplication(edition.id, chloe.id)!.team).toBe('Chloé, Idriss and Zoé');
    // Saving again from the refreshed form (revision 2) is a deliberate choice, and goes through.
    const again = await postSection(chloe.cookie, 'team', { revision: String(stale.data.revision), team: 'Chloé alone' });
    expect(again.status).toBe(302);
    expect(founderApplication(edition.id, chloe.id)!.team).toBe('Chloé alone');
  });

  it('a second "first save" from another tab is stale too, not a second application', async () => {
    const dan = await founder('dan@example.org');
    await postSection(dan.cookie, 'impact', { revision: '0', impact: 'Tab one' });
    const other = await postSection(dan.cookie, 'impact', { revision: '0', impact: 'Tab two' });
    expect(other.status).toBe(409);
    expect(getDb().select().from(schema.applications).where(eq(schema.applications.founderId, dan.id)).all()).toHaveLength(1);
  });

  it('an unknown section is a 404', async () => {
    const eva = await founder('eva@example.org');
    const result = await outcome(() =>
      sectionRoute.loader({ request: getRequest(`/apply/${YEAR}/secrets`, { cookie: eva.cookie }), params: { year: String(YEAR), section: 'secrets' }, context: context() }),
    );
    expect(result.status).toBe(404);
  });
});

describe('submission', () => {
  it('validates every section, listing what is missing, and submits nothing until complete', async () => {
    const fatou = await founder('fatou@example.org');
    const answers = completeAnswers(trackId);
    await postSection(fatou.cookie, 'startup', { revision: '0', ...answers.startup });
    const refused = await outcome(() =>
      review.action({ request: formRequest(`/apply/${YEAR}`, { intent: 'submit', revision: '1' }, { cookie: fatou.cookie }), params: { year: String(YEAR) }, context: context() }),
    );
    expect(refused.status).toBe(400);
    expect(refused.data.formError).toBe('apply.submit.incomplete');
    expect(refused.data.problems.map((p: { section: string }) => p.section)).toEqual(['pitch', 'impact', 'business', 'team', 'files']);
    expect(founderApplication(edition.id, fatou.id)!.status).toBe('draft');
  });

  it('submits a complete application, then audits every change with the changed fields only', async () => {
    const gaspard = await founder('gaspard@example.org');
    const answers = completeAnswers(trackId);
    let revision = 0;
    for (const [section, fields] of Object.entries(answers)) {
      const saved = await postSection(gaspard.cookie, section, { revision: String(revision), ...fields });
      expect(saved.status).toBe(302);
      revision += 1;
    }
    const application = founderApplication(edition.id, gaspard.id)!;
    giveDeck(application.id, gaspard.id);

    const submitted = await outcome(() =>
      review.action({
        request: formRequest(`/apply/${YEAR}`, { intent: 'submit', revision: String(revision) }, { cookie: gaspard.cookie }),
        params: { year: String(YEAR) },
        context: context(),
      }),
    );
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get('Location')).toBe(`/apply/${YEAR}?submitted=1`);
    const after = founderApplication(edition.id, gaspard.id)!;
    expect(after.status).toBe('submitted');
    expect(after.submittedAt).toBeInstanceOf(Date);
    expect(auditOf(application.id)).toMatchObject([
      { action: 'application.status', actorId: gaspard.id, before: { status: 'draft' }, after: { status: 'submitted' } },
    ]);
    // The receipt is queued in the same transaction, with a summary of what was sent (decision 028).
    const receipt = getDb().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, 'gaspard@example.org')).get()!;
    expect(receipt).toMatchObject({ template: 'application.received', status: 'queued', editionId: edition.id, subject: `Application received: ${answers.startup.startupName} — GovTech Summit ${YEAR}` });
    expect(JSON.stringify(receipt.params)).toContain(answers.pitch.oneLiner);

    // Still editable until the deadline; the change is audited, with before/after of that field only.
    const edit = await postSection(gaspard.cookie, 'business', { revision: String(after.revision), businessModel: answers.business.businessModel, traction: '15 collectivités clientes' });
    expect(edit.status).toBe(302);
    const events = auditOf(application.id);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      action: 'application.update',
      editionId: edition.id,
      actorId: gaspard.id,
      before: { traction: answers.business.traction },
      after: { traction: '15 collectivités clientes' },
    });

    // Once submitted, a required field cannot be emptied.
    const emptied = await postSection(gaspard.cookie, 'team', { revision: String(after.revision + 1), team: '' });
    expect(emptied.status).toBe(400);
    expect(formAnswer(emptied.data).fieldErrors).toEqual({ team: 'apply.errors.team.required' });
    // An unchanged save writes nothing and audits nothing.
    const unchanged = await postSection(gaspard.cookie, 'team', { revision: String(after.revision + 1), team: answers.team.team });
    expect(unchanged.status).toBe(302);
    expect(auditOf(application.id)).toHaveLength(2);
    expect(founderApplication(edition.id, gaspard.id)!.revision).toBe(after.revision + 1);
  });
});

describe('the deadline, to the second', () => {
  it('accepts a save at the close time and refuses it one second later, on the server', async () => {
    const hugo = await createUser('hugo@example.org', 'founder');
    const closeAt = edition.applicationsCloseAt.getTime();
    const save = (now: Date, revision: number, team: string) =>
      saveSection({ founderId: hugo.id, edition, section: 'team', raw: { team }, revision, now });
    expect(save(new Date(closeAt - 1000), 0, 'One second before')).toMatchObject({ ok: true, revision: 1 });
    expect(save(new Date(closeAt), 1, 'At the close time')).toMatchObject({ ok: true, revision: 2 });
    expect(save(new Date(closeAt + 1000), 2, 'One second after')).toEqual({ ok: false, reason: 'closed' });
    expect(founderApplication(edition.id, hugo.id)!.team).toBe('At the close time');
    expect(submitApplication({ founderId: hugo.id, edition, revision: 2, now: new Date(closeAt + 1000) })).toEqual({ ok: false, reason: 'closed' });
  });

  it('a closed edition shows the application read-only, and its actions refuse with 403', async () => {
    const { edition: past } = createOpenEdition(2039, { now: new Date(Date.now() - 30 * 24 * 3600_000), closeInDays: 5 });
    const ines = await founder('ines@example.org');
    getDb().insert(schema.applications).values({ editionId: past.id, founderId: ines.id, startupName: 'Late', updatedAt: new Date(), revision: 1 }).run();
    const page = await loadFrame(ines.cookie, 2039);
    expect(page.data).toMatchObject({ window: 'closed', editable: false, canSubmit: false });
    const refused = await postSection(ines.cookie, 'startup', { revision: '1', startupName: 'Too late', country: 'FR', website: '', trackId: '' }, 2039);
    expect(refused.status).toBe(403);
    expect(formAnswer(refused.data).formError?.key).toBe('apply.errors.closed');
    expect(formAnswer(refused.data).values.startupName).toBe('Too late');
  });
});

describe('withdrawal', () => {
  it('asks for confirmation on its own page, then withdraws, audited with the reason', async () => {
    const jade = await founder('jade@example.org');
    await postSection(jade.cookie, 'startup', { revision: '0', startupName: 'Jade Labs', country: 'FR', website: '', trackId: String(trackId) });
    const confirm = await outcome(() =>
      withdrawRoute.loader({ request: getRequest(`/apply/${YEAR}/withdraw`, { cookie: jade.cookie }), params: { year: String(YEAR) }, context: context() }),
    );
    expect(confirm.status).toBe(200);
    const done = await outcome(() =>
      withdrawRoute.action({
        request: formRequest(`/apply/${YEAR}/withdraw`, { reason: 'We joined an accelerator' }, { cookie: jade.cookie }),
        params: { year: String(YEAR) },
        context: context(),
      }),
    );
    expect(done.status).toBe(302);
    const row = founderApplication(edition.id, jade.id)!;
    expect(row).toMatchObject({ status: 'withdrawn' });
    expect(row.withdrawnAt).toBeInstanceOf(Date);
    expect(auditOf(row.id)).toMatchObject([
      { action: 'application.status', before: { status: 'draft' }, after: { status: 'withdrawn' }, reason: 'We joined an accelerator' },
    ]);
    // Withdrawn is final: read-only, and a second withdrawal is refused.
    expect((await loadFrame(jade.cookie)).data).toMatchObject({ editable: false, canWithdraw: false });
    expect(withdrawApplication({ founderId: jade.id, edition })).toEqual({ ok: false, reason: 'notWithdrawable' });
    const again = await outcome(() =>
      withdrawRoute.loader({ request: getRequest(`/apply/${YEAR}/withdraw`, { cookie: jade.cookie }), params: { year: String(YEAR) }, context: context() }),
    );
    expect(again.status).toBe(302);
  });
});

describe('one founder, one application', () => {
  it("founder B never sees nor changes founder A's application", async () => {
    const a = await founder('karim-a@example.org');
    const b = await founder('lea-b@example.org');
    await postSection(a.cookie, 'startup', { revision: '0', startupName: 'A Corp', country: 'FR', website: '', trackId: '' });
    const bPage = await loadFrame(b.cookie);
    expect(bPage.data.application).toBeNull();
    // B posting with A's revision creates B's own application; A's is untouched.
    await postSection(b.cookie, 'startup', { revision: '0', startupName: 'B Corp', country: '', website: '', trackId: '' });
    expect(founderApplication(edition.id, a.id)!.startupName).toBe('A Corp');
    expect(founderApplication(edition.id, b.id)!.startupName).toBe('B Corp');
  });
});

describe('/me', () => {
  it('links each application and offers the open edition to those who have not applied', async () => {
    const mia = await founder('mia@example.org');
    const before = await outcome(() => me.loader({ request: getRequest('/me', { cookie: mia.cookie }), params: {}, context: context() }));
    expect(before.data.openEditions.map((e: { year: number }) => e.year)).toContain(YEAR);
    await postSection(mia.cookie, 'startup', { revision: '0', startupName: 'Mia', country: '', website: '', trackId: '' });
    const after = await outcome(() => me.loader({ request: getRequest('/me', { cookie: mia.cookie }), params: {}, context: context() }));
    expect(after.data.openEditions.map((e: { year: number }) => e.year)).not.toContain(YEAR);
    expect(after.data.applications).toMatchObject([{ year: YEAR, status: 'draft', window: 'open', editable: true }]);
  });
});
