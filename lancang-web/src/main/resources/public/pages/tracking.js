// The shipper's tracking page (tracking.html): the consignments (GET /api/freight/tracking/consignments), the chosen
// one's ETA in the destination's local time, a strip map of the line with where its boxes are (each unit's latest
// step), and its events (actual, planned, estimated) in the reader's language
// (GET /api/freight/tracking/consignments/{id}).
import { initPage, api, h, s, errorText } from '/lib/common.js';
import { t, localName, locale } from '/lib/i18n.js';

const $ = (id) => document.getElementById(id);
let points = [];
let names = {};
const placeName = (code) => (names[code] ? localName(names[code]) : code);

/** A time in a zone, written for the reader's language. */
function inZone(iso, zone) {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: zone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(new Date(iso));
}

async function init() {
  const me = await initPage({ titleKey: 'tk.heading' });
  if (!me) { location.replace('/signin.html?next=/tracking.html'); return; }
  points = (await api('/api/network/points')).sort((a, b) => a.km - b.km);
  names = Object.fromEntries(points.map((p) => [p.code, p.names]));
  const list = await api('/api/freight/tracking/consignments');
  if (list.length === 0) {
    $('status').textContent = t('tk.none');
    return;
  }
  $('consignment').replaceChildren(...list.map((c) => h('option', { value: c.bookingId },
    `${c.consignmentNumber || c.bookingId} · ${c.train} · ${placeName(c.from)} → ${placeName(c.to)}`)));
  const wanted = new URLSearchParams(location.search).get('booking');
  if (wanted && list.some((c) => c.bookingId === wanted)) $('consignment').value = wanted;
  $('consignment').addEventListener('change', show);
  document.addEventListener('lang-change', show); // dates, steps and place names in the new language
  await show();
}

async function show() {
  try {
    const c = await api(`/api/freight/tracking/consignments/${encodeURIComponent($('consignment').value)}`);
    showEta(c);
    showStrip(c);
    showEvents(c);
  } catch (e) {
    $('status').textContent = errorText(e);
  }
}

function showEta(c) {
  if (!c.eta) { $('eta').textContent = t('tk.noEta'); return; }
  const zoneName = t(c.destinationZone === 'Asia/Shanghai' ? 'tk.zone.cn' : 'tk.zone.la');
  const late = Math.round(c.arrivalDelaySeconds / 60);
  $('eta').replaceChildren(
    h('strong', { id: 'eta-local' }, inZone(c.eta, c.destinationZone)), ' ',
    h('span', {}, t('tk.etaAt', { place: placeName(c.to), zone: zoneName })), ' ',
    h('span', { id: 'eta-delay', class: late > 0 ? 'late' : 'on-time' },
      late > 0 ? t('tk.late', { minutes: late }) : t('tk.onTime')));
}

/** The line as a strip from one end to the other, the freight stations and borders named, the boxes counted where they are. */
function showStrip(c) {
  const width = 900;
  const height = 110;
  const pad = 30;
  const min = points[0].km;
  const max = points[points.length - 1].km;
  const x = (km) => pad + ((km - min) / (max - min)) * (width - 2 * pad);
  const where = {};
  for (const u of c.units) {
    const at = u.lastLocation || c.from;
    where[at] = (where[at] || 0) + 1;
  }
  const marks = points.filter((p) => p.kind === 'FREIGHT' || p.kind === 'BORDER' || p.code === c.from || p.code === c.to);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('tk.strip'), class: 'strip-map' },
    s('line', { x1: pad, y1: 60, x2: width - pad, y2: 60, stroke: 'currentColor', 'stroke-width': 3 }),
    ...marks.map((p) => s('g', {},
      s('circle', { cx: x(p.km), cy: 60, r: 4, fill: p.kind === 'BORDER' ? 'none' : 'currentColor', stroke: 'currentColor' }),
      s('text', { x: x(p.km), y: 85, 'text-anchor': 'middle', 'font-size': 12 }, placeName(p.code)))),
    ...Object.entries(where).map(([code, n]) => {
      const p = points.find((q) => q.code === code);
      if (!p) return null;
      return s('g', { class: 'boxes', 'data-point': code },
        s('rect', { x: x(p.km) - 16, y: 22, width: 32, height: 22, rx: 3, fill: '#0b6e4f' }),
        s('text', { x: x(p.km), y: 38, 'text-anchor': 'middle', 'font-size': 12, fill: '#fff' }, String(n)));
    }));
  $('strip').replaceChildren(svg, h('p', { class: 'note' }, t('tk.stripNote', { count: c.units.length })));
}

function showEvents(c) {
  const zoneOf = (code) => (points.find((p) => p.code === code) || {}).timeZone || c.destinationZone;
  const rows = c.events.map((e) => h('tr', { 'data-type': e.lancangEventType, 'data-classifier': e.eventClassifierCode },
    h('td', {}, inZone(e.eventDateTime, zoneOf(e.eventLocation.facilityCode))),
    h('td', {}, t(`tk.type.${e.lancangEventType}`)),
    h('td', {}, t(`tk.classifier.${e.eventClassifierCode}`)),
    h('td', {}, placeName(e.eventLocation.facilityCode)),
    h('td', {}, e.equipmentReference || '—')));
  $('events').replaceChildren(h('table', { class: 'data', id: 'events-table' },
    h('thead', {}, h('tr', {}, ...['tk.when', 'tk.step', 'tk.kind', 'tk.where', 'tk.unit'].map((k) => h('th', {}, t(k))))),
    h('tbody', {}, ...rows)));
}

init();
