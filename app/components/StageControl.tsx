/**
 * The stage control, on the organiser's laptop backstage: the running order, who is on stage,
 * the pitch and Q&A timers, scoring and the audience vote, and the reveal. Every button is a
 * form (StageCommandForm); the state shown is the live one, so two laptops show the same thing.
 */
import type { ReactNode } from 'react';
import { TIMER_PRESETS_MS, VOTE_DEFAULTS, VOTE_MAX_PER_ADDRESS_RANGE, type PublicStage } from '~/domain/stage';
import { useT, type Lang, type MessageKey } from '~/i18n';
import { ConfirmedCommand, StageCommandButton, StageCommandForm } from './StageCommandForm';
import { StatusBadge } from './StatusBadge';
import type { StageConnection } from './StageEvents';
import { StageLogo } from './StageLogo';
import { Timer } from './Timer';

export interface StageControlData {
  year: number;
  editionStatus: PublicStage['editionStatus'];
  action: string;
  projectorUrl: string;
  voteUrl: string;
  finalRound: { id: number; nameFr: string; nameEn: string; state: 'open' | 'locked'; sealHash: string | null } | null;
  revealSteps: { key: MessageKey; params: Record<string, number> }[];
  ballots: number;
  voteSettings: { maxPerAddress: number; presenceCheck: boolean };
}

function trackName(lang: Lang, f: { trackFr: string | null; trackEn: string | null }) {
  return lang === 'fr' ? f.trackFr : f.trackEn;
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="stage-panel" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`} className="stage-panel__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function State({ on, children }: { on: boolean; children: ReactNode }) {
  return (
    <p className={on ? 'stage-state stage-state--on' : 'stage-state'}>
      <span className="stage-state__mark" aria-hidden="true">
        {on ? '●' : '○'}
      </span>{' '}
      {children}
    </p>
  );
}

export function StageControl({
  data,
  stage,
  serverNow,
  connection,
}: {
  data: StageControlData;
  stage: PublicStage;
  serverNow: () => number;
  connection: StageConnection;
}) {
  const { t, lang } = useT();
  const v = stage.version;
  const current = stage.runningOrder.find((f) => f.applicationId === stage.currentApplicationId) ?? null;
  const inFinal = data.editionStatus === 'final';
  const revealing = stage.reveal !== null;
  // A reveal under way may finish after publication; nothing else moves then.
  const canReveal = inFinal || (data.editionStatus === 'published' && revealing);
  const step = stage.reveal?.step ?? 0;
  const nextStep = data.revealSteps[step] ?? null;
  const sealed = Boolean(data.finalRound?.sealHash);
  const common = { action: data.action, version: v };
  // The next reveal step: at once while revealing, behind a confirmation to start.
  const revealNext = { ...common, intent: 'reveal.next', disabled: !canReveal || !sealed || !nextStep };
  // Nothing is open outside the live final, whatever the stored state says: the labels follow the edition.
  const scoringOn = stage.scoringOpen && inFinal;
  const voteOn = stage.voteOpen && inFinal;

  return (
    <div className="stage-control" data-connection={connection}>
      <div className="stage-control__bar">
        <p className={`stage-live stage-live--${connection}`} role="status">
          <span aria-hidden="true">{connection === 'live' ? '●' : '○'}</span> {t(`stage.live.${connection}`)}
        </p>
        <p className="stage-control__status">
          {t('stage.control.editionStatus')} <StatusBadge kind="edition" status={data.editionStatus} />
        </p>
        <p className="stage-control__links">
          <a href={data.projectorUrl} target="_blank" rel="noreferrer" className="button button--ghost">
            {t('stage.control.openProjector')}
          </a>
          <a href={data.voteUrl} target="_blank" rel="noreferrer" className="button button--ghost">
            {t('stage.control.openVote')}
          </a>
        </p>
      </div>

      {!inFinal ? (
        <p className="notice" role="note">
          {data.editionStatus === 'published' ? t('stage.errors.published') : t('stage.errors.notFinal')}
        </p>
      ) : null}

      <div className="stage-control__grid">
        <div className="stage-control__column">
          <Panel id="running-order" title={t('stage.control.order.title')}>
            {stage.runningOrder.length === 0 ? (
              <p className="muted">{t('stage.control.order.empty')}</p>
            ) : (
              <ol className="stage-order">
                {stage.runningOrder.map((f, i) => {
                  const isCurrent = f.applicationId === stage.currentApplicationId;
                  const track = trackName(lang, f);
                  return (
                    <li key={f.applicationId} className={isCurrent ? 'stage-order__item stage-order__item--current' : 'stage-order__item'}>
                      <span className="stage-order__position">{i + 1}</span>
                      <StageLogo name={f.name} logoUrl={f.logoUrl} />
                      <span className="stage-order__text">
                        <strong>{f.name}</strong>
                        {isCurrent ? <span className="badge stage-badge">{t('stage.control.order.onStage')}</span> : null}
                        {track ? <span className="stage-order__track">{track}</span> : null}
                      </span>
                      <span className="stage-order__actions">
                        {!isCurrent ? (
                          <ConfirmedCommand
                            {...common}
                            intent="current.select"
                            formId={`current.select:${f.applicationId}`}
                            fields={{ applicationId: f.applicationId }}
                            disabled={!inFinal}
                            label={
                              <>
                                {t('stage.control.order.select')}
                                <span className="visually-hidden"> {f.name}</span>
                              </>
                            }
                            warning={t('stage.control.confirm.onStage', { name: f.name })}
                            confirm={t('stage.control.confirm.onStageAction', { name: f.name })}
                          />
                        ) : null}
                        <MoveButton {...common} finalist={f} direction="up" disabled={!inFinal || i === 0} />
                        <MoveButton {...common} finalist={f} direction="down" disabled={!inFinal || i === stage.runningOrder.length - 1} />
                      </span>
                    </li>
                  );
                })}
              </ol>
            )}
          </Panel>
          <Panel id="reveal" title={t('stage.control.reveal.title')}>
            <State on={revealing}>
              {revealing && data.revealSteps[step - 1]
                ? t('stage.control.reveal.at', {
                    step,
                    total: data.revealSteps.length,
                    label: t(data.revealSteps[step - 1].key, data.revealSteps[step - 1].params),
                  })
                : t('stage.control.reveal.notStarted')}
            </State>
            {!sealed ? <p className="muted">{t('stage.control.reveal.needsSeal')}</p> : null}
            {nextStep ? <p className="muted">{t('stage.control.reveal.next', { label: t(nextStep.key, nextStep.params) })}</p> : null}
            <div className="stage-actions">
              <StageCommandButton
                {...common}
                intent="reveal.previous"
                primary={false}
                disabled={!canReveal || !revealing}
                label={
                  <>
                    <span aria-hidden="true">←</span> {t('stage.control.reveal.previous')}
                  </>
                }
              />
              {revealing ? (
                <StageCommandButton
                  {...revealNext}
                  label={
                    <>
                      {t('stage.control.reveal.nextAction')} <span aria-hidden="true">→</span>
                    </>
                  }
                />
              ) : (
                <ConfirmedCommand
                  {...revealNext}
                  label={
                    <>
                      {t('stage.control.reveal.start')} <span aria-hidden="true">→</span>
                    </>
                  }
                  warning={t('stage.control.confirm.reveal')}
                  confirm={t('stage.control.confirm.revealAction')}
                />
              )}
            </div>
            <p className="muted">{t('stage.control.reveal.keys')}</p>
          </Panel>
        </div>

        <div className="stage-control__column">
          <Panel id="on-stage" title={t('stage.control.current.title')}>
            {current ? (
              <>
                <p className="stage-current">
                  <StageLogo name={current.name} logoUrl={current.logoUrl} /> <strong>{current.name}</strong>
                </p>
                <ConfirmedCommand
                  {...common}
                  intent="current.select"
                  formId="current.select:none"
                  fields={{ applicationId: 'none' }}
                  disabled={!inFinal}
                  primary={false}
                  label={t('stage.control.current.clear')}
                  warning={t('stage.control.confirm.between')}
                  confirm={t('stage.control.confirm.betweenAction')}
                />
              </>
            ) : (
              <p className="muted">{t('stage.control.current.none')}</p>
            )}

            <h3 className="stage-panel__subtitle">{t('stage.control.timer.title')}</h3>
            {stage.timer ? (
              <Timer timer={stage.timer} serverNow={serverNow} initialNow={stage.now} variant="control" />
            ) : (
              <p className="muted">{t('stage.control.timer.none')}</p>
            )}
            <div className="stage-timer-presets">
              {(['pitch', 'qa'] as const).map((kind) => (
                <StageCommandForm
                  key={kind}
                  {...common}
                  intent="timer.start"
                  formId={`timer.start:${kind}`}
                  fields={{ kind }}
                  className="stage-form stage-form--inline"
                >
                  <label className="stage-minutes">
                    <span>{t(`stage.control.timer.minutes.${kind}`)}</span>
                    <input
                      type="number"
                      name="minutes"
                      min={0.25}
                      max={60}
                      step={0.25}
                      defaultValue={TIMER_PRESETS_MS[kind] / 60_000}
                      inputMode="decimal"
                      className="field__input"
                    />
                  </label>
                  <button type="submit" className="button button--primary" disabled={!inFinal || !current}>
                    {t(`stage.control.timer.start.${kind}`)}
                  </button>
                </StageCommandForm>
              ))}
            </div>
            {stage.timer ? (
              <div className="stage-actions">
                {stage.timer.startedAt !== null ? (
                  <StageCommandButton {...common} intent="timer.pause" primary={false} disabled={!inFinal} label={t('stage.control.timer.pause')} />
                ) : (
                  <StageCommandButton
                    {...common}
                    intent="timer.resume"
                    primary={false}
                    disabled={!inFinal}
                    label={stage.timer.elapsedMs === 0 ? t('stage.control.timer.start') : t('stage.control.timer.resume')}
                  />
                )}
                <StageCommandButton {...common} intent="timer.reset" primary={false} disabled={!inFinal} label={t('stage.control.timer.reset')} />
              </div>
            ) : null}
          </Panel>

          <Panel id="scoring" title={t('stage.control.scoring.title')}>
            <State on={scoringOn}>
              {scoringOn && current
                ? t('stage.control.scoring.openFor', { name: current.name })
                : t('stage.control.scoring.closed')}
            </State>
            {data.finalRound ? (
              <p className="muted">
                {t('stage.control.scoring.round', { round: lang === 'fr' ? data.finalRound.nameFr : data.finalRound.nameEn })}{' '}
                {sealed ? t('stage.control.scoring.sealed') : t(`status.round.${data.finalRound.state}`)}
              </p>
            ) : (
              <p className="muted">{t('stage.errors.noFinalRound')}</p>
            )}
            {scoringOn ? (
              <StageCommandButton {...common} intent="scoring.close" disabled={!inFinal} label={t('stage.control.scoring.close')} />
            ) : (
              <StageCommandButton
                {...common}
                intent="scoring.open"
                disabled={!inFinal || !current || revealing}
                label={current ? t('stage.control.scoring.open', { name: current.name }) : t('stage.control.scoring.openNone')}
              />
            )}
          </Panel>

          <Panel id="vote" title={t('stage.control.vote.title')}>
            <State on={voteOn}>{voteOn ? t('stage.control.vote.open') : t('stage.control.vote.closed')}</State>
            <p className="muted">
              {t(data.ballots === 1 ? 'stage.control.vote.ballotsOne' : 'stage.control.vote.ballots', { count: data.ballots })}
            </p>
            {voteOn ? (
              <ConfirmedCommand
                {...common}
                intent="vote.close"
                label={t('stage.control.vote.close')}
                warning={t('stage.control.confirm.voteClose')}
                confirm={t('stage.control.confirm.voteCloseAction')}
              />
            ) : (
              <ConfirmedCommand
                {...common}
                intent="vote.open"
                disabled={!inFinal || revealing}
                label={t('stage.control.vote.openAction')}
                warning={t('stage.control.confirm.voteOpen')}
                confirm={t('stage.control.confirm.voteOpenAction')}
              />
            )}
            <VoteSettings data={data} version={v} />
          </Panel>
        </div>
      </div>
    </div>
  );
}

/** The vote's rules for this edition (decision 034): the per-address limit and the presence check. */
function VoteSettings({ data, version }: { data: StageControlData; version: number }) {
  const { t } = useT();
  const { min, max } = VOTE_MAX_PER_ADDRESS_RANGE;
  const locked = data.editionStatus === 'published';
  return (
    <details className="stage-vote-settings">
      <summary>
        {t('stage.control.voteSettings.title')}{' '}
        <span className="muted">
          {t(data.voteSettings.presenceCheck ? 'stage.control.voteSettings.summaryOn' : 'stage.control.voteSettings.summaryOff', {
            max: data.voteSettings.maxPerAddress,
          })}
        </span>
      </summary>
      <StageCommandForm action={data.action} version={version} intent="vote.settings" className="stage-form stage-vote-settings__form">
        <label className="stage-minutes" htmlFor="vote-max-per-address">
          <span>{t('stage.control.voteSettings.limit')}</span>
        </label>
        <input
          id="vote-max-per-address"
          type="number"
          name="maxPerAddress"
          min={min}
          max={max}
          step={1}
          required
          defaultValue={data.voteSettings.maxPerAddress}
          className="field__input"
          aria-describedby="vote-max-per-address-hint"
          disabled={locked}
        />
        <p id="vote-max-per-address-hint" className="muted">
          {t('stage.control.voteSettings.limitHint', { default: VOTE_DEFAULTS.maxPerAddress })}
        </p>
        <label className="stage-checkbox">
          <input type="checkbox" name="presenceCheck" defaultChecked={data.voteSettings.presenceCheck} disabled={locked} />{' '}
          {t('stage.control.voteSettings.presence')}
        </label>
        <button type="submit" className="button button--ghost" disabled={locked}>
          {t('stage.control.voteSettings.save')}
        </button>
      </StageCommandForm>
    </details>
  );
}

/** Moves a finalist one place up or down the running order (an arrow, named for a screen reader). */
function MoveButton({
  finalist,
  direction,
  disabled,
  ...common
}: {
  action: string;
  version: number;
  finalist: { applicationId: number; name: string };
  direction: 'up' | 'down';
  disabled: boolean;
}) {
  const { t } = useT();
  return (
    <StageCommandForm
      {...common}
      intent="order.move"
      formId={`order.move:${finalist.applicationId}:${direction}`}
      fields={{ applicationId: finalist.applicationId, direction }}
    >
      <button
        type="submit"
        className="button button--ghost"
        disabled={disabled}
        aria-label={t(direction === 'up' ? 'stage.control.order.up' : 'stage.control.order.down', { name: finalist.name })}
      >
        <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span>
      </button>
    </StageCommandForm>
  );
}
