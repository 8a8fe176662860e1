import { createRemixStub } from '@remix-run/testing';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Scale } from '~/components/Scale';
import type { Lang } from '~/i18n';
import { messagesIn } from '~/i18n/messages.server';

function renderIn(lang: Lang, ui: () => JSX.Element) {
  const Stub = createRemixStub([
    { id: 'root', path: '/', loader: () => ({ lang, user: null, messages: messagesIn(lang, ['core', 'scoring', 'stage']) }), Component: ui, HydrateFallback: () => null },
  ]);
  render(<Stub />);
}

/** The scale as the scoresheet uses it: controlled by the form's state. */
function Impact({ initial = null, onChange = () => {}, error }: { initial?: number | null; onChange?: (v: number) => void; error?: string }) {
  const [value, setValue] = useState<number | null>(initial);
  return (
    <form aria-label="sheet">
      <Scale
        id="field-score-1"
        name="score-1"
        legend="Impact"
        detail="Weight 3"
        help="How much does it improve a public service?"
        scaleMin={1}
        scaleMax={10}
        value={value}
        error={error}
        onChange={(v) => {
          setValue(v);
          onChange(v);
        }}
      />
    </form>
  );
}

describe('Scale', () => {
  it('is a group named by its criterion, described by its help text and its ends', async () => {
    renderIn('en', () => <Impact />);
    const group = await screen.findByRole('group', { name: 'Impact' });
    expect(group).toHaveAccessibleDescription('How much does it improve a public service? 1 = lowest 10 = highest');
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // Each choice is named by its number.
    for (let n = 1; n <= 10; n++) expect(within(group).getByRole('radio', { name: String(n) })).toBeInTheDocument();
  });

  it('uses one native radio group, so the browser gives Tab and the arrow keys', async () => {
    renderIn('en', () => <Impact />);
    const radios = await screen.findAllByRole('radio');
    expect(new Set(radios.map((r) => (r as HTMLInputElement).name))).toEqual(new Set(['score-1']));
    for (const radio of radios) {
      expect(radio.tagName).toBe('INPUT');
      expect(radio).toHaveAttribute('type', 'radio');
      expect(radio).not.toHaveAttribute('tabindex');
      expect(radio).toBeEnabled();
    }
    // The first radio carries the id the error summary links to, and takes focus.
    const first = screen.getByRole('radio', { name: '1' });
    expect(first).toHaveAttribute('id', 'field-score-1');
    first.focus();
    expect(first).toHaveFocus();
  });

  it('checks the chosen value, one at a time, and reports it', async () => {
    const onChange = vi.fn();
    renderIn('en', () => <Impact initial={7} onChange={onChange} />);
    expect(await screen.findByRole('radio', { name: '7' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: '3' }));
    expect(onChange).toHaveBeenLastCalledWith(3);
    expect(screen.getByRole('radio', { name: '3' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '7' })).not.toBeChecked();
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(1);
  });

  it('chooses with the keyboard: Space on the focused radio selects it', async () => {
    const onChange = vi.fn();
    renderIn('en', () => <Impact onChange={onChange} />);
    const five = await screen.findByRole('radio', { name: '5' });
    five.focus();
    // jsdom does not move between radios on arrow keys (browsers do, natively): a click is what Space
    // dispatches on a focused radio.
    fireEvent.keyDown(five, { key: ' ', code: 'Space' });
    fireEvent.click(five);
    expect(five).toBeChecked();
    expect(onChange).toHaveBeenCalledWith(5);
  });

  it('starts with nothing chosen on a new sheet', async () => {
    renderIn('en', () => <Impact />);
    const radios = await screen.findAllByRole('radio');
    expect(radios.some((r) => (r as HTMLInputElement).checked)).toBe(false);
  });

  it('ties an error to the group and marks every choice invalid', async () => {
    renderIn('fr', () => <Impact error="Choisissez une note pour ce critère" />);
    const group = await screen.findByRole('group', { name: 'Impact' });
    expect(group).toHaveAccessibleDescription(/Choisissez une note pour ce critère/);
    expect(within(group).getByText('Erreur :', { exact: false })).toBeInTheDocument();
    for (const radio of within(group).getAllByRole('radio')) expect(radio).toHaveAttribute('aria-invalid', 'true');
    // The ends of the scale in French.
    expect(within(group).getByText('1 = le plus faible')).toBeInTheDocument();
    expect(within(group).getByText('10 = le plus fort')).toBeInTheDocument();
  });

  it('offers exactly the steps of other scales (1–5, 0–3)', async () => {
    renderIn('en', () => (
      <>
        <Scale id="a" name="a" legend="Team" scaleMin={1} scaleMax={5} value={null} onChange={() => {}} />
        <Scale id="b" name="b" legend="Risk" scaleMin={0} scaleMax={3} value={0} onChange={() => {}} />
      </>
    ));
    const team = await screen.findByRole('group', { name: 'Team' });
    expect(within(team).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5']);
    const risk = screen.getByRole('group', { name: 'Risk' });
    expect(within(risk).getByRole('radio', { name: '0' })).toBeChecked();
    expect(within(risk).getAllByRole('radio')).toHaveLength(4);
  });
});
