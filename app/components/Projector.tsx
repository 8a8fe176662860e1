/**
 * The projector: one 16:9 screen for the hall, readable from the back. It shows, by priority,
 * the reveal, the startup on stage with its timer (and beside them, while the audience vote is
 * open, its QR code), the audience vote alone between pitches, or the running order.
 * Presentational: the route feeds it the live state and the vote's address (with the presence
 * code, decision 034, when the projector is an organiser's).
 */
import { projectorView, type PublicStage, type StageFinalist } from '~/domain/stage';
import { editionName } from '~/domain/edition';
import { useT, type Lang, type T } from '~/i18n';
import { QrCode } from './QrCode';
import { revealAnnouncement, RevealSlideView } from './RevealSlide';
import type { StageConnection } from './StageEvents';
import { StageLogo } from './StageLogo';
import { Timer } from './Timer';

function trackOf(finalist: StageFinalist, lang: Lang): string | null {
  return lang === 'fr' ? finalist.trackFr : finalist.trackEn;
}

/** What a screen reader hears when the projector changes (one short sentence). */
export function projectorAnnouncement(t: T, stage: PublicStage): string {
  const view = projectorView(stage);
  if (view === 'reveal') return revealAnnouncement(t, stage.reveal!.slide);
  if (view === 'vote') return t('stage.projector.vote.announce');
  if (view === 'onStage') {
    const current = stage.runningOrder.find((f) => f.applicationId === stage.currentApplicationId);
    const onStage = current ? t('stage.projector.onStage.announce', { name: current.name }) : '';
    return stage.voteOpen ? `${onStage} ${t('stage.projector.vote.announce')}` : onStage;
  }
  return t('stage.projector.order.title');
}

/** Where the audience votes: the address, and the presence code when the projector has it. */
export interface ProjectorVote {
  url: string;
  shortUrl: string;
  /** The presence code the QR code carries (also shown to type); null without the presence check. */
  code: string | null;
  /** The presence check is on but this screen has no code (not an organiser's): no QR code to scan. */
  inHallOnly: boolean;
}

function OnStage({ stage, serverNow, vote }: { stage: PublicStage; serverNow: () => number; vote: ProjectorVote }) {
  const { t, lang } = useT();
  const current = stage.runningOrder.find((f) => f.applicationId === stage.currentApplicationId)!;
  const position = stage.runningOrder.indexOf(current) + 1;
  const track = trackOf(current, lang);
  const withVote = stage.voteOpen;
  return (
    <section className={withVote ? 'projector-stage projector-stage--with-vote' : 'projector-stage'} aria-labelledby="projector-current">
      <div className="projector-stage__main">
        <div className="projector-stage__startup">
          <p className="projector__eyebrow">
            {t('stage.projector.onStage.eyebrow', {
              position,
              total: stage.runningOrder.length,
            })}
          </p>
          <div className="projector-stage__identity">
            <StageLogo name={current.name} logoUrl={current.logoUrl} className="stage-logo--large" />
            <h1 id="projector-current" className="projector-stage__name">
              {current.name}
            </h1>
          </div>
          {current.oneLiner ? <p className="projector-stage__one-liner">{current.oneLiner}</p> : null}
          {track ? <p className="projector-stage__track">{track}</p> : null}
        </div>
        {stage.timer ? (
          <div className="projector-stage__timer">
            <Timer timer={stage.timer} serverNow={serverNow} initialNow={stage.now} variant="projector" />
          </div>
        ) : null}
      </div>
      {withVote ? <VoteAside vote={vote} /> : null}
    </section>
  );
}

/** The vote beside the pitch: the QR code, the address, and the code to type. */
function VoteAside({ vote }: { vote: ProjectorVote }) {
  const { t } = useT();
  return (
    <aside className="projector-vote-aside" aria-labelledby="projector-vote-aside-title">
      <p id="projector-vote-aside-title" className="projector__eyebrow">
        {t('stage.projector.vote.eyebrow')}
      </p>
      {vote.inHallOnly ? (
        <p className="projector-vote-aside__text">{t('stage.projector.vote.inHall')}</p>
      ) : (
        <>
          <QrCode
            text={vote.code ? `${vote.url}?c=${vote.code}` : vote.url}
            label={t('stage.projector.vote.qrLabel', { url: vote.shortUrl })}
            className="projector-vote__qr projector-vote-aside__qr"
          />
          <p className="projector-vote-aside__text">{t('stage.projector.vote.short')}</p>
          <p className="projector-vote__url projector-vote-aside__url">{vote.shortUrl}</p>
          {vote.code ? <PresenceCode code={vote.code} /> : null}
        </>
      )}
    </aside>
  );
}

function PresenceCode({ code }: { code: string }) {
  const { t } = useT();
  return (
    <p
      className="projector-vote__code-text"
      aria-label={t('stage.projector.vote.codeLabel', {
        code: code.split('').join(' '),
      })}
    >
      {t('stage.projector.vote.code', { code })}
    </p>
  );
}

function RunningOrder({ stage }: { stage: PublicStage }) {
  const { t, lang } = useT();
  const compact = stage.runningOrder.length > 8;
  return (
    <section className="projector-order" aria-labelledby="projector-order-title">
      <h1 id="projector-order-title" className="projector__title">
        {t('stage.projector.order.title')}
      </h1>
      {stage.runningOrder.length === 0 ? (
        <p className="projector__lead">{t('stage.projector.order.empty')}</p>
      ) : (
        <ol
          className={compact ? 'projector-order__list projector-order__list--compact' : 'projector-order__list'}
          style={{
            gridTemplateRows: `repeat(${Math.ceil(stage.runningOrder.length / 2)}, auto)`,
          }}
        >
          {stage.runningOrder.map((finalist, i) => {
            const track = trackOf(finalist, lang);
            return (
              <li key={finalist.applicationId} className="projector-order__item">
                <span className="projector-order__position">{i + 1}</span>
                <StageLogo name={finalist.name} logoUrl={finalist.logoUrl} />
                <span className="projector-order__text">
                  <span className="projector-order__name">{finalist.name}</span>
                  {track ? <span className="projector-order__track">{track}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function Vote({ vote }: { vote: ProjectorVote }) {
  const { t } = useT();
  return (
    <section className="projector-vote" aria-labelledby="projector-vote-title">
      {vote.inHallOnly ? null : (
        <div className="projector-vote__code">
          <QrCode
            text={vote.code ? `${vote.url}?c=${vote.code}` : vote.url}
            label={t('stage.projector.vote.qrLabel', { url: vote.shortUrl })}
            className="projector-vote__qr"
          />
        </div>
      )}
      <div className="projector-vote__text">
        <p className="projector__eyebrow">{t('stage.projector.vote.eyebrow')}</p>
        <h1 id="projector-vote-title" className="projector__title">
          {t('stage.projector.vote.title')}
        </h1>
        {vote.inHallOnly ? (
          <p className="projector__lead">{t('stage.projector.vote.inHall')}</p>
        ) : (
          <>
            <p className="projector__lead">{t('stage.projector.vote.scan')}</p>
            <p className="projector-vote__url">{vote.shortUrl}</p>
            {vote.code ? <PresenceCode code={vote.code} /> : null}
            <p className="projector__lead">{t('stage.projector.vote.once')}</p>
          </>
        )}
      </div>
    </section>
  );
}

export function Projector({
  stage,
  serverNow,
  connection,
  vote,
}: {
  stage: PublicStage;
  serverNow: () => number;
  connection: StageConnection;
  vote: ProjectorVote;
}) {
  const { t, lang } = useT();
  const view = projectorView(stage);
  return (
    <div
      className={`projector projector--${view}${connection === 'reconnecting' ? ' projector--stale' : ''}`}
      data-view={view}
      data-connection={connection}
    >
      <header className="projector__bar">
        <p className="projector__brand">
          <span className="projector__mark" aria-hidden="true">
            ★
          </span>{' '}
          {editionName({ name: stage.editionName, nameFr: stage.editionNameFr }, lang)} · {t('stage.projector.final')}
        </p>
        <div className="projector__status">
          {stage.scoringOpen && view === 'onStage' ? <p className="projector__chip">{t('stage.projector.scoringOpen')}</p> : null}
          {connection === 'reconnecting' ? (
            <p className="projector__chip projector__chip--warning" role="status">
              {t('stage.live.reconnecting')}
            </p>
          ) : null}
        </div>
      </header>
      <div className="projector__body">
        {view === 'reveal' ? (
          <>
            <h1 className="visually-hidden">{t('stage.reveal.heading')}</h1>
            <RevealSlideView key={stage.reveal!.step} slide={stage.reveal!.slide} step={stage.reveal!.step} total={stage.reveal!.total} />
          </>
        ) : view === 'vote' ? (
          <Vote vote={vote} />
        ) : view === 'onStage' ? (
          <OnStage stage={stage} serverNow={serverNow} vote={vote} />
        ) : (
          <RunningOrder stage={stage} />
        )}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {projectorAnnouncement(t, stage)}
      </p>
    </div>
  );
}
