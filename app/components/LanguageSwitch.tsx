import { Form } from '@remix-run/react';
import { LANGUAGES, useT } from '~/i18n';

/** A plain form post (works without JavaScript); the current language is marked, not only by colour. */
export function LanguageSwitch({ redirectTo }: { redirectTo: string }) {
  const { t, lang } = useT();
  return (
    <Form method="post" action="/set-language" className="language-switch" aria-label={t('language.label')}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="submit"
          name="lang"
          value={code}
          lang={code}
          aria-pressed={code === lang}
          className="language-switch__option"
          title={t(`language.switchTo.${code}`)}
        >
          <span aria-hidden="true">{code.toUpperCase()}</span>
          <span className="visually-hidden">{t(`language.switchTo.${code}`)}</span>
        </button>
      ))}
    </Form>
  );
}
