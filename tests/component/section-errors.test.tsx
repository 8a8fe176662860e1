/**
 * A page's error inside its section: the organiser's edition frame keeps its tabs around a 404, in
 * the visitor's language; the frame's own failure shows the error alone; the judge's section keeps
 * the way back to their pitches. Rendered with the real frame components and boundaries.
 */
import { createRemixStub } from '@remix-run/testing';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Lang } from '~/i18n';
import { messagesIn } from '~/i18n/messages.server';
import OrganiseEdition, { ErrorBoundary as OrganiseErrorBoundary } from '~/routes/organise.$year';
import JudgeSection, { ErrorBoundary as JudgeErrorBoundary } from '~/routes/judge.$year';

const EDITION = { year: 2021, name: 'GovTech Summit 2021', nameFr: 'Sommet GovTech 2021', status: 'judging' };

function notFound(): never {
  throw new Response('Not Found', { status: 404 });
}

function renderOrganise(lang: Lang, path: string, frameLoader: () => object = () => ({ edition: EDITION, messages: messagesIn(lang, ['editions']) })) {
  const Stub = createRemixStub([
    {
      id: 'root',
      path: '/',
      loader: () => ({ lang, user: null, messages: messagesIn(lang, ['core']) }),
      HydrateFallback: () => null,
      children: [
        {
          id: 'routes/organise.$year',
          path: 'organise/:year',
          loader: frameLoader,
          Component: OrganiseEdition,
          ErrorBoundary: OrganiseErrorBoundary,
          children: [
            { path: 'applications', Component: () => <p>the list</p> },
            { path: 'applications/:applicationId', loader: notFound, Component: () => <p>an application</p> },
          ],
        },
      ],
    },
  ]);
  render(<Stub initialEntries={[path]} />);
}

describe('the organiser edition frame', () => {
  it('shows an unknown application as not found inside the frame, with its tabs', async () => {
    renderOrganise('en', '/organise/2021/applications/999999');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Page not found' });
    expect(screen.getByRole('heading', { level: 1, name: /GovTech Summit 2021/ })).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: /2021/ });
    expect(within(tabs).getByRole('link', { name: 'Applications' })).toHaveAttribute('href', '/organise/2021/applications');
    expect(within(tabs).getAllByRole('link').length).toBeGreaterThanOrEqual(9);
    expect(heading.closest('.page')).toContainElement(tabs);
    expect(screen.queryByText('an application')).toBeNull();
  });

  it('says it in French on a French page', async () => {
    renderOrganise('fr', '/organise/2021/applications/999999');
    await screen.findByRole('heading', { level: 2, name: 'Page introuvable' });
    expect(within(screen.getByRole('navigation', { name: /2021/ })).getByRole('link', { name: 'Candidatures' })).toBeInTheDocument();
  });

  it('tells a failure apart from not found, and shows no stack outside development', async () => {
    renderOrganise('en', '/organise/2021/applications/999999', () => {
      throw new Error('database is locked');
    });
    await screen.findByRole('heading', { level: 2, name: 'Something went wrong on our side' });
    expect(screen.queryByText(/database is locked/)).toBeNull();
    // The frame itself failed: no tabs of an edition it could not read.
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});

describe('the judge section', () => {
  it('keeps the way back to the pitches when a scoresheet is not found', async () => {
    const Stub = createRemixStub([
      {
        id: 'root',
        path: '/',
        loader: () => ({ lang: 'en', user: null, messages: messagesIn('en', ['core']) }),
        HydrateFallback: () => null,
        children: [
          {
            path: 'judge/:year',
            Component: JudgeSection,
            ErrorBoundary: JudgeErrorBoundary,
            children: [{ path: 'rounds/:roundId/:applicationId', loader: notFound, Component: () => <p>a scoresheet</p> }],
          },
        ],
      },
    ]);
    render(<Stub initialEntries={['/judge/2021/rounds/1/999999']} />);
    await screen.findByRole('heading', { level: 2, name: 'Page not found' });
    expect(screen.getByRole('link', { name: 'Back to my pitches' })).toHaveAttribute('href', '/judge/2021');
  });
});
