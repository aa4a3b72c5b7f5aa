// Freight for shippers (freight.html): the slot catalogue (GET /api/freight/slots), an ad-hoc path request (POST
// /api/freight/requests) with the path or the binding constraint and the earliest alternative, booking boxes or wagons
// on the requested train (POST /api/freight/bookings), the consignment note with the server's checks shown at each
// field (PUT /api/freight/bookings/{id}/note), the quote in each carrier's currency and the totals, own bookings;
// boxes through to another network across the break of gauge (POST /api/freight/through/quote|consignments).
import { initPage, api, h, ApiError, errorText, clearErrors, showProblem, busy } from '/lib/common.js';
import { t, localName } from '/lib/i18n.js';
import { fmtAtPlace } from '/lib/tickets.js';
import { offsetAt } from '/lib/zones.js';

const $ = (id) => document.getElementById(id);
let stations = [];
let request = null;
let booking = null;

let names = {};
let points = [];
/** A time at a place, in the place's own zone with the zone named, in the page's language. */
const when = (iso, code) => fmtAtPlace(iso, code, points);

/** A point's name in the reader's language, and an operator's: never a bare code on the page. */
const placeName = (code) => (names[code] ? localName(names[code]) : code);
const carrierName = (code) => { const v = t(`op.${code}`); return v && v !== `op.${code}` ? v : code; };

async function init() {
  const me = await initPage({ titleKey: 'fr.heading' });
  if (!me) { location.replace('/signin.html?next=/freight.html'); return; }
  points = await api('/api/network/points');
  names = Object.fromEntries(points.map((p) => [p.code, p.names]));
  stations = points.filter((p) => p.kind === 'FREIGHT');
  for (const sel of [$('from'), $('to')]) {
    sel.replaceChildren(...stations.map((s) => h('option', { value: s.code }, placeName(s.code))));
  }
  if (stations.length > 1) $('to').value = stations[0].code;
  $('from').value = stations[stations.length - 1].code;
  $('kind').replaceChildren(...['REEFER_40', 'BOX_40', 'BOX_40HC', 'BOX_20', 'FLAT', 'COVERED', 'OPEN', 'TANK']
    .map((k) => h('option', { value: k }, t(`fr.kind.${k}`))));
  const codes = await api('/api/freight/codes');
  $('hs-codes').replaceChildren(...codes.filter((c) => c.kind === 'HS').map((c) => h('option', { value: c.code }, c.description)));
  const tomorrow = new Date(Date.now() + 86_400_000);
  $('slot-date').value = tomorrow.toISOString().slice(0, 10);
  $('earliest').value = `${tomorrow.toISOString().slice(0, 10)}T08:00`;
  $('slot-date').addEventListener('change', loadSlots);
  $('request-form').addEventListener('submit', ask);
  $('book-form').addEventListener('submit', book);
  $('note-form').addEventListener('submit', saveNote);
  await initThrough();
  await loadSlots();
  await loadBookings();
}

async function loadSlots() {
  const slots = await api(`/api/freight/slots?date=${$('slot-date').value}`);
  $('slots').replaceChildren(h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, ...['fr.slot', 'fr.train', 'fr.from', 'fr.to', 'fr.departs', 'fr.left'].map((k) => h('th', {}, t(k))))),
    h('tbody', {}, ...slots.map((s) => h('tr', {},
      h('td', {}, s.name), h('td', {}, s.train), h('td', {}, placeName(s.from)), h('td', {}, placeName(s.to)),
      h('td', {}, s.runs ? when(s.departureAt, s.from) : '—'),
      h('td', {}, t('fr.leftText', { wagons: s.wagonsLeft, teu: s.teuLeft })))))));
}

/**
 * The local time typed at the origin, with the origin's offset at that date and time (its zone from the data). A
 * browser that cannot tell the offset sends none, and the server names the field, rather than guessing one.
 */
function withOffset(local, code) {
  const p = stations.find((s) => s.code === code);
  const offset = p && p.timeZone ? offsetAt(p.timeZone, local) : null;
  return `${local}:00${offset || ''}`;
}

/** Junction codes typed in order, split on commas or spaces (the server checks them and names the field). */
function codes(text) {
  return text.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase());
}

async function ask(ev) {
  ev.preventDefault();
  const form = $('request-form');
  clearErrors(form);
  await busy(form, async () => {
    try {
      request = await api('/api/freight/requests', { method: 'POST', body: {
        from: $('from').value, to: $('to').value,
        earliestDeparture: $('earliest').value ? withOffset($('earliest').value, $('from').value) : null,
        trailingMassT: Number($('mass').value), lengthM: Number($('length').value), dangerousGoods: $('dangerous').checked,
        via: codes($('via').value),
      } });
    } catch (err) { showProblem(form, err); return; }
    showAnswer();
  });
}

function showAnswer() {
  const r = request;
  const out = [];
  if (r.status === 'PROPOSED') {
    out.push(h('p', { class: 'message ok', 'data-status': r.status },
      t('fr.found', { train: r.train, dep: when(r.departure, r.from), arr: when(r.arrival, r.to) })));
    $('book-section').hidden = false;
  } else {
    out.push(h('p', { class: 'message error', 'data-status': r.status }, t('fr.noPath'), ' ', r.binding || ''));
    if (r.alternative) out.push(h('p', {}, t('fr.alternative', { dep: when(r.alternative.departure, r.from), arr: when(r.alternative.arrival, r.to) })));
    $('book-section').hidden = true;
  }
  if (r.notes && r.notes.length) out.push(h('ul', { class: 'notes' }, ...r.notes.map((n) => h('li', {}, n))));
  $('answer').replaceChildren(...out);
}

async function book(ev) {
  ev.preventDefault();
  const form = $('book-form');
  clearErrors(form);
  await busy(form, async () => {
    try {
      booking = await api('/api/freight/bookings', { method: 'POST', body: {
        requestId: request.id, equipment: [{ kind: $('kind').value, count: Number($('count').value) }],
      } });
    } catch (err) { showProblem(form, err); return; }
    showNoteForm();
    await loadBookings();
  });
}

function showNoteForm() {
  $('note-section').hidden = false;
  $('units').replaceChildren(...booking.units.map((u, i) => (u.kind.startsWith('BOX') || u.kind === 'REEFER_40'
    ? h('div', { class: 'field', 'data-field': `containers[${i}].seal` },
      h('label', { for: `seal-${i}` }, t('fr.seal', { unit: u.unit })),
      h('input', { id: `seal-${i}`, type: 'text', 'data-unit': u.unit, class: 'seal' }))
    : h('p', {}, `${t('fr.wagon')} ${u.unit}`))));
}

async function saveNote(ev) {
  ev.preventDefault();
  const form = $('note-form');
  clearErrors(form);
  const carriers = await carriersOf(booking);
  const boxes = [...document.querySelectorAll('input.seal')].map((i) => ({ number: i.dataset.unit, seal: i.value }));
  const wagons = booking.units.filter((u) => !(u.kind.startsWith('BOX') || u.kind === 'REEFER_40')).map((u) => u.unit);
  await busy(form, async () => {
    let note;
    try {
      note = await api(`/api/freight/bookings/${booking.id}/note`, { method: 'PUT', body: {
        consignor: { name: $('consignor-name').value, address: $('consignor-address').value },
        consignee: { name: $('consignee-name').value, address: $('consignee-address').value },
        wagons, containers: boxes,
        goods: [{ description: $('goods').value, hsCode: $('hs').value, packages: Number($('packages').value) || 0,
          grossMassKg: Number($('gross').value) || 0 }],
        unNumber: $('un').value || null,
        reeferTemperatureC: $('temp').value === '' ? null : Number($('temp').value),
        declaredValue: $('value').value === '' ? null : Number($('value').value),
        declaredCurrency: $('currency').value,
        payers: carriers.map((c, i) => ({ carrier: c, pays: i === 0 ? 'CONSIGNOR' : 'CONSIGNEE' })),
        documents: ['invoice', 'packing list'],
      } });
    } catch (err) { showProblem(form, err); return; }
    $('note-done').replaceChildren(h('p', { class: 'message ok', id: 'consignment-number' },
      t('fr.noteSaved', { number: note.consignmentNumber })),
      h('p', {}, h('a', { id: 'note-pdf', class: 'btn', href: `/api/freight/bookings/${booking.id}/note.pdf`,
        target: '_blank', rel: 'noopener' }, t('fr.notePdf'))));
    await showQuote();
  });
}

async function carriersOf(b) {
  const q = await api(`/api/freight/bookings/${b.id}/quote`);
  return q.sections.map((s) => s.carrier);
}

async function showQuote() {
  const q = await api(`/api/freight/bookings/${booking.id}/quote`);
  $('quote').replaceChildren(h('h3', {}, t('fr.quote')),
    h('ul', { id: 'quote-sections' }, ...q.sections.map((s) => h('li', {},
      `${carrierName(s.carrier)} ${placeName(s.from)}→${placeName(s.to)} ${s.tariffKm} km: ${s.amount.amount} ${s.amount.currency}`))),
    h('p', { id: 'quote-total' }, t('fr.total'), ' ',
      Object.values(q.total).map((m) => `${m.amount} ${m.currency}`).join(' · ')));
}

const isBox = (kind) => kind.startsWith('BOX') || kind === 'REEFER_40';

/** The other networks' stations as destinations (their names join the page's), home's freight stations as origins. */
async function initThrough() {
  const networks = await api('/api/networks');
  const others = [];
  for (const n of networks.filter((x) => !x.home)) {
    const points = await api(`/api/networks/${encodeURIComponent(n.code)}/points`);
    points.forEach((p) => { names[p.code] = p.names; });
    others.push(...points.filter((p) => p.kind === 'PASSENGER' || p.kind === 'FREIGHT'));
  }
  if (!others.length) { $('through-section').hidden = true; return; }
  $('through-from').replaceChildren(...stations.map((s) => h('option', { value: s.code }, placeName(s.code))));
  $('through-from').value = stations[0].code;
  $('through-to').replaceChildren(...others.map((p) => h('option', { value: p.code }, placeName(p.code))));
  $('through-kind').replaceChildren(...['REEFER_40', 'BOX_40', 'BOX_40HC', 'BOX_20']
    .map((k) => h('option', { value: k }, t(`fr.kind.${k}`))));
  $('through-form').addEventListener('submit', throughQuote);
  $('consign-form').addEventListener('submit', consign);
}

async function throughQuote(ev) {
  ev.preventDefault();
  const form = $('through-form');
  clearErrors(form);
  await busy(form, async () => {
    let q;
    try {
      q = await api('/api/freight/through/quote', { method: 'POST', body: {
        from: $('through-from').value, to: $('through-to').value,
        equipment: [{ kind: $('through-kind').value, count: Number($('through-count').value) }],
      } });
    } catch (err) { showProblem(form, err); return; }
    showThrough(q);
    await throughBookings(q.transshipment.point);
  });
}

/** Both legs with each carrier's section in its currency, the yard between them, the carriers, the through total. */
function showThrough(q) {
  const section = (s) => h('li', {},
    `${carrierName(s.carrier)} ${placeName(s.from)}→${placeName(s.to)} ${s.tariffKm} km: ${s.amount.amount} ${s.amount.currency}`);
  const leg = (l, n) => h('div', { class: 'leg', 'data-leg': n },
    h('h3', {}, t('fr.leg', { n, from: placeName(l.from), to: placeName(l.to) })),
    h('ul', {}, ...l.sections.map(section)));
  const y = q.transshipment;
  const time = t('fr.duration', { h: Math.floor(y.minutes / 60), m: String(y.minutes % 60).padStart(2, '0') });
  $('through-quote').replaceChildren(leg(q.first, 1),
    h('p', { id: 'through-yard' }, t('fr.transshipment', { point: placeName(y.point), other: placeName(y.otherPoint),
      boxes: y.boxes, batches: y.batches, batch: y.batchWagons, time })),
    leg(q.second, 2),
    h('p', { id: 'through-carriers' }, t('fr.carriers'), ' ', q.carriers.map(carrierName).join(' · ')),
    h('p', { id: 'through-total' }, t('fr.total'), ' ',
      Object.values(q.total).map((m) => `${m.amount} ${m.currency}`).join(' · ')));
}

/** Own bookings that end at the yard with boxes only: those that can go on through. */
async function throughBookings(yard) {
  const list = (await api('/api/freight/bookings')).filter((b) => b.to === yard && b.units.every((u) => isBox(u.kind)));
  $('consign-form').hidden = !list.length;
  $('through-booking').replaceChildren(...list.map((b) => h('option', { value: b.id },
    `${b.id} · ${b.train} · ${b.serviceDate} · ${t('fr.units', { n: b.units.length })}`)));
  $('through-done').replaceChildren(...(list.length ? [] : [h('p', { class: 'note' }, t('fr.throughNone', { point: placeName(yard) }))]));
}

async function consign(ev) {
  ev.preventDefault();
  const form = $('consign-form');
  clearErrors(form);
  await busy(form, async () => {
    let c;
    try {
      c = await api('/api/freight/through/consignments', { method: 'POST', body: {
        bookingId: $('through-booking').value, to: $('through-to').value,
      } });
    } catch (err) { showProblem(form, err); return; }
    showThrough(c.quote);
    $('through-done').replaceChildren(h('p', { class: 'message ok', id: 'through-consigned' },
      t('fr.throughDone', { id: c.bookingId, to: placeName(c.to) })),
    h('p', {}, h('a', { id: 'through-pdf', class: 'btn', href: `/api/freight/bookings/${c.bookingId}/note.pdf`,
      target: '_blank', rel: 'noopener' }, t('fr.notePdf'))));
  });
}

async function loadBookings() {
  let list;
  try { list = await api('/api/freight/bookings'); } catch (err) {
    $('status').textContent = err instanceof ApiError ? errorText(err) : String(err);
    return;
  }
  $('bookings').replaceChildren(...(list.length ? list.map((b) => h('p', { class: 'booking', 'data-id': b.id },
    `${b.id} · ${b.train} · ${b.serviceDate} · ${placeName(b.from)}→${placeName(b.to)} · ${t('fr.units', { n: b.units.length })}`))
    : [h('p', { class: 'note' }, t('fr.noBookings'))]));
}

init();
