/**
 * /organise/:year/stage — the stage control of the live final (organisers). The state lives on
 * the server (stage.server.ts): each button posts one command, checked, saved, audited and
 * broadcast to the projector, the judges' tablets and the phones. Works without JavaScript
 * (each post redirects back); with it, posts go through fetchers and the page follows the live
 * channel, so a second organiser laptop stays in step.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useFetchers, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { StageControl } from '~/components/StageControl';
import { parseStageForm, type StageActionAnswer } from '~/domain/stage';
import { useStageEvents } from '~/components/StageEvents';
import { isRefusal } from '~/domain/refusal';
import { useT, editionTitleMeta } from '~/i18n';
import stageStyles from '~/styles/stage.css';
import { requireOrganiser } from '~/utils/auth.server';
import { requireEdition } from '~/utils/editions.server';
import { runStageCommand, stageControlView } from '~/utils/stage.server';
import { organiserPage } from '~/utils/organiser-page.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stageStyles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => editionTitleMeta(matches, 'stage.control.metaTitle', page?.year);

/** Ballots come in without changing the stage: re-read them this often while the vote is open. */
const BALLOT_REFRESH_MS = 10_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['stage']);
  return {
    messages,
    ...stageControlView(edition),
    year: edition.year,
    editionStatus: edition.status,
    action: `/organise/${edition.year}/stage`,
    projectorUrl: `/editions/${edition.year}/stage`,
    voteUrl: `/vote/${edition.year}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const edition = requireEdition(params.year);
  const values: Record<string, string> = {};
  for (const [name, value] of await request.formData()) if (typeof value === 'string') values[name] = value;
  const form = values.form || values.intent || '';
  try {
    const { state, serverTiming } = runStageCommand({ edition, actorId: user.id, ...parseStageForm(values) });
    const headers = { 'Server-Timing': serverTiming };
    if (values.noscript === '1') return redirect(`/organise/${edition.year}/stage`, { headers });
    return data({ ok: true, version: state.version } satisfies StageActionAnswer, { headers });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return data<StageActionAnswer>({ ok: false, form, error: { key: error.key, params: error.params } }, { status: error.status });
  }
}

export default function StageControlPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useT();
  const { stage, connection, serverNow } = useStageEvents(page.year, page.stage);
  const revalidator = useRevalidator();
  // A command posted from this page reloads the page's data itself once its action is done. A
  // second reload started meanwhile would land first and make Remix cut the command's off halfway
  // through its answer (logged as an AbortError): so one reload at a time, the command's first.
  const commandInFlight = useFetchers().length > 0;
  const refresh = useRef({ revalidator, commandInFlight });
  refresh.current = { revalidator, commandInFlight };
  const mayReload = () => refresh.current.revalidator.state === 'idle' && !refresh.current.commandInFlight;
  const live = stage ?? page.stage;

  // Another laptop changed the stage: re-read what only this page's loader knows (reveal steps, ballots).
  useEffect(() => {
    if (live.version > page.stage.version && mayReload()) refresh.current.revalidator.revalidate();
  }, [live.version, page.stage.version, commandInFlight]);

  useEffect(() => {
    if (!live.voteOpen) return;
    const id = setInterval(() => {
      if (mayReload()) refresh.current.revalidator.revalidate();
    }, BALLOT_REFRESH_MS);
    return () => clearInterval(id);
  }, [live.voteOpen]);

  return (
    <div className="stage-page">
      <h2 className="visually-hidden">{t('stage.control.title')}</h2>
      <StageControl data={page} stage={live} serverNow={serverNow} connection={connection} />
    </div>
  );
}
