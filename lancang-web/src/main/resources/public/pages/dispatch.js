// The dispatcher's page (dispatch.html): the live time-distance diagram drawn on the server
// (GET /api/operations/diagram.svg: plan thin, actual thick, forecast dashed, proposal dotted, delay badges), redrawn
// on every server-sent event of GET /api/operations/stream; the late trains (GET /api/operations/forecast), the
// conflict forecast (…/conflicts), the meet re-planning with its cost against first come, first served and "apply"
// (…/proposal, …/proposal/apply, DISPATCHER only), and the log of dispatching orders (…/orders). The network picker
// (?network=, GET /api/networks) shows any network that runs: every call names it, times are in its service zone.
import { initPage, api, h, clearErrors, formError, errorText } from '/lib/common.js';
import { t, getLang, localName, locale } from '/lib/i18n.js';

const $ = (id) => document.getElementById(id);
const READERS = ['DISPATCHER', 'PLANNER', 'ADMIN'];

let me = null;
let networks = [];
let points = [];
let lines = []; // the network's lines (GET /api/timetable/diagram/lines), the main line first
let proposal = null;
let stream = null;
let pending = null;

const network = () => networks.find((n) => n.code === $('network').value) || networks[0];
// the network's own day: its service zone counts the date, the log's times and the conflicts' times
const dayZone = () => network().serviceZone;
const zoneOf = (code) => (points.find((p) => p.code === code) || {}).timeZone || dayZone();
const withNetwork = (path) => `${path}${path.includes('?') ? '&' : '?'}network=${encodeURIComponent(network().code)}`;
const nameOf = (code) => { const p = points.find((x) => x.code === code); return p ? localName(p.names) : code; };
const clock = (iso, zone) => new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23', timeZone: zone }).format(new Date(iso));
// the reader's words for what the API names by code: a run (X8111@2026-12-04) is its train, with its day when it is
// not the day shown; a resource (LINE:VTN-VTE, BLOCK:…, TRACK:LPB:2) the stretch of line or the station track
function runName(run) {
  const at = (run || '').lastIndexOf('@');
  if (at < 0) return run;
  const train = run.slice(0, at);
  const day = run.slice(at + 1);
  if (day === $('date').value) return train;
  const when = new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${day}T00:00:00Z`));
  return t('dsp.runOfDay', { train, day: when });
}
function lineName(line) {
  const m = /^(?:LINE|BLOCK):([^:]+?)-([^:]+?)(?::.*)?$/.exec(line || '');
  return m ? { from: nameOf(m[1]), to: nameOf(m[2]) } : null;
}
function resourceName(resource) {
  const line = lineName(resource);
  if (line) return t(resource.startsWith('LINE:') ? 'dsp.resLine' : 'dsp.resBlock', line);
  const track = /^TRACK:([^:]+):(\d+)$/.exec(resource || '');
  if (track) return t('dsp.resTrack', { station: nameOf(track[1]), n: track[2] });
  return resource;
}
const minutes = (s) => t('dsp.minutes', { n: Math.round(s / 60) });
const isDispatcher = () => !!(me && me.roles.includes('DISPATCHER'));

function query() {
  const f = $('window-form').elements;
  const q = { network: f.network.value, date: f.date.value, from: f.from.value, to: f.to.value, hours: f.hours.value || '8', lang: getLang() };
  if (f.start.value) q.start = f.start.value;
  if (pickedLine()) q.line = pickedLine().code;
  return new URLSearchParams(q);
}

async function loadDiagram() {
  const box = $('diagram');
  box.setAttribute('aria-busy', 'true');
  $('diagram-error').hidden = true;
  try {
    const res = await fetch(`/api/operations/diagram.svg?${query()}`, { credentials: 'same-origin' });
    const text = await res.text();
    if (!res.ok) {
      let detail = text;
      try { detail = JSON.parse(text).detail; } catch { /* keep the text */ }
      throw new Error(detail);
    }
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    box.replaceChildren(document.importNode(doc.documentElement, true));
    box.dataset.drawnAt = String(Date.now()); // when the page last drew the line (the browser test measures by it)
  } catch (err) {
    $('diagram-error').textContent = errorText(err);
    $('diagram-error').hidden = false;
  } finally {
    box.removeAttribute('aria-busy');
  }
}

async function loadDelays(date) {
  const trains = await api(withNetwork(`/api/operations/forecast?date=${date}`));
  const late = trains.filter((tr) => tr.serviceDate === date
    && (Math.abs(tr.delayNowSeconds) >= 60 || Math.abs(tr.destinationDelaySeconds) >= 60))
    .sort((a, b) => b.destinationDelaySeconds - a.destinationDelaySeconds);
  if (!late.length) { $('delays').replaceChildren(h('p', {}, t('dsp.noDelays'))); return; }
  $('delays').replaceChildren(h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dsp.train')), h('th', { scope: 'col' }, t('dsp.delayNow')),
      h('th', { scope: 'col' }, t('dsp.delayDest')))),
    h('tbody', {}, late.map((tr) => h('tr', { 'data-train': tr.train },
      h('th', { scope: 'row' }, `${tr.train} `, h('span', { class: 'note' }, `${nameOf(tr.from)} → ${nameOf(tr.to)}`)),
      h('td', { class: 'num' }, minutes(tr.delayNowSeconds)),
      h('td', { class: 'num' }, minutes(tr.destinationDelaySeconds)))))));
}

async function loadConflicts(date) {
  // the border interlock (customs) of the network shown: each network's trains are held at its own borders
  const [list, holds] = await Promise.all([api(withNetwork(`/api/operations/conflicts?date=${date}`)),
    api(withNetwork(`/api/operations/holds?date=${date}`))]);
  // trains the border interlock holds until customs release them (issue 18), before the conflicts
  const held = holds.map((x) => h('li', { class: 'hold', 'data-train': x.train, 'data-open': String(x.open) },
    t(x.open ? 'dsp.borderHold' : 'dsp.borderReleased', { train: x.train, point: nameOf(x.point),
      time: clock(x.forecastDeparture, dayZone()) })));
  $('conflicts').replaceChildren(...held, ...(list.length ? list.map((c) => h('li', {},
    t('dsp.conflict', { first: runName(c.first), second: runName(c.second), resource: resourceName(c.resource),
      time: clock(c.from, dayZone()) })))
    : [h('li', { class: 'note' }, t('dsp.noConflicts'))]));
}

async function loadProposal(date) {
  const r = await api(withNetwork(`/api/operations/proposal?date=${date}`));
  proposal = r;
  const box = $('proposal');
  const costs = h('p', { class: 'costs' }, t('dsp.costs', { current: r.currentCost, fcfs: r.fcfsCost,
    proposed: r.proposedCost, gap: `${Math.round(r.optimalityGap * 1000) / 10} %` }));
  if (!r.proposal) {
    box.replaceChildren(costs, h('p', { id: 'no-proposal' }, t('dsp.noProposal')));
    return;
  }
  const p = r.proposal;
  const ratio = p.fcfsCost ? Math.round((p.proposedCost / p.fcfsCost) * 100) / 100 : 1;
  const holds = p.holds.map((hd) => h('li', {}, t('dsp.hold', { train: runName(`${hd.train}@${hd.serviceDate}`),
    point: nameOf(hd.point), time: clock(hd.until, zoneOf(hd.point)), other: runName(hd.waitsFor) })));
  const changes = p.lineChanges.map((c) => h('li', {}, t('dsp.lineChange', { line: resourceName(c.line),
    after: c.after.map(runName).join(' → ') })));
  const apply = isDispatcher()
    ? h('button', { type: 'button', class: 'btn', id: 'apply', onclick: applyProposal }, t('dsp.apply'))
    : h('p', { class: 'note' }, t('dsp.applyOnlyDispatcher'));
  box.replaceChildren(costs, h('p', { class: 'costs', id: 'ratio' }, t('dsp.ratio', { ratio })),
    h('ul', { id: 'holds' }, holds, changes), apply);
}

async function applyProposal() {
  const date = $('date').value;
  const msg = $('apply-message');
  msg.replaceChildren();
  const btn = $('apply');
  if (btn) btn.disabled = true;
  try {
    const orders = await api(withNetwork(`/api/operations/proposal/apply?date=${date}`),
      { method: 'POST', body: { basedOn: proposal.version } });
    msg.replaceChildren(h('p', { class: 'message success' }, t('dsp.applied', { n: orders.length })));
    await refresh();
  } catch (err) {
    msg.replaceChildren(h('p', { class: 'message error', role: 'alert' }, errorText(err)));
    if (btn) btn.disabled = false;
  }
}

/** A dispatching order in the reader's language, from its structured fields (its stored text is English). */
function orderText(o) {
  if (o.kind === 'HOLD' && o.point && o.holdUntil) {
    return t('dsp.hold', { train: runName(`${o.train}@${o.trainDate}`), point: nameOf(o.point),
      time: clock(o.holdUntil, zoneOf(o.point)), other: runName(o.waitsFor) });
  }
  if (o.kind === 'LINE_ORDER' && o.line && o.lineOrder) {
    return t('dsp.lineChange', { line: resourceName(o.line), after: o.lineOrder.map(runName).join(' → ') });
  }
  return o.text;
}

async function loadOrders(date) {
  const orders = await api(withNetwork(`/api/operations/orders?date=${date}`));
  $('orders').replaceChildren(...(orders.length ? orders.map((o) => h('li', { 'data-kind': o.kind },
    orderText(o), h('span', { class: 'meta' }, `${clock(o.issuedAt, dayZone())} · ${o.issuedBy}`)))
    : [h('li', { class: 'note' }, t('dsp.noOrders'))]));
}

async function refresh() {
  const date = $('date').value;
  const form = $('window-form');
  clearErrors(form);
  try {
    // what the forecast says at once; the re-planning follows when the solver is done (it may take seconds), and the
    // diagram is drawn again with the proposal over it
    await Promise.all([loadDiagram(), loadDelays(date), loadConflicts(date), loadOrders(date)]);
    $('live-status').textContent = t('dsp.live', { time: new Date().toLocaleTimeString(locale()) });
    const seq = ++refreshes;
    await loadProposal(date);
    if (seq === refreshes && proposal && proposal.proposal) await loadDiagram();
  } catch (err) {
    formError(form, errorText(err));
  }
}

let refreshes = 0;

/** Redraw at most once per burst of events (a batch of a thousand gives a thousand changes). */
function soon() {
  if (pending) return;
  pending = setTimeout(() => { pending = null; refresh(); }, 50);
}

function listen() {
  if (stream) stream.close();
  stream = new EventSource('/api/operations/stream');
  stream.addEventListener('change', (e) => {
    const change = JSON.parse(e.data);
    const date = $('date').value;
    // a day's forecast also moves with the runs of the days either side
    const d = (iso) => new Date(`${iso}T00:00:00Z`).getTime();
    if ((change.network || networks[0].code) !== network().code) return;
    if (Math.abs(d(change.date) - d(date)) <= 86400000) soon();
  });
  stream.addEventListener('open', () => $('live-status').classList.remove('offline'));
  stream.addEventListener('error', () => {
    $('live-status').classList.add('offline');
    $('live-status').textContent = t('dsp.offline');
  });
}

function fillPoints() {
  for (const id of ['from', 'to']) {
    const sel = $(id);
    const value = sel.value;
    sel.replaceChildren(...points.map((p) => h('option', { value: p.code }, `${localName(p.names)} (${p.code})`)));
    if (value) sel.value = value;
  }
}

/** The line picked for the diagram, or null when the network has one line (no picker then). */
const pickedLine = () => (lines.length > 1 ? lines.find((l) => l.code === $('line').value) || lines[0] : null);

/** The line picker, shown only when the network has more than one line (ADR 0033: a diagram per line). */
function fillLines(value) {
  $('line-field').hidden = lines.length < 2;
  $('line').replaceChildren(...lines.map((l) => h('option', { value: l.code }, `${localName(l.names)} (${l.code})`)));
  if (value && lines.some((l) => l.code === value)) $('line').value = value;
}

/** The window over the whole of the line picked (of the network, when it has one line). */
function wholeLine() {
  const line = pickedLine();
  $('from').value = line ? line.points[0] : points[0].code;
  $('to').value = line ? line.points[line.points.length - 1] : points[points.length - 1].code;
}

/** The points and lines of the network picked, in km order, and the window over the whole of its main line. */
async function pickNetwork(line) {
  const code = encodeURIComponent(network().code);
  points = [...await api(`/api/networks/${code}/points`)].sort((a, b) => a.km - b.km);
  lines = (await api(`/api/timetable/diagram/lines?network=${code}`)) || [];
  fillPoints();
  fillLines(line);
  wholeLine();
}

function today(now) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: dayZone() }).format(new Date(now));
}

function fillNetworks() {
  const sel = $('network');
  const value = sel.value;
  sel.replaceChildren(...networks.map((n) => h('option', { value: n.code }, `${localName(n.names)} (${n.code})`)));
  if (value) sel.value = value;
}

async function main() {
  me = await initPage({ titleKey: 'dsp.title' });
  if (!me) { location.replace(`/signin.html?next=${encodeURIComponent(location.pathname + location.search)}`); return; }
  if (!me.roles.some((r) => READERS.includes(r))) { $('forbidden').hidden = false; return; }
  $('content').hidden = false;
  const params = new URLSearchParams(location.search);
  networks = await api('/api/networks');
  fillNetworks();
  const wanted = (params.get('network') || '').toLowerCase();
  $('network').value = networks.some((n) => n.code === wanted) ? wanted : networks[0].code;
  await pickNetwork(params.get('line'));
  const clockNow = await api('/api/operations/clock');
  $('date').value = params.get('date') || today(clockNow.now);
  if (points.some((p) => p.code === params.get('from'))) $('from').value = params.get('from');
  if (points.some((p) => p.code === params.get('to'))) $('to').value = params.get('to');
  $('network').addEventListener('change', async () => {
    // another network: its whole line, its own day, and the address says which (a reload keeps it)
    await pickNetwork();
    $('date').value = today((await api('/api/operations/clock')).now);
    const url = new URL(location.href);
    url.searchParams.set('network', network().code);
    ['from', 'to', 'line'].forEach((k) => url.searchParams.delete(k));
    history.replaceState(null, '', url);
    refresh();
  });
  $('line').addEventListener('change', () => { // another line: its whole length, drawn at once
    wholeLine();
    const url = new URL(location.href);
    url.searchParams.set('line', $('line').value);
    ['from', 'to'].forEach((k) => url.searchParams.delete(k));
    history.replaceState(null, '', url);
    refresh();
  });
  if (params.get('start')) $('start').value = params.get('start');
  if (params.get('hours')) $('hours').value = params.get('hours');
  $('window-form').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  document.addEventListener('lang-change', () => { fillNetworks(); fillPoints(); refresh(); });
  listen();
  await refresh();
}

main();
