// The freight office (freight-office.html): shippers' path requests to approve or refuse (POST
// /api/freight/requests/{id}/approve|refuse), each request's path drawn on the time-distance diagram
// (/api/timetable/diagram.svg), the day's freight trains with their load and the empty boxes' imbalance; on another
// network served with ?network=CODE (as the planner's pages).
import { initPage, api, h, errorText } from '/lib/common.js';
import { t, localName } from '/lib/i18n.js';
import { fmtAtPlace } from '/lib/tickets.js';

const $ = (id) => document.getElementById(id);
let points = [];
/** A time at a place, in the place's own zone with the zone named, in the page's language. */
const when = (iso, code) => fmtAtPlace(iso, code, points);
let kmOf = {};
let names = {};
/** A point's name in the reader's language: never a bare code on the page. */
const placeName = (code) => (names[code] ? localName(names[code]) : code);
const network = new URLSearchParams(location.search).get('network');
/** The network's query parameter for the freight and diagram calls ('' for home). */
const onNetwork = network ? `network=${encodeURIComponent(network)}` : '';

async function init() {
  const me = await initPage({ titleKey: 'fo.heading' });
  if (!me) { location.replace('/signin.html?next=/freight-office.html'); return; }
  $('day').value = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  points = await api(network ? `/api/networks/${encodeURIComponent(network)}/points` : '/api/network/points');
  kmOf = Object.fromEntries(points.map((p) => [p.code, p.km]));
  names = Object.fromEntries(points.map((p) => [p.code, p.names]));
  $('day').addEventListener('change', loadTrains);
  await loadRequests();
  await loadTrains();
}

async function loadRequests() {
  const list = await api(`/api/freight/requests?${onNetwork}`);
  $('requests').replaceChildren(...(list.length ? list.map(row) : [h('p', { class: 'note' }, t('fo.none'))]));
}

function row(r) {
  const actions = [];
  if (r.status === 'PROPOSED') {
    actions.push(h('button', { type: 'button', class: 'btn', 'data-action': 'approve', onclick: () => decide(r, 'approve') }, t('fo.approve')));
    actions.push(h('button', { type: 'button', class: 'btn secondary', 'data-action': 'refuse', onclick: () => decide(r, 'refuse') }, t('fo.refuse')));
  }
  actions.push(h('button', { type: 'button', class: 'btn-link', onclick: () => draw(r) }, t('fo.show')));
  return h('article', { class: 'request', 'data-id': r.id, 'data-status': r.status },
    h('p', {}, `${r.id} · ${r.train} · ${r.shipper} · ${placeName(r.from)}→${placeName(r.to)} · ${r.trailingMassT} t · ${r.lengthM} m`),
    // the junctions the shipper asked the train to run through (empty: the shortest way), as approval will search it
    r.via && r.via.length ? h('p', { class: 'via' }, t('fo.via', { via: r.via.map(placeName).join(' → ') })) : null,
    h('p', { class: 'status' }, `${t(`fo.status.${r.status}`)} ${r.departure ? `· ${when(r.departure, r.from)} → ${when(r.arrival, r.to)}` : ''} ${r.binding || ''}`),
    h('div', { class: 'actions' }, ...actions));
}

async function decide(r, what) {
  try {
    const body = what === 'refuse' ? { reason: t('fo.refusedReason') } : {};
    await api(`/api/freight/requests/${r.id}/${what}`, { method: 'POST', body });
    $('message').textContent = t(what === 'approve' ? 'fo.approved' : 'fo.refused', { train: r.train });
  } catch (err) {
    $('message').textContent = errorText(err);
  }
  await loadRequests();
  await loadTrains();
}

/** The diagram from the first point of the path to the last (in km order), over the day and a half after it leaves. */
function draw(r) {
  const [top, bottom] = kmOf[r.from] <= kmOf[r.to] ? [r.from, r.to] : [r.to, r.from];
  const params = new URLSearchParams({ from: top, to: bottom, date: r.serviceDate, start: '00:00', hours: '36' });
  if (network) params.set('network', network);
  $('diagram').replaceChildren(h('img', {
    src: `/api/timetable/diagram.svg?${params}`, alt: t('fo.diagramAlt', { train: r.train }), class: 'diagram',
  }));
}

async function loadTrains() {
  const date = $('day').value;
  const trains = await api(`/api/freight/trains?date=${date}&${onNetwork}`);
  $('trains').replaceChildren(h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, ...['fr.train', 'fr.from', 'fr.to', 'fr.departs', 'fo.load'].map((k) => h('th', {}, t(k))))),
    h('tbody', {}, ...trains.map((x) => h('tr', { 'data-train': x.train },
      h('td', {}, x.train), h('td', {}, placeName(x.from)), h('td', {}, placeName(x.to)), h('td', {}, when(x.departure, x.from)),
      h('td', {}, t('fo.loadText', { wagons: x.wagons, teu: x.teu, bookings: x.bookings })))))));
  const e = await api(`/api/freight/empties?date=${date}&${onNetwork}`);
  $('empties').textContent = t('fo.empties', { n: e.emptiesToReturn, towards: e.emptiesTowards || '—' });
}

init();
