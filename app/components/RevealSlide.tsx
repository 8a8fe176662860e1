/**
 * One step of the winners' reveal on the projector. Each step is remounted (keyed by its number)
 * so that its entrance plays once; with prefers-reduced-motion it simply appears.
 */
import type { RevealSlide } from '~/domain/stage';
import { useT, type T } from '~/i18n';

/** A seal hash in groups of eight, readable from a distance and by screen readers. */
export function sealGroups(hash: string): string[] {
  return hash.match(/.{1,8}/g) ?? [];
}

function Medal({ place }: { place: number }) {
  return (
    <span className={`medal medal--${place}`} aria-hidden="true">
      {place}
    </span>
  );
}

function names(t: T, winners: { name: string }[]) {
  return winners.map((w) => w.name).join(` ${t('stage.reveal.and')} `);
}

export function RevealSlideView({ slide, step, total }: { slide: RevealSlide; step: number; total: number }) {
  const { t, lang } = useT();
  const progress = <p className="reveal__progress">{t('stage.reveal.progress', { step, total })}</p>;

  if (slide.kind === 'peoplesChoice') {
    return (
      <section className="reveal" data-slide={slide.suspense ? 'peoplesChoice-suspense' : 'peoplesChoice'}>
        <p className="reveal__eyebrow">{t('stage.reveal.peoplesChoice.title')}</p>
        {slide.suspense ? (
          <p className="reveal__suspense">{t('stage.reveal.peoplesChoice.suspense')}</p>
        ) : slide.winners.length === 0 ? (
          <p className="reveal__suspense">{t('stage.reveal.peoplesChoice.none')}</p>
        ) : (
          <>
            <h2 className="reveal__winner">{names(t, slide.winners)}</h2>
            <p className="reveal__detail">
              {slide.winners.length > 1 ? `${t('stage.reveal.tie')} · ` : ''}
              {t(slide.winners[0].votes === 1 ? 'stage.reveal.peoplesChoice.votesOne' : 'stage.reveal.peoplesChoice.votes', {
                votes: slide.winners[0].votes,
                total: slide.totalVotes,
              })}
            </p>
          </>
        )}
        {progress}
      </section>
    );
  }

  if (slide.kind === 'place') {
    return (
      <section className="reveal" data-slide={slide.suspense ? `place-${slide.place}-suspense` : `place-${slide.place}`}>
        <p className="reveal__eyebrow">
          <Medal place={slide.place} /> {t(`stage.reveal.place.${slide.place}`)}
        </p>
        {slide.suspense ? (
          <p className="reveal__suspense">{t(`stage.reveal.placeSuspense.${slide.place}`)}</p>
        ) : (
          <>
            <h2 className="reveal__winner">{names(t, slide.winners)}</h2>
            {slide.winners.length > 1 ? <p className="reveal__detail">{t('stage.reveal.tie')}</p> : null}
          </>
        )}
        {progress}
      </section>
    );
  }

  if (slide.kind === 'tracks') {
    return (
      <section className="reveal reveal--tracks" data-slide="tracks">
        <h2 className="reveal__title">{t('stage.reveal.tracks.title')}</h2>
        <ul className="reveal-tracks">
          {slide.tracks.map((track) => (
            <li key={track.nameEn} className="reveal-tracks__item">
              <span className="reveal-tracks__track">{lang === 'fr' ? track.nameFr : track.nameEn}</span>
              <span className="reveal-tracks__winner">{names(t, track.winners)}</span>
              {track.winners.length > 1 ? <span className="reveal-ranking__tie">{t('stage.reveal.tie')}</span> : null}
            </li>
          ))}
        </ul>
        {progress}
      </section>
    );
  }

  return (
    <section className="reveal reveal--ranking" data-slide="ranking">
      <h2 className="reveal__title">{t('stage.reveal.ranking.title')}</h2>
      <ol className="reveal-ranking" style={{ gridTemplateRows: `repeat(${Math.ceil(slide.ranking.length / 2)}, auto)` }}>
        {slide.ranking.map((entry) => (
          <li
            key={entry.applicationId}
            className={entry.rank <= 3 ? 'reveal-ranking__item reveal-ranking__item--podium' : 'reveal-ranking__item'}
          >
            <span className="reveal-ranking__rank">{entry.rank}</span>
            <span className="reveal-ranking__name">{entry.name}</span>
            {entry.tie ? <span className="reveal-ranking__tie">{t('stage.reveal.tie')}</span> : null}
          </li>
        ))}
      </ol>
      {slide.unranked.length > 0 ? (
        <p className="reveal__detail">
          {t('stage.reveal.ranking.unranked')} {slide.unranked.map((u) => u.name).join(', ')}
        </p>
      ) : null}
      <p className="reveal__detail">
        {slide.peoplesChoice.length > 0
          ? t(slide.totalVotes === 1 ? 'stage.reveal.ranking.peoplesChoiceOne' : 'stage.reveal.ranking.peoplesChoice', {
              names: names(t, slide.peoplesChoice),
              total: slide.totalVotes,
            })
          : t('stage.reveal.peoplesChoice.none')}
      </p>
      <div className="reveal__seal">
        <p className="reveal__seal-label">{t('stage.reveal.ranking.seal')}</p>
        <p className="reveal__seal-hash" aria-label={slide.sealHash}>
          {sealGroups(slide.sealHash).map((group, i) => (
            <span key={i}>{group}</span>
          ))}
        </p>
      </div>
      {progress}
    </section>
  );
}

/** The words a screen reader hears for a step (the projector's live region). */
export function revealAnnouncement(t: T, slide: RevealSlide): string {
  switch (slide.kind) {
    case 'peoplesChoice':
      if (slide.suspense) return t('stage.reveal.peoplesChoice.suspense');
      return slide.winners.length === 0
        ? t('stage.reveal.peoplesChoice.none')
        : `${t('stage.reveal.peoplesChoice.title')}: ${names(t, slide.winners)}`;
    case 'place':
      return slide.suspense
        ? t(`stage.reveal.placeSuspense.${slide.place}`)
        : `${t(`stage.reveal.place.${slide.place}`)}: ${names(t, slide.winners)}`;
    case 'tracks':
      return `${t('stage.reveal.tracks.title')}: ${slide.tracks.map((track) => names(t, track.winners)).join(', ')}`;
    case 'ranking':
      return t('stage.reveal.ranking.title');
  }
}
