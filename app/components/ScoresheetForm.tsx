/**
 * The judge's scoresheet form: one segmented scale and one comment per criterion, an overall
 * comment, "Save draft" and "Submit my scores".
 *
 * Without JavaScript it is a plain form: every button posts the whole sheet with the key and the
 * revision the server wrote into it.
 *
 * With JavaScript it saves by itself (debounced) through one fetcher, one save at a time:
 * - each save carries a new idempotency key and the revision it is based on; the answer gives the
 *   next revision, so saves chain without ever overwriting each other;
 * - if the server cannot be reached, the *same* save (same key) is sent again with a growing delay,
 *   so a save that did arrive but whose answer was lost is not applied twice; changes typed
 *   meanwhile wait for it, then go in the next save;
 * - every change is also kept in this device's storage until the server has it, so a closed tab, a
 *   crashed browser or a dropped connection loses nothing: the next visit restores it (or, if the
 *   sheet changed elsewhere since, shows both versions);
 * - a refused save (stale revision, locked round, invalid value) stops the automatic saves and
 *   says why; nothing already saved is touched.
 */
import { useFetcher } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  COMMENT_MAX_LENGTH,
  commentField,
  countScored,
  OVERALL_COMMENT_FIELD,
  OVERALL_COMMENT_MAX_LENGTH,
  sameContent,
  scoreField,
  scoresheetFormFields,
  type SaveAnswer,
  type SaveIntent,
  type ScoresheetStatus,
  type ScoresheetContent,
  type ScoresheetSnapshot,
} from '~/domain/scoresheet';
import { formatDate, useT, type MessageKey, type Params, type T } from '~/i18n';
import { ariaOf, FieldShell, ProblemSummary } from './field-shell';
import { SaveStatus, type SaveState } from './SaveStatus';
import { Scale } from './Scale';
import { ScoresheetConflict } from './ScoresheetConflict';

export interface ScoresheetCriterion {
  id: number;
  nameFr: string;
  nameEn: string;
  helpFr: string;
  helpEn: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface InitialSheet {
  content: ScoresheetContent;
  revision: number;
  status: ScoresheetStatus | null;
  updatedAt: string | null;
  submittedAt: string | null;
}

export interface ScoresheetFormProps {
  /** The page's address: where the form posts. */
  action: string;
  /** Scopes this device's unsent changes to one judge's sheet. */
  storageKey: string;
  criteria: ScoresheetCriterion[];
  initial: InitialSheet;
  /** Written by the server for a save without JavaScript; with it, each save makes its own. */
  idempotencyKey: string;
  timeZone: string;
  /** The answer to a post without JavaScript (useActionData). */
  answer?: SaveAnswer | null;
  /** Called when the server says the round is locked, so the page can turn read-only. */
  onLocked?: () => void;
}

/** Pause after the last change before saving by itself. */
export const AUTOSAVE_DELAY_MS = 800;

// ─── When the server does not answer ─────────────────────────────────────────

/** Told by the page's clientAction while a save waits for the server: the form says "retrying". */
export const SAVE_RETRYING_EVENT = 'palmares:scoresheet-retrying';
/** The form field that counts the attempts of one save (the server ignores it). */
export const ATTEMPT_FIELD = 'attempt';
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Called by the clientAction when a save got no answer: announces "retrying", waits (longer at
 * each attempt, shorter if the device says it is back online), then until the server answers a
 * health check. Only then does the save come back to the form, which sends it again with the same
 * key. Waiting here rather than answering at once matters: the router reloads the page's data
 * after every answer, and doing that offline would replace the sheet with an error page.
 */
export async function waitForServer(key: string, attempt: number, signal: AbortSignal): Promise<void> {
  window.dispatchEvent(new CustomEvent(SAVE_RETRYING_EVENT, { detail: { key } }));
  for (let i = attempt; !signal.aborted; i++) {
    const online = new Promise<void>((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
    await Promise.race([sleep(RETRY_DELAYS_MS[Math.min(i, RETRY_DELAYS_MS.length - 1)], signal), online]);
    try {
      const health = await fetch('/healthz', { cache: 'no-store', signal });
      if (health.ok) return;
    } catch {
      // Still unreachable: wait longer.
    }
  }
}

interface Payload {
  key: string;
  intent: SaveIntent;
  revision: number;
  content: ScoresheetContent;
  /** How many times it was sent without an answer. */
  attempt: number;
}

interface Conflict {
  mine: ScoresheetContent;
  stored: ScoresheetSnapshot;
  storedAt: string | null;
  intent: SaveIntent;
}

/** A new idempotency key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ─── This device's copy of unsent changes ────────────────────────────────────

interface Backup {
  revision: number;
  content: ScoresheetContent;
}

function readBackup(key: string): Backup | null {
  try {
    const text = window.localStorage.getItem(key);
    if (!text) return null;
    const parsed = JSON.parse(text) as Backup;
    return typeof parsed?.revision === 'number' && parsed.content ? parsed : null;
  } catch {
    return null;
  }
}

function writeBackup(key: string, backup: Backup): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the automatic saves still run; only the safety copy is missing.
  }
}

function removeBackup(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // as above
  }
}

// ─── The form ────────────────────────────────────────────────────────────────

/** The numbers a field's message mentions (the scale's ends, the comment's length). */
function errorParams(criteria: ScoresheetCriterion[], field: string): Params {
  const criterion = criteria.find((c) => scoreField(c.id) === field);
  return {
    min: criterion?.scaleMin ?? '',
    max: criterion?.scaleMax ?? '',
    maxLength: field === OVERALL_COMMENT_FIELD ? OVERALL_COMMENT_MAX_LENGTH : COMMENT_MAX_LENGTH,
  };
}

function translatedErrors(t: T, criteria: ScoresheetCriterion[], errors: Record<string, MessageKey>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key, errorParams(criteria, field))]));
}

export function ScoresheetForm({
  action,
  storageKey,
  criteria,
  initial,
  idempotencyKey,
  timeZone,
  answer,
  onLocked,
}: ScoresheetFormProps) {
  const { t, lang } = useT();
  const fetcher = useFetcher<SaveAnswer>();
  const submit = fetcher.submit;
  const time = useCallback(
    (iso: string) => formatDate(lang, iso, { hour: '2-digit', minute: '2-digit' }, timeZone),
    [lang, timeZone],
  );
  const dateTime = (iso: string) => formatDate(lang, iso, { dateStyle: 'medium', timeStyle: 'short' }, timeZone);

  const [content, setContent] = useState<ScoresheetContent>(() =>
    answer?.result === 'invalid' ? answer.typed : initial.content,
  );
  const [revision, setRevision] = useState(initial.revision);
  const [status, setStatus] = useState<ScoresheetStatus | null>(initial.status);
  const [saveState, setSaveState] = useState<SaveState>(() =>
    answer?.result === 'saved'
      ? { kind: 'saved', at: time(answer.savedAt) }
      : answer && answer.result !== 'unreachable'
        ? { kind: 'refused' }
        : { kind: 'idle' },
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, MessageKey>>(
    answer?.result === 'invalid' ? answer.fieldErrors : {},
  );
  const [formError, setFormError] = useState<MessageKey | null>(answer?.result === 'invalid' ? answer.formError : null);
  const [conflict, setConflict] = useState<Conflict | null>(
    answer?.result === 'stale' ? { mine: answer.mine, stored: answer.stored, storedAt: answer.storedAt, intent: answer.intent } : null,
  );
  const [restored, setRestored] = useState(false);

  // The save queue lives in refs: timers and answers must see the latest values, not a render's.
  const contentRef = useRef(content);
  const revisionRef = useRef(initial.revision);
  const queue = useRef({
    inFlight: null as Payload | null,
    dirty: false,
    submitAfter: false,
    stopped: answer?.result === 'stale' || answer?.result === 'locked',
    debounce: undefined as ReturnType<typeof setTimeout> | undefined,
  });

  const persist = useCallback(() => {
    writeBackup(storageKey, { revision: revisionRef.current, content: contentRef.current });
  }, [storageKey]);

  const send = useCallback(
    (payload: Payload) => {
      const q = queue.current;
      q.inFlight = payload;
      if (payload.attempt === 0) setSaveState({ kind: 'saving' });
      const form = new FormData();
      for (const [name, value] of Object.entries(scoresheetFormFields(criteria, payload.content))) form.set(name, value);
      form.set('intent', payload.intent);
      form.set('idempotencyKey', payload.key);
      form.set('revision', String(payload.revision));
      form.set(ATTEMPT_FIELD, String(payload.attempt));
      submit(form, { method: 'post', action });
    },
    [action, criteria, submit],
  );

  const flush = useCallback(
    (intent: SaveIntent) => {
      const q = queue.current;
      clearTimeout(q.debounce);
      if (q.stopped) return;
      if (q.inFlight) {
        // One save at a time: this one goes when the current one is answered.
        if (intent === 'submit') q.submitAfter = true;
        return;
      }
      if (intent === 'save' && !q.dirty) return;
      q.dirty = false;
      q.submitAfter = false;
      send({ key: newIdempotencyKey(), intent, revision: revisionRef.current, content: contentRef.current, attempt: 0 });
    },
    [send],
  );

  const change = (next: ScoresheetContent) => {
    contentRef.current = next;
    setContent(next);
    const q = queue.current;
    q.dirty = true;
    persist();
    if (q.stopped) return;
    if (!q.inFlight) setSaveState({ kind: 'pending' });
    clearTimeout(q.debounce);
    q.debounce = setTimeout(() => flush('save'), AUTOSAVE_DELAY_MS);
  };

  // Answers, one per save sent.
  useEffect(() => {
    const q = queue.current;
    const data = fetcher.data;
    const payload = q.inFlight;
    if (fetcher.state !== 'idle' || !data || !payload || data.key !== payload.key) return;
    q.inFlight = null;
    switch (data.result) {
      case 'saved': {
        revisionRef.current = data.revision;
        setRevision(data.revision);
        setStatus(data.status);
        setFieldErrors({});
        setFormError(null);
        setSaveState({ kind: 'saved', at: time(data.savedAt) });
        if (!q.dirty && !q.submitAfter) {
          removeBackup(storageKey);
          return;
        }
        // Changes typed while this save travelled: keep them on the device, on top of the new revision, and send them.
        persist();
        flush(q.submitAfter ? 'submit' : 'save');
        return;
      }
      case 'unreachable':
        // Not answered, and the server is reachable again: the same save, same key. If the first
        // one did arrive, the server recognises the key and answers as it did then.
        send({ ...payload, attempt: payload.attempt + 1 });
        return;
      case 'invalid':
        q.dirty = true;
        q.submitAfter = false;
        setFieldErrors(data.fieldErrors);
        setFormError(data.formError);
        setSaveState({ kind: 'refused' });
        return;
      case 'stale':
        q.stopped = true;
        q.submitAfter = false;
        setConflict({ mine: contentRef.current, stored: data.stored, storedAt: data.storedAt, intent: data.intent });
        setSaveState({ kind: 'refused' });
        return;
      case 'locked':
        q.stopped = true;
        setSaveState({ kind: 'refused' });
        onLocked?.();
        return;
    }
  }, [fetcher.state, fetcher.data, flush, persist, send, storageKey, time, onLocked]);

  // The clientAction says the save is waiting for the server.
  useEffect(() => {
    const retrying = (event: Event) => {
      const { key } = (event as CustomEvent<{ key: string }>).detail;
      if (queue.current.inFlight?.key === key) setSaveState({ kind: 'retrying' });
    };
    window.addEventListener(SAVE_RETRYING_EVENT, retrying);
    return () => window.removeEventListener(SAVE_RETRYING_EVENT, retrying);
  }, []);

  // Changes this device kept but the server never got (a closed tab, a dropped connection).
  useEffect(() => {
    const backup = readBackup(storageKey);
    if (!backup) return;
    if (sameContent(criteria, backup.content, initial.content)) {
      removeBackup(storageKey);
    } else if (backup.revision === initial.revision && !queue.current.stopped) {
      setRestored(true);
      change(backup.content);
    } else if (!queue.current.stopped) {
      queue.current.stopped = true;
      contentRef.current = backup.content;
      setContent(backup.content);
      setConflict({
        mine: backup.content,
        stored: { ...initial.content, status: initial.status ?? 'draft', revision: initial.revision },
        storedAt: initial.updatedAt,
        intent: 'save',
      });
    }
    // Once, on arrival: later renders must not restore over what the judge is typing.
  }, []);

  // Leaving with changes the server does not have yet: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      const q = queue.current;
      if (q.inFlight || q.dirty) {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  useEffect(() => {
    const q = queue.current;
    return () => clearTimeout(q.debounce);
  }, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent: SaveIntent = submitter?.value === 'submit' ? 'submit' : 'save';
    if (intent === 'save') queue.current.dirty = true;
    flush(intent);
  };

  const keepMine = () => {
    if (!conflict) return;
    const q = queue.current;
    revisionRef.current = conflict.stored.revision;
    setRevision(conflict.stored.revision);
    setStatus(conflict.stored.status);
    contentRef.current = conflict.mine;
    setContent(conflict.mine);
    setConflict(null);
    q.stopped = false;
    q.dirty = true;
    persist();
    flush(conflict.intent === 'submit' || conflict.stored.status === 'submitted' ? conflict.intent : 'save');
  };

  const keepStored = () => {
    if (!conflict) return;
    const stored: ScoresheetContent = { values: conflict.stored.values, comments: conflict.stored.comments, overallComment: conflict.stored.overallComment };
    revisionRef.current = conflict.stored.revision;
    setRevision(conflict.stored.revision);
    setStatus(conflict.stored.status);
    contentRef.current = stored;
    setContent(stored);
    setConflict(null);
    setRestored(false);
    queue.current.stopped = false;
    queue.current.dirty = false;
    removeBackup(storageKey);
    setSaveState({ kind: 'idle' });
  };

  if (conflict) {
    return (
      <ScoresheetConflict
        criteria={criteria}
        mine={conflict.mine}
        stored={conflict.stored}
        storedAt={conflict.storedAt ? dateTime(conflict.storedAt) : null}
        intent={conflict.intent}
        idempotencyKey={idempotencyKey}
        action={action}
        onKeepMine={keepMine}
        onKeepStored={keepStored}
      />
    );
  }

  const name = (c: ScoresheetCriterion) => (lang === 'fr' ? c.nameFr : c.nameEn);
  const errors = translatedErrors(t, criteria, fieldErrors);
  const labels: Record<string, string> = { [OVERALL_COMMENT_FIELD]: t('scoring.sheet.overallComment') };
  for (const c of criteria) {
    labels[scoreField(c.id)] = name(c);
    labels[commentField(c.id)] = t('scoring.sheet.commentOn', { criterion: name(c) });
  }
  const scored = countScored(criteria, content.values);
  const submitted = status === 'submitted';
  const lastSavedAt = initial.updatedAt ? dateTime(initial.updatedAt) : null;

  return (
    // Without JavaScript, the answer to a post opens at the scores (and their error summary), not at the top of the page.
    <form
      id="scoresheet"
      method="post"
      action={`${action}#scores-title`}
      onSubmit={onSubmit}
      noValidate
      className="scoresheet"
      aria-labelledby="scores-title"
    >
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="revision" value={revision} />
      <div className="scoresheet__head">
        <h2 id="scores-title" className="scoresheet__title">
          {t('scoring.sheet.title')}
        </h2>
        <p className="scoresheet__state">
          {submitted
            ? initial.submittedAt
              ? t('scoring.sheet.submittedOn', { date: dateTime(initial.submittedAt) })
              : t('scoring.sheet.submitted')
            : t('scoring.sheet.draft', { scored, total: criteria.length })}
        </p>
        {submitted ? <p className="scoresheet__hint">{t('scoring.sheet.changeAfterSubmit')}</p> : null}
      </div>
      {restored ? (
        <p className="notice" role="status">
          {t('scoring.sheet.restored')}
        </p>
      ) : null}
      <ProblemSummary
        formId="scoresheet"
        formErrors={formError ? [t(formError)] : []}
        items={Object.entries(errors).map(([field, message]) => ({
          href: `#field-${field}`,
          text: labels[field] ? t('forms.summaryItem', { label: labels[field], message }) : message,
        }))}
      />
      <ol className="criteria-list">
        {criteria.map((c) => {
          const help = lang === 'fr' ? c.helpFr : c.helpEn;
          const commentId = `field-${commentField(c.id)}`;
          const commentError = errors[commentField(c.id)];
          return (
            <li key={c.id} className="criterion-card">
              <Scale
                id={`field-${scoreField(c.id)}`}
                name={scoreField(c.id)}
                legend={name(c)}
                detail={t('scoring.sheet.weight', { weight: c.weight })}
                help={help || undefined}
                scaleMin={c.scaleMin}
                scaleMax={c.scaleMax}
                value={content.values[c.id] ?? null}
                error={errors[scoreField(c.id)]}
                onChange={(value) => change({ ...contentRef.current, values: { ...contentRef.current.values, [c.id]: value } })}
              />
              <FieldShell
                id={commentId}
                className="criterion-card__comment"
                label={t('scoring.sheet.commentOn', { criterion: name(c) })}
                optional
                error={commentError}
              >
                <textarea
                  id={commentId}
                  name={commentField(c.id)}
                  className="field__input field__textarea"
                  rows={2}
                  maxLength={COMMENT_MAX_LENGTH}
                  value={content.comments[c.id] ?? ''}
                  {...ariaOf(commentId, { error: commentError })}
                  onChange={(event) =>
                    change({ ...contentRef.current, comments: { ...contentRef.current.comments, [c.id]: event.target.value } })
                  }
                />
              </FieldShell>
            </li>
          );
        })}
      </ol>
      <FieldShell id={`field-${OVERALL_COMMENT_FIELD}`} label={t('scoring.sheet.overallComment')} optional error={errors[OVERALL_COMMENT_FIELD]}>
        <textarea
          id={`field-${OVERALL_COMMENT_FIELD}`}
          name={OVERALL_COMMENT_FIELD}
          className="field__input field__textarea"
          rows={4}
          maxLength={OVERALL_COMMENT_MAX_LENGTH}
          value={content.overallComment}
          {...ariaOf(`field-${OVERALL_COMMENT_FIELD}`, { error: errors[OVERALL_COMMENT_FIELD] })}
          onChange={(event) => change({ ...contentRef.current, overallComment: event.target.value })}
        />
      </FieldShell>
      <div className="scoresheet__actions">
        <SaveStatus state={saveState} lastSavedAt={lastSavedAt} />
        <div className="scoresheet__buttons">
          <button type="submit" name="intent" value="save" className="button button--ghost button--large">
            {submitted ? t('scoring.sheet.saveChanges') : t('scoring.sheet.saveDraft')}
          </button>
          {submitted ? null : (
            <button type="submit" name="intent" value="submit" className="button button--primary button--large">
              {t('scoring.sheet.submit')}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
