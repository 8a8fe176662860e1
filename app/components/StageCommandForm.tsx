/**
 * One button of the stage control: a form that posts a command with the version the screen shows.
 * With JavaScript it goes through a fetcher (no navigation, the page stays where it is); without,
 * it is a plain form post, and the action answers with a redirect back to the page.
 */
import { useActionData, useFetcher } from '@remix-run/react';
import { type ReactNode, useEffect, useState } from 'react';
import type { StageActionAnswer } from '~/domain/stage';
import { useT } from '~/i18n';

export function StageCommandForm({
  action,
  intent,
  version,
  formId,
  fields = {},
  children,
  className,
}: {
  /** The stage control's URL. */
  action: string;
  intent: string;
  version: number;
  /** Identifies this form among those of the same intent (for its error message). */
  formId?: string;
  fields?: Record<string, string | number>;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useT();
  const fetcher = useFetcher<StageActionAnswer>();
  const hydrated = useHydrated();
  const documentAnswer = useActionData<StageActionAnswer>();
  const id = formId ?? intent;
  const answer = fetcher.data ?? (documentAnswer?.form === id ? documentAnswer : undefined);
  const error = answer && !answer.ok && answer.form === id ? answer.error : undefined;
  const busy = fetcher.state !== 'idle';
  return (
    <fetcher.Form method="post" action={action} className={className ?? 'stage-form'} aria-busy={busy || undefined} preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="form" value={id} />
      {/* Only without JavaScript: the action then redirects back rather than answer with data. */}
      {hydrated ? null : <input type="hidden" name="noscript" value="1" />}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {error ? (
        <p className="stage-form__error" role="alert">
          {t(error.key, error.params)}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/** A command of one button, posted as it is clicked (no confirmation): the form and its submit button. */
export function StageCommandButton({
  label,
  disabled,
  primary = true,
  ...form
}: Omit<Parameters<typeof StageCommandForm>[0], 'children'> & { label: ReactNode; disabled?: boolean; primary?: boolean }) {
  return (
    <StageCommandForm {...form}>
      <button type="submit" className={primary ? 'button button--primary' : 'button button--ghost'} disabled={disabled}>
        {label}
      </button>
    </StageCommandForm>
  );
}

/**
 * A command that changes what the projector shows, behind one confirmation: the button opens a
 * `<details>` with what the hall will see and the button that posts. No JavaScript needed; a
 * disabled command is a plain disabled button (nothing to open).
 */
export function ConfirmedCommand({
  label,
  warning,
  confirm,
  disabled,
  primary = true,
  ...form
}: Omit<Parameters<typeof StageCommandForm>[0], 'children'> & {
  /** What the button says (it opens the confirmation). */
  label: ReactNode;
  /** What the projector will show once confirmed. */
  warning: string;
  /** The posting button's words. */
  confirm: string;
  disabled?: boolean;
  primary?: boolean;
}) {
  const kind = primary ? 'button button--primary' : 'button button--ghost';
  if (disabled) {
    return (
      <div className="stage-form">
        <button type="button" className={kind} disabled>
          {label}
        </button>
      </div>
    );
  }
  return (
    <StageCommandForm {...form}>
      {/* Keyed by the version: a confirmation left open closes when the stage changes (it may no longer apply). */}
      <details className="stage-confirm" key={`${form.formId ?? form.intent}:${form.version}`}>
        <summary className={kind}>{label}</summary>
        <div className="stage-confirm__panel">
          <p className="stage-confirm__warning">
            <span aria-hidden="true">⚠ </span>
            {warning}
          </p>
          <button type="submit" className="button button--primary">
            {confirm}
          </button>
        </div>
      </details>
    </StageCommandForm>
  );
}

/** True once React has hydrated the page (forms then post through fetchers). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
