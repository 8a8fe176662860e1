/**
 * A presenter's clicker or keyboard on the projector, for an organiser logged in there:
 * → PageDown Space forward, ← PageUp back, through the reveal. Each press posts to the stage
 * control with the step it continues from, so two quick presses make two steps and a press from
 * a stale screen is refused rather than skipping a step.
 */
import { useFetcher } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useT } from '~/i18n';
import type { StageActionAnswer } from '~/domain/stage';

const FORWARD = new Set(['ArrowRight', 'PageDown', ' ', 'Spacebar']);
const BACK = new Set(['ArrowLeft', 'PageUp']);

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(target.tagName))
  );
}

export function ProjectorKeys({ year, step }: { year: number; step: number }) {
  const { t } = useT();
  const fetcher = useFetcher<StageActionAnswer>();
  const submit = fetcher.submit;
  const from = useRef(step);

  // Back in step with the server whenever the live state moves or a press has been answered.
  useEffect(() => {
    from.current = step;
  }, [step]);
  useEffect(() => {
    if (fetcher.state === 'idle') from.current = step;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const forward = FORWARD.has(event.key);
      if (!forward && !BACK.has(event.key)) return;
      event.preventDefault();
      if (!forward && from.current === 0) return;
      submit(
        { intent: forward ? 'reveal.next' : 'reveal.previous', fromStep: String(from.current), form: 'projector' },
        { method: 'post', action: `/organise/${year}/stage` },
      );
      from.current += forward ? 1 : -1;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit, year]);

  const refusal = fetcher.state === 'idle' && fetcher.data && !fetcher.data.ok ? fetcher.data.error : undefined;
  // A stale press (another screen moved first) needs no message: the live state already shows the truth.
  if (!refusal || refusal.key === 'stage.errors.stale') return null;
  return (
    <p className="projector__keys-error" role="alert">
      {t(refusal.key, refusal.params)}
    </p>
  );
}
