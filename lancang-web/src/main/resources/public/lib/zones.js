// Time zones as the pages show them, worked out from the network's own points: no page knows a network's zones
// beforehand (a folder served from disk may run in any zone), so none keeps a list of them.
import { t, has, nameIn, getLang } from '/lib/i18n.js';

/** A zone's offset from UTC in minutes at an instant, from Intl's longOffset ("GMT+07:00"); null where Intl lacks it. */
function minutesAt(zone, instant) {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(instant).find((x) => x.type === 'timeZoneName');
    if (part && part.value === 'GMT') return 0;
    const m = part && /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(part.value);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] || 0)) : null;
  } catch {
    return null; // an old browser, or a zone it does not know
  }
}

const iso = (minutes) => {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
};

/**
 * The zone's UTC offset as "+07:00" at a local date-time there (YYYY-MM-DDTHH:MM): summer time counts, so a time
 * typed for July in Europe/Oslo gets +02:00 and one for January +01:00. A browser without Intl's offsets takes it
 * from a time the API gave in that zone (given, "…T21:25:00+07:00"), else gets null: no fixed list stands in.
 */
export function offsetAt(zone, localDateTime, given) {
  const wall = new Date(`${localDateTime.slice(0, 16)}:00Z`);
  const first = Number.isNaN(wall.getTime()) ? null : minutesAt(zone, wall);
  if (first !== null) {
    // the offset of the instant that wall time names: asked once more there, since it may differ across a change
    const second = minutesAt(zone, new Date(wall.getTime() - first * 60000));
    return iso(second ?? first);
  }
  const m = given && /([+-]\d{2}:\d{2}|Z)$/.exec(given);
  if (!m) return null;
  return m[1] === 'Z' ? '+00:00' : m[1];
}

/** The zone's offset at an instant (now, if none), as "+07:00"; null where the browser cannot tell. */
export function offsetAtInstant(zone, instant = new Date()) {
  const minutes = minutesAt(zone, instant);
  return minutes === null ? null : iso(minutes);
}

/** "+07:00" as "UTC+7", "+05:30" as "UTC+5:30", "+00:00" as "UTC"; nothing for no offset. */
export function utcText(offset) {
  if (!offset) return '';
  if (offset === '+00:00' || offset === '-00:00') return 'UTC';
  return `UTC${offset.replace(/^([+-])0?(\d+):(\d{2})$/, (_, sign, h, m) => `${sign}${h}${m === '00' ? '' : `:${m}`}`)}`;
}

/**
 * A zone named by the countries whose points keep it ("Thailand time", "China / Laos time", "Norway time"), from the
 * points as the API gives them (border points, shared by two countries, left out); the zone's own id where no point
 * keeps it.
 */
export function zoneLabel(zone, points) {
  const countries = new Map();
  for (const p of points || []) {
    if (p.timeZone === zone && p.kind !== 'BORDER' && !countries.has(p.country)) countries.set(p.country, p.countryNames);
  }
  if (!countries.size) return zone;
  return t('zone.of', { countries: [...countries].map(([code, names]) => countryName(code, names)).join(' / ') });
}

/**
 * A country's name in the page's language from the network's own data (its countries.csv, as each point carries it),
 * so a network the pages have never seen reads as well as the shipped ones. A language the file has no column for
 * (Thai) takes the pages' own word for a country they know, then the file's English name, then the code.
 */
export function countryName(code, names) {
  const known = `country.${code}`;
  return nameIn(names, getLang()) || (has(known) ? t(known) : '') || nameIn(names, 'en') || code;
}
