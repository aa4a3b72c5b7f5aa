// Codes of the timetable in words, for the planner's and the maintenance pages: the resource two trains clash on and
// the owner of a path (a train on a date, or a possession), never shown as a bare code.
import { t } from '/lib/i18n.js';

/**
 * A resource in words: LINE:A-B (the single line between two points), BLOCK:A-B:S:n (a block section, southbound or
 * northbound), TRACK:S:n (a station track); pointName names a point in the reader's language. Anything else keeps
 * its code.
 */
export function resourceName(r, pointName) {
  let m = /^LINE:([^-:]+)-([^-:]+)$/.exec(r);
  if (m) return t('planner.res.LINE', { from: pointName(m[1]), to: pointName(m[2]) });
  m = /^BLOCK:([^-:]+)-([^-:]+):([SN]):(\d+)$/.exec(r);
  if (m) {
    return t('planner.res.BLOCK', { from: pointName(m[1]), to: pointName(m[2]), n: m[4],
      dir: t(m[3] === 'S' ? 'planner.res.south' : 'planner.res.north') });
  }
  m = /^TRACK:([^:]+):(.+)$/.exec(r);
  if (m) return t('planner.res.TRACK', { station: pointName(m[1]), track: m[2] });
  return r;
}

/** The owner of a path: "D87@2026-12-01" → "D87 on 2026-12-01"; a possession's id as it is. */
export function ownerLabel(id) {
  const at = String(id || '').indexOf('@');
  return at > 0 ? t('planner.ownerOn', { train: id.slice(0, at), date: id.slice(at + 1) }) : String(id || '');
}
