/**
 * /editions/:year/stage — the projector view of the live final (public, full screen, 16:9).
 * Live over Server-Sent Events (useStageEvents): every change of the stage control reaches every
 * open projector, timers are computed from the server's clock, and after a dropped connection the
 * page resynchronises by itself. Without JavaScript it is a snapshot that reloads every 10 s.
 *
 * The file name's `$year_` keeps this page out of the edition page's layout (editions.$year.tsx),
 * so the projector owns the whole screen; the URL is still /editions/:year/stage.
 *
 * The presence code (decision 034) is given only to an organiser's projector — the one in the
 * hall — and renewed every 30 s by re-reading this loader; anyone else watching this public page
 * (a livestream) sees that voting is for the hall, without a code to scan.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useFetchers, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { Projector } from '~/components/Projector';
import { ProjectorKeys } from '~/components/ProjectorKeys';
import { useStageEvents } from '~/components/StageEvents';
import { tOf, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import stageStyles from '~/styles/stage.css';
import { canOrganise, getUser } from '~/utils/auth.server';
import { editionName } from '~/domain/edition';
import { requirePublicEdition } from '~/utils/editions.server';
import { publicStage } from '~/utils/stage.server';
import { presenceCode, voteRules } from '~/utils/votes.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stageStyles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => {
  const { t, lang } = tOf(matches);
  const name = page ? editionName({ name: page.stage.editionName, nameFr: page.stage.editionNameFr }, lang) : '';
  return [{ title: `${t('stage.projector.metaTitle')} — ${name}` }];
};

/** Seconds between reloads of the snapshot when JavaScript is off. */
const NOSCRIPT_REFRESH_S = 10;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const edition = requirePublicEdition(params.year);
  const user = await getUser(request);
  const vote = new URL(`/vote/${edition.year}`, request.url);
  const canControl = canOrganise(user);
  const presenceCheck = voteRules(edition.id).presenceCheck;
  const presence = presenceCheck && canControl ? presenceCode(edition.id) : null;
  return {
    messages: await messagesFor(request, ['stage']),
    year: edition.year,
    stage: publicStage(edition),
    voteUrl: vote.toString(),
    // What people type: no scheme, nothing they can get wrong.
    shortVoteUrl: `${vote.host}${vote.pathname}`,
    canControl,
    presence,
    inHallOnly: presenceCheck && !canControl,
  };
}

export default function ProjectorPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useT();
  const { stage, connection, serverNow } = useStageEvents(page.year, page.stage);
  const live = stage ?? page.stage;
  const revalidator = useRevalidator();
  const refresh = useRef(revalidator);
  refresh.current = revalidator;
  // A clicker's key (ProjectorKeys) reloads the page's data after its command: no reload of our
  // own meanwhile, as on the stage control (routes/organise.$year.stage.tsx says why).
  const commandInFlight = useFetchers().length > 0;

  // A new presence code every 30 s while the vote is open: re-read the loader when this one is replaced.
  const nextAt = live.voteOpen ? (page.presence?.nextAt ?? null) : null;
  useEffect(() => {
    if (nextAt === null || commandInFlight) return;
    const id = setTimeout(() => refresh.current.revalidate(), Math.max(250, nextAt - serverNow() + 250));
    return () => clearTimeout(id);
  }, [nextAt, serverNow, commandInFlight]);

  return (
    <>
      <noscript>
        <meta httpEquiv="refresh" content={String(NOSCRIPT_REFRESH_S)} />
      </noscript>
      <Projector
        stage={live}
        serverNow={serverNow}
        connection={connection}
        vote={{ url: page.voteUrl, shortUrl: page.shortVoteUrl, code: page.presence?.code ?? null, inHallOnly: page.inHallOnly }}
      />
      {page.canControl ? (
        <>
          <p className="visually-hidden">{t('stage.projector.keysHelp')}</p>
          <ProjectorKeys year={page.year} step={live.reveal?.step ?? 0} />
        </>
      ) : null}
    </>
  );
}
