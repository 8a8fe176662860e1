/**
 * The projector: one 16:9 screen for the hall, readable from the back. It shows, by priority,
 * the reveal, the audience vote (QR code and short address), the startup on stage with its timer,
 * or the running order between pitches. Presentational: the route feeds it the live state.
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
    return current ? t('stage.projector.onStage.announce', { name: current.name }) : '';
  }
  return t('stage.projector.order.title');
}

function OnStage({ stage, serverNow }: { stage: PublicStage; serverNow: () => number }) {
  const { t, lang } = useT();
  const current = stage.runningOrder.find((f) => f.applicationId === stage.currentApplicationId)!;
  const position = stage.runningOrder.indexOf(current) + 1;
  const track = trackOf(current, lang);
  return (
    <section className="projector-stage" aria-labelledby="projector-current">
      <div className="projector-stage__startup">
        <p className="projector__eyebrow">{t('stage.projector.onStage.eyebrow', { position, total: stage.runningOrder.length })}</p>
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
    </section>
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
          style={{ gridTemplateRows: `repeat(${Math.ceil(stage.runningOrder.length / 2)}, auto)` }}
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

function Vote({ voteUrl, shortVoteUrl }: { voteUrl: string; shortVoteUrl: string }) {
  const { t } = useT();
  return (
    <section className="projector-vote" aria-labelledby="projector-vote-title">
      <div className="projector-vote__code">
        <QrCode text={voteUrl} label={t('stage.projector.vote.qrLabel', { url: shortVoteUrl })} className="projector-vote__qr" />
      </div>
      <div className="projector-vote__text">
        <p className="projector__eyebrow">{t('stage.projector.vote.eyebrow')}</p>
        <h1 id="projector-vote-title" className="projector__title">
          {t('stage.projector.vote.title')}
        </h1>
        <p className="projector__lead">{t('stage.projector.vote.scan')}</p>
        <p className="projector-vote__url">{shortVoteUrl}</p>
        <p className="projector__lead">{t('stage.projector.vote.once')}</p>
      </div>
    </section>
  );
}

export function Projector({
  stage,
  serverNow,
  connection,
  voteUrl,
  shortVoteUrl,
}: {
  stage: PublicStage;
  serverNow: () => number;
  connection: StageConnection;
  voteUrl: string;
  shortVoteUrl: string;
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
          <Vote voteUrl={voteUrl} shortVoteUrl={shortVoteUrl} />
        ) : view === 'onStage' ? (
          <OnStage stage={stage} serverNow={serverNow} />
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
