// The station board (board.html?station=LPB, public): the day's trains at a station, departures and arrivals, with
// the scheduled and the expected time in the station's own zone (Lao time in Laos, Beijing time in China), from
// GET /api/operations/forecast/stations/{code}. It refreshes every 30 s of the server's clock and on a language change.
// Every network served has its stations here (GET /api/networks): a station's day is its network's service day.
import { initPage, api, h, errorText } from '/lib/common.js';
import { t, localName, locale } from '/lib/i18n.js';
import { fmtDate } from '/lib/tickets.js';
import { offsetAtInstant, utcText } from '/lib/zones.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 30000;
let points = [];
let networks = [];
let timer = null;

const pointOf = (code) => points.find((p) => p.code === code);
const nameOf = (code) => { const p = pointOf(code); return p ? localName(p.names) : code; };
const clock = (iso, zone) => new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23', timeZone: zone }).format(new Date(iso));
/** "UTC+7" for a zone at an instant, from the browser's own zone data (any network's zone, not a list of them). */
const utcOffset = (zone, iso) => utcText(offsetAtInstant(zone, new Date(iso))) || zone;

function status(delay, done, kind) {
  if (done) return t(kind === 'dep' ? 'board.departed' : 'board.arrived');
  const n = Math.round(delay / 60);
  if (n >= 1) return t('board.late', { n });
  if (n <= -1) return t('board.early', { n: -n });
  return t('board.onTime');
}

function table(calls, kind, zone) {
  if (!calls.length) return h('p', {}, t('board.none'));
  return h('table', {},
    h('thead', {}, h('tr', {}, ['board.scheduled', 'board.train', kind === 'dep' ? 'board.to' : 'board.from',
      'board.expected', 'board.status'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, calls.map((c) => {
      const planned = kind === 'dep' ? c.plannedDeparture : c.plannedArrival;
      const expected = kind === 'dep' ? c.forecastDeparture : c.forecastArrival;
      const done = kind === 'dep' ? !!c.actualDeparture : !!c.actualArrival;
      const delay = (new Date(expected) - new Date(planned)) / 1000;
      return h('tr', { 'data-train': c.train, class: `${delay >= 60 ? 'late' : ''} ${done ? 'done' : ''}`.trim() },
        h('td', { class: 'time' }, clock(planned, zone)),
        h('th', { scope: 'row' }, c.train),
        h('td', {}, nameOf(kind === 'dep' ? c.to : c.from)),
        h('td', { class: 'expected' }, clock(expected, zone)),
        h('td', { class: 'status' }, status(delay, done, kind)));
    })));
}

async function load() {
  const code = $('station').value;
  const p = pointOf(code);
  $('board-error').hidden = true;
  if (!p) { $('board-error').textContent = t('board.unknown'); $('board-error').hidden = false; return; }
  try {
    const now = await api('/api/operations/clock');
    const network = networks.find((n) => n.code === p.network) || networks[0];
    const date = new Intl.DateTimeFormat('sv-SE', { timeZone: network.serviceZone }).format(new Date(now.now));
    const calls = (await api(`/api/operations/forecast/stations/${encodeURIComponent(code)}?date=${date}`))
      .filter((c) => c.priority === 'PASSENGER');
    const zone = p.timeZone;
    $('board-title').textContent = `${t('board.title')} · ${localName(p.names)}`;
    // the day in the reader's calendar: in Thai the Buddhist Era (2026 is 2569); the request above stays ISO
    $('board-zone').textContent = `${t('board.day', { date: fmtDate(date) })} · ${t('board.localTime', { zone: utcOffset(zone, now.now) })}`;
    const byTime = (key) => (a, b) => new Date(a[key]) - new Date(b[key]);
    $('departures').replaceChildren(table(calls.filter((c) => c.plannedDeparture && c.forecastDeparture)
      .sort(byTime('forecastDeparture')), 'dep', zone));
    $('arrivals').replaceChildren(table(calls.filter((c) => c.plannedArrival && c.forecastArrival)
      .sort(byTime('forecastArrival')), 'arr', zone));
    $('board-updated').textContent = t('board.updated', { time: clock(now.now, zone) });
  } catch (err) {
    $('board-error').textContent = errorText(err);
    $('board-error').hidden = false;
  }
}

function fillStations() {
  const sel = $('station');
  const value = sel.value;
  sel.replaceChildren(...points.map((p) => h('option', { value: p.code }, `${localName(p.names)} (${p.code})`)));
  if (value) sel.value = value;
}

async function main() {
  await initPage({ titleKey: 'board.title' });
  networks = await api('/api/networks');
  const lists = await Promise.all(networks.map((n) => api(`/api/networks/${encodeURIComponent(n.code)}/points`)));
  points = lists.flat().filter((p) => p.kind === 'PASSENGER');
  fillStations();
  const wanted = (new URLSearchParams(location.search).get('station') || '').toUpperCase();
  $('station').value = pointOf(wanted) ? wanted : points[0].code;
  if (wanted && !pointOf(wanted)) { $('board-error').textContent = t('board.unknown'); $('board-error').hidden = false; }
  $('station-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('station', $('station').value);
    history.replaceState(null, '', url);
    load();
  });
  document.addEventListener('lang-change', () => { fillStations(); load(); });
  await load();
  timer = setInterval(load, REFRESH_MS);
}

main();
