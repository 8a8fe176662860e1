/**
 * A link to hand over by hand (no email is sent from Palmarès): shown in a read-only text box
 * that selects itself on focus. With JavaScript a button copies it; without, the text is
 * selectable and the hint says to copy it. `LinkShownOnce` frames it as the answer to an
 * invitation (judges, organisers): who it is for, the link, and that it is shown only now.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '~/i18n';

export function CopyLink({ id, label, link, testId }: { id: string; label: string; link: string; testId?: string }) {
  const { t } = useT();
  const [scripted, setScripted] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setScripted(true), []);
  useEffect(() => setCopied(null), [link]);

  async function copy() {
    box.current?.select();
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(link);
      else if (!document.execCommand('copy')) throw new Error('copy refused');
      setCopied('yes');
    } catch {
      // Plain-HTTP pages have no clipboard API and some browsers refuse: the text stays selected.
      setCopied('no');
    }
  }

  return (
    <div className="copy-link">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {scripted ? t('judging.copyLink.hintScripted') : t('judging.copyLink.hint')}
      </p>
      <div className="copy-link__row">
        <textarea
          ref={box}
          id={id}
          className="field__input copy-link__text"
          readOnly
          rows={2}
          spellCheck={false}
          value={link}
          data-testid={testId}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
        />
        {scripted ? (
          <button type="button" className="button button--primary" onClick={copy}>
            {t('judging.copyLink.copy')}
          </button>
        ) : null}
      </div>
      <p className="copy-link__status" role="status">
        {copied === 'yes' ? t('judging.copyLink.copied') : copied === 'no' ? t('judging.copyLink.failed') : ''}
      </p>
    </div>
  );
}

/** The panel that hands over a new invitation link, once: its title (`${id}-title`), the link (id and test id `id`), a note. */
export function LinkShownOnce({ id, title, label, link, note }: { id: string; title: ReactNode; label: string; link: string; note: ReactNode }) {
  return (
    <div className="link-panel" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="link-panel__title">
        <span aria-hidden="true">✓ </span>
        {title}
      </p>
      <CopyLink id={id} label={label} link={link} testId={id} />
      <p className="muted">{note}</p>
    </div>
  );
}
