/**
 * The scoresheet form around the scales, in jsdom: the save status in words, the automatic save
 * (debounced, one at a time, each with its own key and the revision it is based on), the resend
 * under the same key when a save got no answer, and both versions side by side on a stale revision.
 */
import { createRemixStub } from '@remix-run/testing';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaveStatus } from '~/components/SaveStatus';
import { ScoresheetConflict } from '~/components/ScoresheetConflict';
import { ScoresheetForm, type InitialSheet } from '~/components/ScoresheetForm';
import type { SaveAnswer, ScoresheetCriterion } from '~/domain/scoresheet';
import type { Lang } from '~/i18n';
import { messagesIn } from '~/i18n/messages.server';

const CRITERIA: ScoresheetCriterion[] = [
  { id: 1, nameEn: 'Impact', nameFr: 'Impact', helpEn: 'Public value', helpFr: 'Valeur publique', weight: 3, scaleMin: 1, scaleMax: 10 },
  { id: 2, nameEn: 'Team', nameFr: 'Équipe', helpEn: 'Can they deliver?', helpFr: 'Peuvent-ils livrer ?', weight: 1, scaleMin: 1, scaleMax: 5 },
];
const EMPTY: InitialSheet = {
  content: { values: { 1: null, 2: null }, comments: { 1: '', 2: '' }, overallComment: '', sharedComments: {}, sharedOverallComment: '' },
  revision: 0,
  status: null,
  updatedAt: null,
  submittedAt: null,
};
const PATH = '/judge/2031/rounds/1/7';
const STORAGE_KEY = 'palmares:scoresheet:5:1:7';

function renderIn(lang: Lang, ui: () => JSX.Element, action?: (form: FormData) => SaveAnswer | Promise<SaveAnswer>) {
  const Stub = createRemixStub([
    {
      id: 'root',
      path: '/',
      loader: () => ({ lang, user: null, messages: messagesIn(lang, ['core', 'scoring', 'stage']) }),
      HydrateFallback: () => null,
      children: [
        {
          path: PATH.slice(1),
          Component: ui,
          action: action ? async ({ request }) => action(await request.formData()) : undefined,
        },
      ],
    },
  ]);
  render(<Stub initialEntries={[PATH]} />);
}

function Sheet({ initial = EMPTY }: { initial?: InitialSheet }) {
  return (
    <ScoresheetForm
      action={PATH}
      storageKey={STORAGE_KEY}
      judgeId={5}
      criteria={CRITERIA}
      initial={initial}
      idempotencyKey="00000000-0000-4000-8000-000000000000"
      timeZone="Europe/Paris"
    />
  );
}

/** The save status (the outbox's "N changes waiting" is the other live region of the bar). */
const saveStatus = () => screen.getAllByRole('status').find((el) => el.classList.contains('save-status'))!;

beforeEach(() => window.localStorage.clear());
afterEach(() => window.localStorage.clear());

describe('SaveStatus', () => {
  it('says where the changes are, in words, in a polite live region', async () => {
    renderIn('en', () => (
      <>
        <SaveStatus state={{ kind: 'saving' }} />
        <SaveStatus state={{ kind: 'saved', at: '14:02' }} />
        <SaveStatus state={{ kind: 'retrying' }} />
        <SaveStatus state={{ kind: 'idle' }} lastSavedAt="3 Nov 2031, 09:15" />
      </>
    ));
    const statuses = await screen.findAllByRole('status');
    expect(statuses.map((s) => s.textContent)).toEqual([
      '…Saving…',
      '✓Saved at 14:02',
      '!Not saved — retrying',
      'Last saved 3 Nov 2031, 09:15',
    ]);
    for (const status of statuses) expect(status).toHaveAttribute('aria-live', 'polite');
  });

  it('speaks French on a French page', async () => {
    renderIn('fr', () => <SaveStatus state={{ kind: 'retrying' }} />);
    expect(await screen.findByRole('status')).toHaveTextContent('Non enregistré — nouvel essai en cours');
  });
});

describe('automatic saves', () => {
  it('saves a tap by itself, once, with a new key and the revision it is based on, then says when', async () => {
    const posts: Record<string, string>[] = [];
    let revision = 0;
    renderIn('en', () => <Sheet />, (form) => {
      const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
      posts.push(fields);
      revision += 1;
      return { result: 'saved', key: fields.idempotencyKey, intent: 'save', revision, status: 'draft', savedAt: '2031-11-03T13:02:00.000Z', replayed: false };
    });
    const impact = await screen.findByRole('group', { name: 'Impact' });
    fireEvent.click(within(impact).getByRole('radio', { name: '7' }));
    expect(saveStatus()).toHaveTextContent('Changes not saved yet');
    // The device's outbox (IndexedDB, absent from jsdom) is proven in Chromium: tests/e2e/offline.test.ts.
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved at 14:02'), { timeout: 3000 });
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ intent: 'save', revision: '0', 'score-1': '7', 'score-2': '', attempt: '0' });
    expect(posts[0].idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    fireEvent.click(within(screen.getByRole('group', { name: 'Team' })).getByRole('radio', { name: '4' }));
    await waitFor(() => expect(posts).toHaveLength(2), { timeout: 3000 });
    expect(posts[1]).toMatchObject({ revision: '1', 'score-1': '7', 'score-2': '4' });
    expect(posts[1].idempotencyKey).not.toBe(posts[0].idempotencyKey);
  });

  it('sends a save that got no answer again, under the same key', async () => {
    const posts: Record<string, string>[] = [];
    renderIn('en', () => <Sheet />, (form) => {
      const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
      posts.push(fields);
      if (posts.length === 1) return { result: 'unreachable', key: fields.idempotencyKey };
      return { result: 'saved', key: fields.idempotencyKey, intent: 'save', revision: posts.length - 1, status: 'draft', savedAt: '2031-11-03T13:05:00.000Z', replayed: false };
    });
    fireEvent.click(within(await screen.findByRole('group', { name: 'Impact' })).getByRole('radio', { name: '3' }));
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved at 14:05'), { timeout: 3000 });
    expect(posts).toHaveLength(2);
    expect(posts[1].idempotencyKey).toBe(posts[0].idempotencyKey);
    expect(posts[1]).toMatchObject({ attempt: '1', revision: '0', 'score-1': '3' });
  });

  it('submits with the button at once, taking the changes not saved yet with it', async () => {
    const posts: Record<string, string>[] = [];
    renderIn('en', () => <Sheet />, (form) => {
      const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
      posts.push(fields);
      return { result: 'saved', key: fields.idempotencyKey, intent: 'save', revision: posts.length, status: 'draft', savedAt: '2031-11-03T13:06:00.000Z', replayed: false };
    });
    fireEvent.click(within(await screen.findByRole('group', { name: 'Impact' })).getByRole('radio', { name: '9' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Team' })).getByRole('radio', { name: '5' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit my scores' }));
    await waitFor(() => expect(posts.map((p) => p.intent)).toEqual(['submit']), { timeout: 3000 });
    expect(posts[0]).toMatchObject({ 'score-1': '9', 'score-2': '5', revision: '0' });
  });

  it('shows both versions when the sheet changed elsewhere, and stops saving until the judge chooses', async () => {
    const posts: Record<string, string>[] = [];
    renderIn('en', () => <Sheet />, (form) => {
      const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
      posts.push(fields);
      return {
        result: 'stale',
        key: fields.idempotencyKey,
        intent: 'save',
        mine: { values: { 1: 6, 2: null }, comments: { 1: '', 2: '' }, overallComment: '', sharedComments: {}, sharedOverallComment: '' },
        stored: { status: 'draft', revision: 3, values: { 1: 2, 2: 4 }, comments: { 1: 'from the laptop', 2: '' }, overallComment: '', sharedComments: {}, sharedOverallComment: '' },
        storedAt: '2031-11-03T13:00:00.000Z',
      };
    });
    fireEvent.click(within(await screen.findByRole('group', { name: 'Impact' })).getByRole('radio', { name: '6' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(within(alert).getByRole('heading', { name: 'This scoresheet was changed elsewhere' })).toBeInTheDocument();
    const impactRow = within(alert).getByRole('row', { name: /Impact/ });
    expect(within(impactRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6', '2For the jury only: from the laptop']);
    expect(impactRow).toHaveTextContent('different');
    // Keeping this device's version saves it again on top of revision 3.
    fireEvent.click(within(alert).getByRole('button', { name: 'Keep the version on this device' }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]).toMatchObject({ revision: '3', 'score-1': '6' });
  });
});

describe('ScoresheetConflict without JavaScript', () => {
  it('is a form that posts this device’s version on top of the stored revision, and a link that reloads', async () => {
    renderIn('fr', () => (
      <ScoresheetConflict
        criteria={CRITERIA}
        mine={{ values: { 1: 8, 2: 3 }, comments: { 1: '', 2: 'solide' }, overallComment: 'ok', sharedComments: {}, sharedOverallComment: '' }}
        stored={{ status: 'submitted', revision: 5, values: { 1: 8, 2: 2 }, comments: { 1: '', 2: '' }, overallComment: 'ok', sharedComments: {}, sharedOverallComment: '' }}
        storedAt="14:00"
        intent="save"
        idempotencyKey="11111111-2222-4333-8444-555555555555"
        action={PATH}
      />
    ));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('La version enregistrée est envoyée.');
    const rows = within(alert).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'CritèreSur cet appareilVersion enregistrée',
      'Impact88',
      'Équipedifférent3Pour le jury seulement\u202f: solide2',
      'Commentaire général pour la startuppas de commentairepas de commentaire',
      'Commentaire général pour le jury seulementokok',
    ]);
    const keep = within(alert).getByRole('button', { name: 'Garder la version de cet appareil' });
    const form = keep.closest('form')!;
    expect(form).toHaveAttribute('method', 'post');
    const fields = Object.fromEntries([...new FormData(form, keep).entries()].map(([k, v]) => [k, String(v)]));
    expect(fields).toEqual({
      overallComment: 'ok',
      sharedOverallComment: '',
      'score-1': '8',
      'comment-1': '',
      'shared-comment-1': '',
      'score-2': '3',
      'comment-2': 'solide',
      'shared-comment-2': '',
      revision: '5',
      idempotencyKey: '11111111-2222-4333-8444-555555555555',
      intent: 'save',
    });
    expect(within(alert).getByRole('link', { name: 'Garder la version enregistrée' })).toHaveAttribute('href', PATH);
  });
});
