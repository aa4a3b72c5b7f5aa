// The shipper's tracking page (tracking.html): the consignments (GET /api/freight/tracking/consignments), the chosen
// one's ETA in the destination's local time, a strip map of the line with where its boxes are (each unit's latest
// step), and its events (actual, planned, estimated) in the reader's language
// (GET /api/freight/tracking/consignments/{id}); for a through consignment, its onward leg beyond the transshipment
// (train, departure and ETA, each in its point's zone), and customs at each border its legs cross (in travel order,
// with the state at each). Each network's points are read once, when first needed.
import { initPage, api, h, s, errorText } from '/lib/common.js';
import { t, localName } from '/lib/i18n.js';
import { fmtInstant } from '/lib/tickets.js';
import { zoneLabel } from '/lib/zones.js';

const $ = (id) => document.getElementById(id);
let points = [];
let names = {};
const byNetwork = {};
const placeName = (code) => (names[code] ? localName(names[code]) : code);

/** A network's points in km order (home's without a code), their names added to the ones known. */
async function pointsOf(network) {
  const key = network || '';
  if (!byNetwork[key]) {
    const q = network ? `?network=${encodeURIComponent(network)}` : '';
    byNetwork[key] = (await api(`/api/network/points${q}`)).sort((a, b) => a.km - b.km);
    for (const p of byNetwork[key]) names[p.code] = p.names;
  }
  return byNetwork[key];
}

/** A zone by the countries whose points keep it, from every network's points read so far (the onward leg's too). */
const zoneName = (zone) => zoneLabel(zone, Object.values(byNetwork).flat());

/** A time in a zone, written for the reader's language (in Lao too where the browser's Intl has no Lao). */
const inZone = (iso, zone) => fmtInstant(iso, zone);

async function init() {
  const me = await initPage({ titleKey: 'tk.heading' });
  if (!me) { location.replace('/signin.html?next=/tracking.html'); return; }
  points = await pointsOf(null);
  const list = await api('/api/freight/tracking/consignments');
  for (const n of new Set(list.flatMap((c) => [c.network, c.onward && c.onward.network]).filter(Boolean))) {
    await pointsOf(n).catch(() => []); // a network no longer served keeps its codes
  }
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
    points = byNetwork[c.network] || await pointsOf(c.network);
    showEta(c);
    showOnward(c);
    showCustoms(c);
    showStrip(c);
    showEvents(c);
  } catch (e) {
    $('status').textContent = errorText(e);
  }
}

function showEta(c) {
  if (!c.eta) { $('eta').textContent = t('tk.noEta'); return; }
  const late = Math.round(c.arrivalDelaySeconds / 60);
  $('eta').replaceChildren(
    h('strong', { id: 'eta-local' }, inZone(c.eta, c.destinationZone)), ' ',
    h('span', {}, t('tk.etaAt', { place: placeName(c.to), zone: zoneName(c.destinationZone) })), ' ',
    h('span', { id: 'eta-delay', class: late > 0 ? 'late' : 'on-time' },
      late > 0 ? t('tk.late', { minutes: late }) : t('tk.onTime')));
}

/** The onward leg of a through consignment: its train from the transshipment point and the ETA, each in its zone. */
function showOnward(c) {
  const o = c.onward;
  $('onward-section').hidden = !o;
  if (!o) return;
  if (!o.train) {
    $('onward').replaceChildren(h('p', { id: 'onward-none' }, t('tk.onward.none', { place: placeName(o.to), network: o.network })));
    return;
  }
  const departure = o.forecastDeparture || o.plannedDeparture;
  const lines = [
    h('p', { id: 'onward-train' }, t('tk.onward.train', {
      train: o.train, date: o.serviceDate, network: o.network, from: placeName(o.from), to: placeName(o.arrivesAt),
    })),
  ];
  if (departure) {
    lines.push(h('p', { id: 'onward-departs' }, t('tk.onward.departs', {
      place: placeName(o.from), time: inZone(departure, o.fromZone), zone: zoneName(o.fromZone),
    })));
  }
  if (o.eta) {
    lines.push(h('p', { id: 'onward-eta' }, h('strong', {}, t('tk.onward.eta', {
      place: placeName(o.arrivesAt), time: inZone(o.eta, o.arrivalZone), zone: zoneName(o.arrivalZone),
    }))));
  }
  if (!o.reachesDestination) {
    lines.push(h('p', { class: 'note', id: 'onward-short' }, t('tk.onward.short', { end: placeName(o.arrivesAt), place: placeName(o.to) })));
  }
  $('onward').replaceChildren(...lines);
}

/** Customs at every border the consignment's legs cross, in travel order, with where it stands at each. */
function showCustoms(c) {
  const borders = c.customs || [];
  $('customs-section').hidden = borders.length === 0;
  $('customs').replaceChildren(...borders.map((b) => h('li', { 'data-border': b.border, 'data-state': b.state },
    t('tk.customs.border', { border: placeName(b.border), country: b.country, control: placeName(b.control), train: b.train }),
    ': ', h('strong', {}, t(`tk.customs.state.${b.state}`)))));
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
  const zoneOf = (e) => e.eventTimeZone
    || (points.find((p) => p.code === e.eventLocation.facilityCode) || {}).timeZone || c.destinationZone;
  const rows = c.events.map((e) => h('tr', { 'data-type': e.lancangEventType, 'data-classifier': e.eventClassifierCode },
    h('td', {}, `${inZone(e.eventDateTime, zoneOf(e))} (${zoneName(zoneOf(e))})`),
    h('td', {}, t(`tk.type.${e.lancangEventType}`)),
    h('td', {}, t(`tk.classifier.${e.eventClassifierCode}`)),
    h('td', {}, placeName(e.eventLocation.facilityCode)),
    h('td', {}, e.equipmentReference || '—'),
    h('td', { title: e.detail || '' }, e.carrier ? `${e.carrier} · ${e.network}` : '—')));
  $('events').replaceChildren(h('table', { class: 'data', id: 'events-table' },
    h('thead', {}, h('tr', {}, ...['tk.when', 'tk.step', 'tk.kind', 'tk.where', 'tk.unit', 'tk.carrier'].map((k) => h('th', {}, t(k))))),
    h('tbody', {}, ...rows)));
}

init();
