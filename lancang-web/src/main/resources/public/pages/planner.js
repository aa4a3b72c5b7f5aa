// Planner page (planner.html): the time-distance diagram of a stretch and time window, drawn on the server
// (GET /api/timetable/diagram.svg) and put inline so its trains can be clicked; the day's conflicts beside it
// (GET /api/timetable/conflicts); a train's calls on click (GET /api/timetable/trains/{number}); and path insertion
// (POST /api/timetable/insert with add=true). Needs the PLANNER, DISPATCHER, MAINTAINER or ADMIN role; inserting needs
// PLANNER or DISPATCHER. 401 from any call goes to the sign-in page.
import {
  initPage, api, h, ApiError, clearErrors, fieldError, formError, showProblem, checkRequired, focusFirstError, busy,
  errorText,
} from '/lib/common.js';
import { t, getLang, localName, locale } from '/lib/i18n.js';

const $ = (id) => document.getElementById(id);
const windowForm = $('window-form');
const insertForm = $('insert-form');
const diagram = $('diagram');
const PLANNING = ['PLANNER', 'DISPATCHER', 'MAINTAINER', 'ADMIN'];
const INSERTING = ['PLANNER', 'DISPATCHER'];

let points = [];
let conflicts = [];
let shown = null; // the query the diagram on screen was drawn for
let train = null; // the train in the panel: {view, fromKeyboard}
let loadSeq = 0;

// ---------- helpers ----------

function signIn() {
  location.replace(`/signin.html?next=${encodeURIComponent('/planner.html')}`);
}

function forbidden() {
  $('content').hidden = true;
  $('forbidden').hidden = false;
}

const pointOf = (code) => points.find((p) => p.code === code);
const pointName = (code) => { const p = pointOf(code); return p ? localName(p.names) : code; };
const zoneOfPoint = (code) => (pointOf(code) || {}).timeZone || 'Asia/Shanghai';

function zoneLabel(zone) {
  if (zone === 'Asia/Shanghai') return t('planner.zoneCN');
  if (zone === 'Asia/Vientiane') return t('planner.zoneLA');
  return zone;
}

/** The zone's UTC offset as +07:00 at a local date-time (YYYY-MM-DDTHH:MM) there. */
function offsetAt(zone, localDateTime) {
  const guess = new Date(`${localDateTime}:00Z`);
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(guess).find((x) => x.type === 'timeZoneName');
    const m = part && /GMT([+-])(\d{2}):?(\d{2})?/.exec(part.value);
    if (m) return `${m[1]}${m[2]}:${m[3] || '00'}`;
    if (part && part.value === 'GMT') return '+00:00';
  } catch { /* old browser: the line's own zones */ }
  return zone === 'Asia/Vientiane' ? '+07:00' : '+08:00';
}

/** HH:MM of an instant in a zone. */
function clock(iso, zone) {
  return new Intl.DateTimeFormat(locale(), { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso));
}

/** Today's date (YYYY-MM-DD) in a zone. */
function today(zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

function utcLabel(zone, iso) {
  const o = offsetAt(zone, (iso || new Date().toISOString()).slice(0, 16));
  return `UTC${o.replace(/^([+-])0?(\d+):00$/, '$1$2')}`;
}

function fillPointSelect(select, value, filter = () => true) {
  const keep = value || select.value;
  select.replaceChildren(...points.filter(filter).map((p) => h('option', { value: p.code },
    `${localName(p.names)} (${p.code})${p.assumed ? ' *' : ''}`)));
  if (keep && [...select.options].some((o) => o.value === keep)) select.value = keep;
}

// ---------- the diagram ----------

function query() {
  const q = {
    from: windowForm.from.value, to: windowForm.to.value, date: windowForm.date.value,
    start: windowForm.start.value, hours: windowForm.hours.value.trim(), lang: getLang(),
  };
  if (windowForm.zone.value) q.zone = windowForm.zone.value;
  return q;
}

function checkWindow() {
  clearErrors(windowForm);
  let ok = checkRequired(windowForm);
  const hours = Number(windowForm.hours.value);
  if (windowForm.hours.value && !(Number.isInteger(hours) && hours >= 1 && hours <= 48)) {
    fieldError(windowForm, 'hours', t('planner.hoursRange'));
    ok = false;
  }
  if (windowForm.from.value === windowForm.to.value) {
    fieldError(windowForm, 'to', t('planner.sameEnds'));
    ok = false;
  }
  if (!ok) focusFirstError(windowForm);
  return ok;
}

async function loadDiagram() {
  const q = query();
  const seq = ++loadSeq;
  const url = `/api/timetable/diagram.svg?${new URLSearchParams(q)}`;
  $('diagram-error').hidden = true;
  $('diagram-status').textContent = t('planner.loadingDiagram');
  diagram.setAttribute('aria-busy', 'true');
  try {
    const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'image/svg+xml, application/problem+json' } });
    if (res.status === 401) { signIn(); return; }
    if (!res.ok) {
      let problem = null;
      try { problem = await res.json(); } catch { problem = null; }
      throw new ApiError(res.status, problem);
    }
    const text = await res.text();
    if (seq !== loadSeq) return; // a newer request is on its way
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    if (!root || root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) {
      throw new Error(t('common.error', { status: res.status }));
    }
    const svg = document.importNode(root, true);
    diagram.replaceChildren(svg);
    shown = q;
    $('svg-link').href = url;
    const address = { ...q };
    delete address.lang; // the language is the page's own choice
    history.replaceState(null, '', `?${new URLSearchParams(address)}`);
    decorate(svg);
    $('diagram-status').textContent = t('planner.diagramShown', {
      trains: svg.querySelectorAll('g.train').length, conflicts: svg.querySelectorAll('g.conflict').length,
    });
    await loadConflicts(q.date);
    if (train) markTrain(train.view.number);
  } catch (err) {
    if (seq !== loadSeq) return;
    $('diagram-status').textContent = '';
    if (err instanceof ApiError && err.status === 403) { forbidden(); return; }
    if (err instanceof ApiError && err.status === 400 && err.problem) {
      showProblem(windowForm, err);
      return;
    }
    $('diagram-error').textContent = errorText(err);
    $('diagram-error').hidden = false;
  } finally {
    if (seq === loadSeq) diagram.removeAttribute('aria-busy');
  }
}

/** Makes every train of the inline SVG a button: click, Enter or Space shows its times. */
function decorate(svg) {
  svg.removeAttribute('aria-labelledby');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', (svg.querySelector('title') || {}).textContent || t('planner.heading'));
  svg.querySelectorAll('g.train').forEach((g) => {
    const title = g.querySelector('title');
    const lines = title ? title.textContent.split('\n') : [g.dataset.train];
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', lines.slice(0, 2).join(', '));
    g.addEventListener('click', () => showTrain(g.dataset.train, g.dataset.serviceDate, false));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        showTrain(g.dataset.train, g.dataset.serviceDate, true);
      }
    });
  });
}

function markTrain(number) {
  diagram.querySelectorAll('g.train').forEach((g) => g.classList.toggle('selected', g.dataset.train === number));
}

// ---------- conflicts ----------

async function loadConflicts(date) {
  try {
    conflicts = (await api(`/api/timetable/conflicts?date=${encodeURIComponent(date)}`)) || [];
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { signIn(); return; }
    if (err instanceof ApiError && err.status === 403) { forbidden(); return; }
    conflicts = null;
    $('conflicts').replaceChildren(h('li', { class: 'message error' }, errorText(err)));
    return;
  }
  renderConflicts();
}

/** "D887@2026-12-01" → {number, date}; a possession id → {possession}. */
function owner(id) {
  const at = id.indexOf('@');
  return at < 0 ? { possession: id } : { number: id.slice(0, at), date: id.slice(at + 1) };
}

function ownerNode(id) {
  const o = owner(id);
  if (o.possession) return h('span', {}, t('planner.possessionOwner', { id: o.possession }));
  const label = shown && o.date !== shown.date ? `${o.number} (${o.date.slice(5)})` : o.number;
  return h('button', { type: 'button', class: 'linkish', onclick: () => showTrain(o.number, o.date, true) }, label);
}

function conflictBox(c) {
  return [...diagram.querySelectorAll('g.conflict')].find((g) => g.dataset.resource === c.resource
    && g.dataset.first === c.first && g.dataset.second === c.second);
}

function conflictItem(c, zone) {
  const box = conflictBox(c);
  return h('li', {},
    h('strong', {}, ownerNode(c.first), ' × ', ownerNode(c.second)),
    ' ', h('span', {}, `${clock(c.from, zone)}–${clock(c.to, zone)}`),
    h('span', { class: 'res' }, c.resource),
    box ? h('button', { type: 'button', class: 'linkish', onclick: () => showConflict(box) }, t('planner.showInDiagram'))
      : null);
}

/** The conflicts drawn in the diagram first; the rest of the day's folded away below them. */
function renderConflicts() {
  const list = $('conflicts');
  if (!conflicts) return;
  $('conflict-count').textContent = conflicts.length ? `(${conflicts.length})` : '';
  if (!conflicts.length) {
    list.replaceChildren(h('li', { class: 'ok' }, t('planner.noConflict')));
    return;
  }
  const zone = shown && shown.zone ? shown.zone : zoneOfPoint(shown ? shown.from : 'KMS');
  const inDiagram = conflicts.filter((c) => conflictBox(c));
  const elsewhere = conflicts.filter((c) => !conflictBox(c));
  list.replaceChildren(...inDiagram.map((c) => conflictItem(c, zone)),
    elsewhere.length ? h('li', { class: 'elsewhere' }, h('details', { open: inDiagram.length ? null : true },
      h('summary', {}, t('planner.otherConflicts', { n: elsewhere.length })),
      h('ul', { class: 'conflict-list' }, elsewhere.map((c) => conflictItem(c, zone))))) : null);
}

function showConflict(box) {
  diagram.querySelectorAll('g.conflict.selected').forEach((g) => g.classList.remove('selected'));
  box.classList.add('selected');
  if (box.scrollIntoView) box.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
}

// ---------- one train ----------

async function showTrain(number, date, fromKeyboard) {
  try {
    const view = await api(`/api/timetable/trains/${encodeURIComponent(number)}?date=${encodeURIComponent(date || windowForm.date.value)}`);
    renderTrain(view, fromKeyboard);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { signIn(); return; }
    $('diagram-error').textContent = err instanceof ApiError && err.status === 404
      ? t('planner.trainNotFound', { number }) : errorText(err);
    $('diagram-error').hidden = false;
  }
}

function renderTrain(view, fromKeyboard) {
  train = { view, fromKeyboard };
  const panel = $('train-panel');
  const calls = view.calls || [];
  $('train-title').textContent = `${view.number} · ${view.trainType}`;
  const meta = t('planner.trainMeta', {
    operator: view.operator || '', from: pointName(view.from || (calls[0] || {}).point),
    to: pointName(view.to || (calls[calls.length - 1] || {}).point), date: view.serviceDate || '',
  });
  $('train-meta').textContent = view.runsOnDate === false ? `${meta} · ${t('planner.runsNot', { date: view.serviceDate })}` : meta;
  const passes = $('show-passes').checked;
  const rows = calls.map((c, i) => {
    const first = i === 0;
    const last = i === calls.length - 1;
    const standing = c.stops || (c.dwellSeconds || 0) > 0 || c.arrivalLocal !== c.departureLocal;
    if (!first && !last && !standing && !passes) return null;
    const pass = !first && !last && !standing;
    return h('tr', { class: pass ? 'pass' : 'stop' },
      h('td', {}, c.name ? localName(c.name) : pointName(c.point), ' ', h('span', { class: 'sub' }, c.point,
        pass ? ` · ${t('planner.pass')}` : '')),
      h('td', { class: 'num' }, first ? '' : c.arrivalLocal || ''),
      h('td', { class: 'num' }, last || pass ? '' : c.departureLocal || ''),
      h('td', {}, utcLabel(c.timeZone, c.arrival || c.departure)));
  });
  document.querySelector('#train-table tbody').replaceChildren(...rows.filter(Boolean));
  panel.hidden = false;
  markTrain(view.number);
  if (fromKeyboard) panel.focus();
}

// ---------- inserting a path ----------

function stopRows() {
  return [...$('stops').querySelectorAll('.stop-row')];
}

function renumberStops() {
  stopRows().forEach((row, i) => {
    const [pointField, dwellField] = row.querySelectorAll('.field');
    pointField.dataset.field = `stops[${i}].point`;
    dwellField.dataset.field = `stops[${i}].dwellMinutes`;
    row.querySelector('label').textContent = t('planner.stopPoint', { n: i + 1 });
    row.querySelectorAll('label')[1].textContent = t('planner.dwell');
    const remove = row.querySelector('button');
    remove.textContent = t('planner.removeStop');
    remove.setAttribute('aria-label', t('planner.removeStopLabel', { n: i + 1 }));
  });
}

let stopSeq = 0;
function addStop(point, minutes = 10) {
  const n = ++stopSeq;
  const select = h('select', { id: `stop-point-${n}`, name: `stop-point-${n}` });
  fillPointSelect(select, point || 'LPB', (p) => p.kind !== 'BORDER' && p.stationTracks > 0);
  const row = h('div', { class: 'stop-row' },
    h('div', { class: 'field' }, h('label', { for: `stop-point-${n}` }), select),
    h('div', { class: 'field' }, h('label', { for: `stop-dwell-${n}` }),
      h('input', { id: `stop-dwell-${n}`, name: `stop-dwell-${n}`, type: 'number', min: 0, max: 720, value: minutes,
        inputmode: 'numeric' })),
    h('button', {
      type: 'button', class: 'btn small secondary',
      onclick: () => {
        const next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumberStops();
        (next ? next.querySelector('select') : $('add-stop')).focus();
      },
    }));
  $('stops').append(row);
  renumberStops();
  return select;
}

function updateEarliestNote() {
  const code = insertForm.from.value;
  const zone = zoneOfPoint(code);
  $('ins-earliest-zone').textContent = t('planner.earliestZone', { name: pointName(code), zone: zoneLabel(zone) });
}

async function insertPath(ev) {
  ev.preventDefault();
  clearErrors(insertForm);
  let ok = checkRequired(insertForm);
  stopRows().forEach((row, i) => {
    const minutes = row.querySelector('input').value.trim();
    if (!/^\d+$/.test(minutes) || Number(minutes) > 720) {
      fieldError(insertForm, `stops[${i}].dwellMinutes`, t('planner.dwellRange'));
      ok = false;
    }
  });
  if (!ok) { focusFirstError(insertForm); return; }
  const zone = zoneOfPoint(insertForm.from.value);
  const local = insertForm.earliest.value.slice(0, 16);
  const body = {
    trainType: insertForm.trainType.value,
    number: insertForm.number.value.trim().toUpperCase(),
    from: insertForm.from.value,
    to: insertForm.to.value,
    earliest: `${local}${offsetAt(zone, local)}`,
    stops: stopRows().map((row) => ({
      point: row.querySelector('select').value,
      dwellMinutes: Number(row.querySelector('input').value),
    })),
    add: true,
  };
  const result = $('insert-result');
  result.replaceChildren();
  await busy(insertForm, async () => {
    let r;
    try {
      r = await api('/api/timetable/insert', { method: 'POST', body });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) { signIn(); return; }
      if (err instanceof ApiError && err.status === 403) { formError(insertForm, t('planner.insertForbidden')); return; }
      showProblem(insertForm, err);
      return;
    }
    // the answer carries the new train's calls: {plan, calls, …} or {train: {number, calls, …}, …}
    const view = r.train || { ...(r.plan || {}), calls: r.calls || [] };
    view.number = view.number || body.number;
    view.trainType = view.trainType || body.trainType;
    const calls = view.calls || [];
    const first = calls[0] || {};
    const last = calls[calls.length - 1] || {};
    const waits = r.waits || [];
    const delay = Number(r.departureDelayMinutes || 0);
    result.replaceChildren(h('div', { class: 'message ok' },
      h('p', { style: 'margin:0' }, t('planner.inserted', {
        number: view.number, dep: first.departureLocal || '', arr: last.arrivalLocal || '', waits: waits.length,
      })),
      h('p', { style: 'margin:.25rem 0 0' }, delay > 0 ? t('planner.delay', { minutes: delay }) : t('planner.noDelay'),
        waits.length ? ` ${t('planner.waitsList', {
          list: waits.map((w) => t('planner.dwellFmt', { point: pointName(w.point), minutes: w.dwellMinutes })).join(', '),
        })}` : '')));
    if (calls.length) renderTrain(view, false);
    await loadDiagram();
    markTrain(view.number);
    await loadTrains();
  });
}

// ---------- the list of trains; moving a departure ----------

let trains = [];
const moveForm = $('move-form');

async function loadTrains() {
  try {
    trains = (await api('/api/timetable/trains')) || [];
  } catch (err) {
    $('move-result').replaceChildren(h('p', { class: 'message error' }, errorText(err)));
    return;
  }
  renderTrains();
}

function renderTrains() {
  const keep = moveForm.number.value;
  moveForm.number.replaceChildren(...trains.map((tr) => h('option', { value: tr.number },
    `${tr.number} · ${pointName(tr.from)} ${tr.departureLocal}`)));
  if (keep && trains.some((tr) => tr.number === keep)) moveForm.number.value = keep;
  if (!moveForm.departure.value) syncDeparture();
  document.querySelector('#trains-table tbody').replaceChildren(...trains.map((tr) => h('tr', { 'data-train': tr.number },
    h('td', {}, h('button', { type: 'button', class: 'linkish', onclick: () => showTrain(tr.number, windowForm.date.value, true) },
      tr.number)),
    h('td', {}, tr.operator), h('td', {}, tr.trainType),
    h('td', {}, `${pointName(tr.from)} → ${pointName(tr.to)}`),
    h('td', { class: 'num' }, tr.departureLocal), h('td', { class: 'num' }, tr.arrivalLocal), h('td', {}, tr.days))));
}

function syncDeparture() {
  const tr = trains.find((x) => x.number === moveForm.number.value);
  if (tr) moveForm.departure.value = tr.departureLocal;
}

async function moveDeparture(ev) {
  ev.preventDefault();
  clearErrors(moveForm);
  if (!checkRequired(moveForm)) { focusFirstError(moveForm); return; }
  const number = moveForm.number.value;
  const date = windowForm.date.value;
  await busy(moveForm, async () => {
    let view;
    try {
      view = await api(`/api/timetable/trains/${encodeURIComponent(number)}/departure?date=${encodeURIComponent(date)}`,
        { method: 'POST', body: { departure: moveForm.departure.value } });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) { signIn(); return; }
      if (err instanceof ApiError && err.status === 403) { formError(moveForm, t('planner.insertForbidden')); return; }
      showProblem(moveForm, err);
      return;
    }
    await loadDiagram();
    await loadTrains();
    const first = (view.calls || [])[0] || {};
    $('move-result').replaceChildren(h('p', { class: 'message ok' }, t('planner.moved', {
      number, from: pointName(first.point), time: first.departureLocal || moveForm.departure.value,
      n: conflicts ? conflicts.length : '?', date,
    })));
    renderTrain(view, false);
  });
}

// ---------- language and start ----------

function refreshTexts() {
  if (!points.length) return;
  fillPointSelect(windowForm.from);
  fillPointSelect(windowForm.to);
  fillPointSelect(insertForm.from);
  fillPointSelect(insertForm.to);
  stopRows().forEach((row) => fillPointSelect(row.querySelector('select'), null,
    (p) => p.kind !== 'BORDER' && p.stationTracks > 0));
  renumberStops();
  updateEarliestNote();
  renderConflicts();
  renderTrains();
  if (train) renderTrain(train.view, false);
  if (shown) loadDiagram();
}

async function start() {
  const me = await initPage({ titleKey: 'planner.title' });
  if (!me) { signIn(); return; }
  const roles = Array.isArray(me.roles) ? me.roles : [];
  if (!roles.some((r) => PLANNING.includes(r))) { forbidden(); return; }
  $('content').hidden = false;
  if (!roles.some((r) => INSERTING.includes(r))) {
    insertForm.hidden = true;
    moveForm.hidden = true;
    $('insert-result').replaceChildren(h('p', { class: 'note' }, t('planner.insertForbidden')));
  }
  try {
    points = [...((await api('/api/network/points?include=assumed')) || [])].sort((a, b) => a.km - b.km);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { signIn(); return; }
    $('diagram-error').textContent = errorText(err);
    $('diagram-error').hidden = false;
    return;
  }
  const params = new URLSearchParams(location.search);
  const has = (code) => code && pointOf(code.toUpperCase());
  fillPointSelect(windowForm.from, has(params.get('from')) ? params.get('from').toUpperCase() : 'BTN');
  fillPointSelect(windowForm.to, has(params.get('to')) ? params.get('to').toUpperCase() : 'VTE');
  const zoneParam = params.get('zone');
  if (zoneParam && [...windowForm.zone.options].some((o) => o.value === zoneParam)) windowForm.zone.value = zoneParam;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '') ? params.get('date') : today(zoneOfPoint(windowForm.from.value));
  windowForm.date.value = date;
  if (/^\d{2}:\d{2}$/.test(params.get('start') || '')) windowForm.start.value = params.get('start');
  if (/^\d{1,2}$/.test(params.get('hours') || '')) windowForm.hours.value = params.get('hours');

  fillPointSelect(insertForm.from, 'BTN');
  fillPointSelect(insertForm.to, 'VTS');
  insertForm.earliest.value = `${date}T10:00`;
  updateEarliestNote();

  windowForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (checkWindow()) loadDiagram();
  });
  $('swap').addEventListener('click', () => {
    const a = windowForm.from.value;
    windowForm.from.value = windowForm.to.value;
    windowForm.to.value = a;
    if (checkWindow()) loadDiagram();
  });
  $('fit').addEventListener('change', (e) => diagram.classList.toggle('fit', e.target.checked));
  $('train-close').addEventListener('click', () => {
    $('train-panel').hidden = true;
    const number = train && train.view.number;
    train = null;
    markTrain(null);
    const g = number && diagram.querySelector(`g.train[data-train="${CSS.escape(number)}"]`);
    if (g) g.focus();
  });
  $('show-passes').addEventListener('change', () => { if (train) renderTrain(train.view, false); });
  $('add-stop').addEventListener('click', () => addStop().focus());
  insertForm.from.addEventListener('change', updateEarliestNote);
  insertForm.addEventListener('submit', insertPath);
  moveForm.addEventListener('submit', moveDeparture);
  moveForm.number.addEventListener('change', syncDeparture);
  document.addEventListener('lang-change', refreshTexts);
  await loadDiagram();
  await loadTrains();
}

start();
