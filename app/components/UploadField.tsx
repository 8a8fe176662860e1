/**
 * One file of the application (deck or logo): what is stored now, and a form to upload or
 * replace it.
 *
 * Without JavaScript it is a plain multipart form post to the page's action. With JavaScript the
 * same form is sent with XMLHttpRequest to a JSON endpoint, for its upload progress events: a
 * progress bar, a cancel button, and the page's data reloaded when the file is in. Either way the
 * server decides (type from the bytes, size limit); the size check here only saves a long wait.
 */
import { Form, useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FILE_RULES, type FileKind } from '~/domain/file-types';
import { formatNumber, useT, type MessageKey } from '~/i18n';
import { FileLink, type FileInfo } from './application-sections';

type Phase =
  | { name: 'idle' }
  | { name: 'uploading'; loaded: number; total: number }
  | { name: 'done' }
  | { name: 'error'; error: MessageKey; params?: Record<string, string | number> };

export function UploadField({
  kind,
  action,
  xhrAction,
  current,
  editable,
  canRemove,
  error,
  errorParams,
}: {
  kind: FileKind;
  /** Where the plain form posts (the page). */
  action: string;
  /** Where the enhanced form posts (answers JSON). */
  xhrAction: string;
  current: FileInfo | null;
  editable: boolean;
  canRemove: boolean;
  /** An error from the plain form post (a dictionary key). */
  error?: MessageKey | null;
  errorParams?: Record<string, string | number>;
}) {
  const { t, lang } = useT();
  const revalidator = useRevalidator();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const request = useRef<XMLHttpRequest | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const rules = FILE_RULES[kind];
  const fieldId = `field-${kind}`;

  useEffect(() => () => request.current?.abort(), []);

  const shownError = phase.name === 'error' ? phase.error : error;
  const shownParams = phase.name === 'error' ? phase.params : errorParams;
  const hintId = `${fieldId}-hint`;
  const errorId = shownError ? `${fieldId}-error` : undefined;

  function fail(message: MessageKey, params?: Record<string, string | number>) {
    setPhase({ name: 'error', error: message, params });
    input.current?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = input.current?.files?.[0];
    if (!file) return fail('apply.files.errors.noFile');
    if (file.size > rules.maxBytes) return fail('apply.files.errors.tooLarge', { max: rules.maxMegabytes });
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open('POST', xhrAction);
    xhr.responseType = 'json';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setPhase({ name: 'uploading', loaded: progress.loaded, total: progress.total });
    };
    xhr.onload = () => {
      request.current = null;
      const body = xhr.response as { ok?: boolean; error?: MessageKey; params?: Record<string, string | number> } | null;
      if (xhr.status === 200 && body?.ok) {
        form.reset();
        setPhase({ name: 'done' });
        revalidator.revalidate();
      } else {
        fail(body?.error ?? 'apply.files.errors.failed', body?.params);
      }
    };
    xhr.onerror = () => {
      request.current = null;
      fail('apply.files.errors.network');
    };
    xhr.onabort = () => {
      request.current = null;
      setPhase({ name: 'idle' });
    };
    // Read the form before the re-render disables the file input.
    const body = new FormData(form);
    setPhase({ name: 'uploading', loaded: 0, total: file.size });
    xhr.send(body);
  }

  const uploading = phase.name === 'uploading';
  const percent = uploading && phase.total > 0 ? Math.round((phase.loaded / phase.total) * 100) : 0;
  const title = t(`apply.fields.${kind}`);

  return (
    <section className={`box upload${shownError ? ' field--error' : ''}`} aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`} className="upload__title">
        {title}
        {kind === 'logo' ? <span className="field__optional"> {t('apply.form.optional')}</span> : null}
      </h3>
      <div className="upload__current">
        {current ? (
          <>
            <p className="upload__current-label">{t('apply.files.current')}</p>
            <p>
              <FileLink file={current} />
            </p>
          </>
        ) : (
          <p className="muted">{t(`apply.files.none.${kind}`)}</p>
        )}
        {current && editable && canRemove ? (
          <Form method="post" action={action} className="upload__remove">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="replaces" value={current.id} />
            <button type="submit" className="button button--ghost">
              {t('apply.files.remove')}
              <span className="visually-hidden"> {title}</span>
            </button>
          </Form>
        ) : null}
      </div>

      {editable ? (
        <form method="post" action={action} encType="multipart/form-data" onSubmit={onSubmit} className="upload__form" noValidate>
          {/* Before the file, so the server reads them before the file's bytes. */}
          <input type="hidden" name="intent" value="upload" />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="replaces" value={current?.id ?? ''} />
          <div className="field">
            <label htmlFor={fieldId} className="field__label">
              {t(current ? `apply.files.chooseReplacement.${kind}` : `apply.files.choose.${kind}`)}
            </label>
            <p id={hintId} className="field__hint">
              {t(`apply.files.hint.${kind}`, { max: formatNumber(lang, rules.maxMegabytes) })}
            </p>
            {shownError ? (
              <p id={errorId} className="field__error">
                <span className="visually-hidden">{t('forms.errorPrefix')} </span>
                {t(shownError, shownParams)}
              </p>
            ) : null}
            <input
              ref={input}
              id={fieldId}
              name={kind}
              type="file"
              accept={rules.accept}
              required
              className="field__file"
              aria-invalid={shownError ? true : undefined}
              aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
              disabled={uploading}
              onChange={() => phase.name !== 'uploading' && setPhase({ name: 'idle' })}
            />
          </div>
          {uploading ? (
            <div className="upload__progress">
              <label htmlFor={`${fieldId}-progress`}>{t('apply.files.uploading', { percent })}</label>
              <progress id={`${fieldId}-progress`} max={100} value={percent}>
                {percent}%
              </progress>
            </div>
          ) : null}
          {/* One live region: announced while uploading (the bar says it visually), shown once done. */}
          <p className={phase.name === 'done' ? 'notice notice--success' : 'visually-hidden'} role="status">
            {uploading ? t('apply.files.uploadingStatus', { file: title }) : phase.name === 'done' ? t('apply.files.uploaded', { file: title }) : ''}
          </p>
          <div className="button-row">
            {uploading ? (
              <button type="button" className="button button--ghost" onClick={() => request.current?.abort()}>
                {t('apply.files.cancel')}
              </button>
            ) : (
              <button type="submit" className="button button--primary">
                {t(current ? `apply.files.replace.${kind}` : `apply.files.upload.${kind}`)}
              </button>
            )}
          </div>
        </form>
      ) : null}
    </section>
  );
}
