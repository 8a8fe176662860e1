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
 * - every change, and the save in flight with its key, is also kept in this device's outbox
 *   (IndexedDB, app/utils/outbox.ts) until the server has it, so a closed tab, a restarted browser
 *   or a dropped connection loses nothing: the next visit (even offline, from the judge's service
 *   worker) resends the same save under the same key, then the rest; if the sheet changed elsewhere
 *   since, it shows both versions and the judge chooses;
 * - "N changes waiting" says how many of this judge's changes the server does not have yet;
 * - a refused save (stale revision, locked round, invalid value) stops the automatic saves and
 *   says why; nothing already saved is touched.
 */
import { Form, useFetcher } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  changedFieldCount,
  COMMENT_MAX_LENGTH,
  commentField,
  countScored,
  OVERALL_COMMENT_FIELD,
  OVERALL_COMMENT_MAX_LENGTH,
  sameContent,
  scoreField,
  scoresheetFormFields,
  sharedCommentField,
  SHARED_OVERALL_COMMENT_FIELD,
  type SaveAnswer,
  type SaveIntent,
  type ScoresheetStatus,
  type ScoresheetContent,
  type ScoresheetCriterion,
  type ScoresheetSnapshot,
} from '~/domain/scoresheet';
import { formatDate, useT, type MessageKey, type Params, type T } from '~/i18n';
import { ariaOf, FieldShell, ProblemSummary } from './field-shell';
import { SaveStatus, type SaveState } from './SaveStatus';
import { Scale } from './Scale';
import { ScoresheetConflict } from './ScoresheetConflict';
import { OutboxWaiting } from './OutboxWaiting';
import { ATTEMPT_FIELD, claimScoresheet, newIdempotencyKey, readRecord, writeRecord, type OutboxPayload, type OutboxRecord } from '~/utils/outbox';

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
  /** Whose outbox this is (the "N changes waiting" line counts this judge's changes only). */
  judgeId: number;
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
export { ATTEMPT_FIELD };
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

type Payload = OutboxPayload;

interface Conflict {
  mine: ScoresheetContent;
  stored: ScoresheetSnapshot;
  storedAt: string | null;
  intent: SaveIntent;
}

export { newIdempotencyKey };

// ─── The form ────────────────────────────────────────────────────────────────

/** The numbers a field's message mentions (the scale's ends, the comment's length). */
function errorParams(criteria: ScoresheetCriterion[], field: string): Params {
  const criterion = criteria.find((c) => scoreField(c.id) === field);
  return {
    min: criterion?.scaleMin ?? '',
    max: criterion?.scaleMax ?? '',
    maxLength: field === OVERALL_COMMENT_FIELD || field === SHARED_OVERALL_COMMENT_FIELD ? OVERALL_COMMENT_MAX_LENGTH : COMMENT_MAX_LENGTH,
  };
}

function translatedErrors(t: T, criteria: ScoresheetCriterion[], errors: Record<string, MessageKey>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key, errorParams(criteria, field))]));
}

export function ScoresheetForm({
  action,
  storageKey,
  judgeId,
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
  /** The last version the server acknowledged to this device, and its status. */
  const savedRef = useRef<ScoresheetContent>(initial.content);
  const statusRef = useRef<ScoresheetStatus | null>(initial.status);
  /** When the oldest change the server does not have was made (the outbox's order). */
  const queuedAtRef = useRef(0);
  const [ownChanges, setOwnChanges] = useState(0);
  const queue = useRef({
    inFlight: null as Payload | null,
    dirty: false,
    submitAfter: false,
    stopped: answer?.result === 'stale' || answer?.result === 'locked',
    debounce: undefined as ReturnType<typeof setTimeout> | undefined,
  });

  /** Writes this sheet's record to the outbox: what the server has, what this device has, the save in flight. */
  const persist = useCallback(() => {
    const sent = queue.current.inFlight;
    const changes = Math.max(changedFieldCount(criteria, savedRef.current, contentRef.current), sent ? 1 : 0);
    if (changes === 0) queuedAtRef.current = 0;
    else if (queuedAtRef.current === 0) queuedAtRef.current = Date.now();
    setOwnChanges(changes);
    const record: OutboxRecord = {
      id: storageKey,
      judgeId,
      path: action,
      revision: revisionRef.current,
      status: statusRef.current,
      saved: savedRef.current,
      content: contentRef.current,
      fields: scoresheetFormFields(criteria, contentRef.current),
      changes,
      sent,
      queuedAt: queuedAtRef.current || Date.now(),
    };
    void writeRecord(record);
  }, [action, criteria, judgeId, storageKey]);

  const send = useCallback(
    (payload: Payload) => {
      const q = queue.current;
      q.inFlight = payload;
      if (payload.attempt === 0) setSaveState({ kind: 'saving' });
      persist();
      payload.fields = scoresheetFormFields(criteria, payload.content);
      const form = new FormData();
      for (const [name, value] of Object.entries(payload.fields)) form.set(name, value);
      form.set('intent', payload.intent);
      form.set('idempotencyKey', payload.key);
      form.set('revision', String(payload.revision));
      form.set(ATTEMPT_FIELD, String(payload.attempt));
      submit(form, { method: 'post', action });
    },
    [action, criteria, persist, submit],
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
        savedRef.current = payload.content;
        statusRef.current = data.status;
        setRevision(data.revision);
        setStatus(data.status);
        setFieldErrors({});
        setFormError(null);
        setSaveState({ kind: 'saved', at: time(data.savedAt) });
        // The outbox now holds what the server has; changes typed while this save travelled stay on
        // top of the new revision, and are sent next.
        persist();
        if (!q.dirty && !q.submitAfter) return;
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
        if (sameContent(criteria, contentRef.current, data.stored)) {
          // Both versions say the same (this save had reached the server under another key, or the
          // other device typed the same): nothing to choose, carry on from the stored revision.
          adopt(data.stored);
          setSaveState(data.storedAt ? { kind: 'saved', at: time(data.storedAt) } : { kind: 'idle' });
          if (q.submitAfter || (data.intent === 'submit' && data.stored.status !== 'submitted')) flush('submit');
          return;
        }
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
  }, [fetcher.state, fetcher.data, flush, persist, send, time, onLocked]);

  // The clientAction says the save is waiting for the server.
  useEffect(() => {
    const retrying = (event: Event) => {
      const { key } = (event as CustomEvent<{ key: string }>).detail;
      if (queue.current.inFlight?.key === key) setSaveState({ kind: 'retrying' });
    };
    window.addEventListener(SAVE_RETRYING_EVENT, retrying);
    return () => window.removeEventListener(SAVE_RETRYING_EVENT, retrying);
  }, []);

  // Changes this device kept but the server never got (a closed tab, a dropped connection, a
  // page served from the offline cache). Once, on arrival: later renders must not restore over
  // what the judge is typing.
  useEffect(() => {
    const release = claimScoresheet(storageKey);
    let cancelled = false;
    void readRecord(storageKey).then((record) => {
      const q = queue.current;
      if (cancelled || !record || q.stopped || q.inFlight || q.dirty) return;
      if (record.revision > initial.revision) {
        // This device has seen a newer version than the page shows (the page came from the offline cache).
        revisionRef.current = record.revision;
        savedRef.current = record.saved;
        statusRef.current = record.status;
        setRevision(record.revision);
        setStatus(record.status);
        if (record.changes > 0) resume(record);
        else {
          contentRef.current = record.content;
          setContent(record.content);
        }
      } else if (record.revision === initial.revision || record.sent) {
        // Unsent changes on top of what the page shows, or a save whose answer never came: the same
        // save again under its own key (the server answers what it answered if it had arrived).
        if (record.revision !== initial.revision) {
          revisionRef.current = record.revision;
          savedRef.current = record.saved;
        }
        if (!record.sent && sameContent(criteria, record.content, initial.content)) return persist();
        setRestored(true);
        resume(record);
      } else if (record.changes === 0 || sameContent(criteria, record.content, initial.content)) {
        persist();
      } else {
        // The sheet changed elsewhere since this device's changes were made: both versions, the judge chooses.
        // The record stays as it is until the judge chooses: leaving now must not turn it into a silent overwrite.
        q.stopped = true;
        contentRef.current = record.content;
        setContent(record.content);
        setConflict({
          mine: record.content,
          stored: { ...initial.content, status: initial.status ?? 'draft', revision: initial.revision },
          storedAt: initial.updatedAt,
          intent: 'save',
        });
      }
    });
    return () => {
      cancelled = true;
      release();
    };
  }, []);

  // Leaving with changes the server does not have yet, on a device without an outbox: the browser asks first.
  useEffect(() => {
    if (typeof indexedDB !== 'undefined') return;
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

  /** Takes the stored version as what the server has (a conflict that was none). */
  function adopt(stored: ScoresheetSnapshot) {
    revisionRef.current = stored.revision;
    savedRef.current = {
      values: stored.values,
      comments: stored.comments,
      overallComment: stored.overallComment,
      sharedComments: stored.sharedComments,
      sharedOverallComment: stored.sharedOverallComment,
    };
    statusRef.current = stored.status;
    setRevision(stored.revision);
    setStatus(stored.status);
    queue.current.dirty = false;
    persist();
  }

  /** Picks up a record of the outbox: its content on screen, its save in flight resent first. */
  function resume(record: OutboxRecord) {
    const q = queue.current;
    contentRef.current = record.content;
    setContent(record.content);
    if (record.sent) {
      q.dirty = !sameContent(criteria, record.content, record.sent.content);
      send(record.sent);
    } else {
      q.dirty = true;
      persist();
      flush('save');
    }
  }

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
    const stored: ScoresheetContent = {
      values: conflict.stored.values,
      comments: conflict.stored.comments,
      overallComment: conflict.stored.overallComment,
      sharedComments: conflict.stored.sharedComments,
      sharedOverallComment: conflict.stored.sharedOverallComment,
    };
    revisionRef.current = conflict.stored.revision;
    setRevision(conflict.stored.revision);
    setStatus(conflict.stored.status);
    savedRef.current = stored;
    statusRef.current = conflict.stored.status;
    contentRef.current = stored;
    setContent(stored);
    setConflict(null);
    setRestored(false);
    queue.current.stopped = false;
    queue.current.dirty = false;
    persist();
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
  const labels: Record<string, string> = {
    [OVERALL_COMMENT_FIELD]: t('scoring.comments.juryOverall'),
    [SHARED_OVERALL_COMMENT_FIELD]: t('scoring.comments.sharedOverall'),
  };
  for (const c of criteria) {
    labels[scoreField(c.id)] = name(c);
    labels[commentField(c.id)] = t('scoring.comments.juryOn', { criterion: name(c) });
    labels[sharedCommentField(c.id)] = t('scoring.comments.sharedOn', { criterion: name(c) });
  }
  const scored = countScored(criteria, content.values);
  const submitted = status === 'submitted';
  const lastSavedAt = initial.updatedAt ? dateTime(initial.updatedAt) : null;

  return (
    // Without JavaScript, the answer to a post opens at the scores (and their error summary), not at the top of the page.
    // A Remix Form for its `data-discover`: the router learns this address while online, so the
    // first save after a full page load needs no route look-up that could fail offline.
    <Form
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
      <ol className="card-list">
        {criteria.map((c) => {
          const help = lang === 'fr' ? c.helpFr : c.helpEn;
          return (
            <li key={c.id} className="box criterion-card">
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
              {COMMENTS.map((kind) => (
                <CommentField
                  key={kind.slot}
                  name={kind.field(c.id)}
                  className="criterion-card__comment"
                  label={labels[kind.field(c.id)]}
                  hint={t(kind.hint)}
                  error={errors[kind.field(c.id)]}
                  value={content[kind.slot]?.[c.id] ?? ''}
                  onChange={(value) => change({ ...contentRef.current, [kind.slot]: { ...contentRef.current[kind.slot], [c.id]: value } })}
                />
              ))}
            </li>
          );
        })}
      </ol>
      {COMMENTS.map((kind) => (
        <CommentField
          key={kind.overall}
          name={kind.overall}
          overall
          label={labels[kind.overall]}
          hint={t(kind.hint)}
          error={errors[kind.overall]}
          value={content[kind.overallSlot] ?? ''}
          onChange={(value) => change({ ...contentRef.current, [kind.overallSlot]: value })}
        />
      ))}
      <div className="scoresheet__actions">
        <div className="scoresheet__status">
          <SaveStatus state={saveState} lastSavedAt={lastSavedAt} />
          <OutboxWaiting judgeId={judgeId} recordId={storageKey} own={saveState.kind === 'retrying' ? ownChanges : 0} compact />
        </div>
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
    </Form>
  );
}

/** The two comments a judge writes, on each criterion and overall: shared with the founder, then for the jury only. */
const COMMENTS = [
  {
    hint: 'scoring.comments.sharedHint',
    field: sharedCommentField,
    slot: 'sharedComments',
    overall: SHARED_OVERALL_COMMENT_FIELD,
    overallSlot: 'sharedOverallComment',
  },
  {
    hint: 'scoring.comments.juryHint',
    field: commentField,
    slot: 'comments',
    overall: OVERALL_COMMENT_FIELD,
    overallSlot: 'overallComment',
  },
] as const;

/** A comment of the sheet in its frame: optional, its value and changes driven by the sheet's state (autosave). */
function CommentField({
  name,
  label,
  hint,
  error,
  overall,
  className,
  value,
  onChange,
}: {
  name: string;
  label: string;
  hint: string;
  error?: string;
  /** An overall comment: more room, a longer limit. */
  overall?: boolean;
  className?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} className={className} label={label} hint={hint} optional error={error}>
      <textarea
        id={id}
        name={name}
        className="field__input field__textarea"
        rows={overall ? 4 : 2}
        maxLength={overall ? OVERALL_COMMENT_MAX_LENGTH : COMMENT_MAX_LENGTH}
        value={value}
        {...ariaOf(id, { error, hint: true })}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldShell>
  );
}
