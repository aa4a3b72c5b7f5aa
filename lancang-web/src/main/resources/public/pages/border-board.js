// The freight office's border board (border-board.html): the day's freight trains approaching each border
// (/api/freight/border-board), with their advance cargo data (complete, sent, late), the release state of their
// consignments and whether the border interlock holds them; the data of a train is sent from here
// (POST /api/freight/manifests/{train}/submit). The network picker (?network=, GET /api/networks) shows the borders
// of any network served: each network's trains are declared and held at its own borders. A train through three
// countries has a row per border it crosses (each with its own data, due time and hold); where the day's trains cross
// several borders, a picker shows one border or every one, and a row's button sends the data of that border.
import { initPage, api, h, errorText } from '/lib/common.js';
import { t, localName } from '/lib/i18n.js';
import { fmtAtPlace } from '/lib/tickets.js';

const $ = (id) => document.getElementById(id);
const chosen = () => encodeURIComponent($('network').value);
let names = {};
const points = [];
const placeName = (code) => (names[code] ? localName(names[code]) : code);
/** A time in the zone of the station it is at, with the zone named, in the page's language. */
const local = (iso, code) => fmtAtPlace(iso, code, points);

async function init() {
  const me = await initPage({ titleKey: 'bb.title' });
  if (!me) { location.replace('/signin.html?next=/border-board.html'); return; }
  const params = new URLSearchParams(location.search);
  $('day').value = params.get('date') || new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const networks = await api('/api/networks');
  $('network').replaceChildren(...networks.map((n) => h('option', { value: n.code }, `${localName(n.names)} (${n.code})`)));
  const wanted = (params.get('network') || '').toLowerCase();
  $('network').value = networks.some((n) => n.code === wanted) ? wanted : networks[0].code;
  for (const n of networks) {
    const own = await api(`/api/networks/${encodeURIComponent(n.code)}/points`);
    for (const p of own) names[p.code] = p.names;
    points.push(...own);
  }
  $('network').addEventListener('change', () => { $('border').value = ''; load(); });
  $('border').addEventListener('change', load);
  $('day').addEventListener('change', load);
  document.addEventListener('lang-change', load);
  await load();
}

async function load() {
  try {
    const all = await api(`/api/freight/border-board?date=${$('day').value}&network=${chosen()}`);
    const picked = pickBorder(all);
    const rows = picked ? all.filter((r) => r.border === picked) : all;
    $('board').replaceChildren(rows.length ? table(rows) : h('p', { class: 'note' }, t('bb.none')));
  } catch (e) {
    $('message').textContent = errorText(e);
  }
}

/** The borders of the day's rows in the picker (shown when there are several): the one picked, or '' for every one. */
function pickBorder(rows) {
  const borders = [...new Set(rows.map((r) => r.border))];
  const was = $('border').value;
  $('border').replaceChildren(h('option', { value: '' }, t('bb.every-border')),
    ...borders.map((b) => h('option', { value: b }, placeName(b))));
  $('border').value = borders.includes(was) ? was : '';
  $('border-field').hidden = borders.length < 2;
  return $('border').value;
}

function table(rows) {
  const head = ['bb.train', 'bb.border', 'bb.control', 'bb.arrives', 'bb.due', 'bb.data', 'bb.release', 'bb.hold', '']
    .map((k) => h('th', { scope: 'col' }, k ? t(k) : ''));
  return h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, ...head)),
    h('tbody', {}, ...rows.map(row)));
}

function row(r) {
  const data = [
    t(r.complete ? 'bb.complete' : 'bb.incomplete'),
    t(r.submitted ? 'bb.submitted' : 'bb.not-submitted'),
  ].join(' · ');
  const release = `${r.released}/${r.consignments} ${t('bb.released-of')}`
    + (r.inspection ? ` · ${r.inspection} ${t('bb.inspection')}` : '')
    + (r.heldByCustoms ? ` · ${r.heldByCustoms} ${t('bb.held-by-customs')}` : '');
  const hold = r.held
    ? `${t('bb.held')} (${t('bb.leaves')} ≥ ${local(r.forecastDeparture, r.control)})`
    : `${t('bb.free')}${r.forecastDeparture ? ` · ${t('bb.leaves')} ${local(r.forecastDeparture, r.control)}` : ''}`;
  const send = !r.submitted && r.complete !== undefined
    ? h('button', { type: 'button', class: 'btn secondary', 'data-action': 'submit', onclick: () => submit(r) }, t('bb.submit'))
    : '';
  return h('tr', { 'data-train': r.train, 'data-border': r.border, 'data-held': String(r.held), 'data-late': String(r.late) },
    h('th', { scope: 'row' }, r.train),
    h('td', {}, placeName(r.border)),
    h('td', {}, `${placeName(r.control)} (${r.country})`),
    h('td', {}, local(r.arrivesAt, r.control)),
    h('td', {}, local(r.dueAt, r.control), r.late ? h('strong', { class: 'late' }, ` ${t('bb.late')}`) : ''),
    h('td', { class: r.complete ? 'ok' : 'warn' }, data),
    h('td', {}, release),
    h('td', { class: r.held ? 'warn' : 'ok' }, hold),
    h('td', {}, send));
}

async function submit(r) {
  try {
    await api(`/api/freight/manifests/${encodeURIComponent(r.train)}/submit?date=${$('day').value}&network=${chosen()}&border=${encodeURIComponent(r.border)}`,
      { method: 'POST', body: {} });
    $('message').textContent = '';
  } catch (e) {
    $('message').textContent = errorText(e);
  }
  await load();
}

init();
