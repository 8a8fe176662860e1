/**
 * One button of the stage control: a form that posts a command with the version the screen shows.
 * With JavaScript it goes through a fetcher (no navigation, the page stays where it is); without,
 * it is a plain form post, and the action answers with a redirect back to the page.
 */
import { useActionData, useFetcher } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '~/i18n';
import { useHydrated } from './StageEvents';

export interface StageActionAnswer {
  ok: boolean;
  version?: number;
  /** Which form was refused (intent plus its item), and why. */
  form?: string;
  error?: { key: MessageKey; params: Record<string, string | number> };
}

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
