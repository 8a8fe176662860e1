/**
 * The application window of an edition, typed as a wall-clock time in the edition's zone
 * (Europe/Paris) and stored as an instant. Pure: no I/O, no React.
 *
 * Wall-clock times and daylight saving: in Paris, on the last Sunday of March the clocks jump
 * from 02:00 to 03:00 (02:30 does not exist that day), and on the last Sunday of October they go
 * back from 03:00 to 02:00 (02:30 happens twice). A time that does not exist is refused; a time
 * that happens twice is the first of the two (summer time), and the page shows the exact instant
 * with its UTC offset, so nobody has to guess.
 */

/** The zone every edition states its deadlines in (the summit is in Paris). */
export const EDITION_TIME_ZONE = 'Europe/Paris';

// ─── Wall-clock times in a zone ─────────────────────────────────────────────

/** `YYYY-MM-DDTHH:mm`, as an `<input type="datetime-local">` sends it. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function zonedParts(instant: number, timeZone: string) {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at this instant, in minutes (Paris: 60 in winter, 120 in summer). */
export function zoneOffsetMinutes(instant: Date | number, timeZone: string): number {
  const t = new Date(instant).getTime();
  const p = zonedParts(t, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(t / 1000) * 1000) / 60_000);
}

/** The wall-clock time of an instant in the zone, `YYYY-MM-DDTHH:mm` (what the form shows). */
export function instantToLocal(instant: Date | number, timeZone: string): string {
  const p = zonedParts(new Date(instant).getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

export type LocalToInstant =
  | { ok: true; instant: Date; /** The time happens twice that day (clocks went back); this is the first. */ ambiguous: boolean }
  | { ok: false; reason: 'invalid' | 'nonexistent' };

/** The instant a wall-clock time in the zone stands for (see the module's comment for DST). */
export function localToInstant(local: string, timeZone: string): LocalToInstant {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return { ok: false, reason: 'invalid' };
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return { ok: false, reason: 'invalid' };
  }
  // The offsets in force around that day: a wall-clock time is `guess - offset` for one of them.
  const offsets = new Set([-36, -12, 0, 12, 36].map((h) => zoneOffsetMinutes(guess + h * 3_600_000, timeZone)));
  const instants = [...offsets]
    .map((offset) => guess - offset * 60_000)
    .filter((t) => instantToLocal(t, timeZone) === local)
    .sort((a, b) => a - b);
  if (instants.length === 0) return { ok: false, reason: 'nonexistent' };
  return { ok: true, instant: new Date(instants[0]), ambiguous: new Set(instants).size > 1 };
}

/** `UTC+02:00`: the offset as people read it next to a time. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The exact instant as a reader checks it: the zone's wall-clock time, its offset, and UTC. */
export function exactInstant(instant: Date | number, timeZone: string) {
  const t = new Date(instant);
  return {
    local: instantToLocal(t, timeZone).replace('T', ' '),
    offset: formatOffset(zoneOffsetMinutes(t, timeZone)),
    utc: `${t.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
}
