/**
 * The segmented scale of one criterion: native radio inputs in a fieldset, drawn as a row of
 * large buttons (at least 44×44 px, see app/styles/scoring.css). Native radios give the keyboard
 * for free (Tab into the group, arrow keys to move and choose) and say "3 of 10, selected" to
 * screen readers; nothing depends on hover. The chosen value is shown by a filled, underlined
 * button, not by colour alone.
 */
import { scaleSteps } from '~/domain/scoresheet';
import { useT } from '~/i18n';

export interface ScaleProps {
  /** The form field name (one radio group per criterion). */
  name: string;
  /** The group's accessible name: the criterion. */
  legend: string;
  /** The criterion's help text, tied to the group. */
  help?: string;
  /** Shown under the legend, e.g. the weight. */
  detail?: string;
  scaleMin: number;
  scaleMax: number;
  value: number | null;
  /** Called on every choice (with JavaScript; without it the radios are plain form fields). */
  onChange: (value: number) => void;
  /** Already translated. */
  error?: string | null;
  /** Id of the first radio, which the error summary links to. */
  id: string;
}

export function Scale({ name, legend, help, detail, scaleMin, scaleMax, value, onChange, error, id }: ScaleProps) {
  const { t } = useT();
  const steps = scaleSteps({ scaleMin, scaleMax });
  const helpId = `${id}-help`;
  const rangeId = `${id}-range`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={`scale${error ? ' scale--error' : ''}`}
      aria-describedby={[help ? helpId : null, `${rangeId}-low`, `${rangeId}-high`, error ? errorId : null].filter(Boolean).join(' ')}
    >
      <legend className="scale__legend">{legend}</legend>
      {detail ? <p className="scale__detail">{detail}</p> : null}
      {help ? (
        <p id={helpId} className="scale__help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{t('forms.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <div className="scale__track">
        <div
          className="scale__options"
          data-steps={steps.length}
          style={{ ['--steps' as string]: steps.length, ['--half' as string]: Math.ceil(steps.length / 2) }}
        >
          {steps.map((step, index) => (
            <label key={step} className="scale__option">
              <input
                type="radio"
                className="scale__input"
                name={name}
                value={step}
                id={index === 0 ? id : undefined}
                checked={value === step}
                onChange={() => onChange(step)}
                aria-invalid={error ? true : undefined}
              />
              <span className="scale__face">{step}</span>
            </label>
          ))}
        </div>
      </div>
      <p className="scale__range">
        <span id={`${rangeId}-low`}>{t('scoring.scale.low', { value: scaleMin })}</span>
        <span id={`${rangeId}-high`}>{t('scoring.scale.high', { value: scaleMax })}</span>
      </p>
    </fieldset>
  );
}
