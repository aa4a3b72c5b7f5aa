// Planner page (planner.html): the time-distance diagram of a stretch and time window, drawn on the server
// (GET /api/timetable/diagram.svg, at a zoom: the text keeps its size) and put inline so its trains can be clicked,
// with its station and time axes kept in view while it scrolls; the day's conflicts beside it
// (GET /api/timetable/conflicts); a train's calls on click (GET /api/timetable/trains/{number}); and timetable
// changes (/api/timetable/changes): a move, a new path or a cancellation over a scope of dates is kept as a draft,
// previewed (its conflicts, its diagram, the sold tickets it touches), then published or discarded; a published change
// can be undone. Needs the PLANNER, DISPATCHER, MAINTAINER or ADMIN role; changing needs PLANNER or DISPATCHER.
// 401 from any call goes to the sign-in page.
import {
  initPage, api, h, s, ApiError, clearErrors, fieldError, formError, showProblem, checkRequired, focusFirstError, busy,
  errorText,
} from '/lib/common.js';
import { t, getLang, localName, locale } from '/lib/i18n.js';
import { resourceName as resourceNameOf } from '/lib/names.js';
import { offsetAt, offsetAtInstant, utcText, zoneLabel } from '/lib/zones.js';

const $ = (id) => document.getElementById(id);
const windowForm = $('window-form');
const changeForm = $('change-form');
const publishForm = $('publish-form');
const diagram = $('diagram');
const PLANNING = ['PLANNER', 'DISPATCHER', 'MAINTAINER', 'ADMIN'];
const CHANGING = ['PLANNER', 'DISPATCHER'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3, 4];

let points = [];
let lines = []; // the network's lines (GET /api/timetable/diagram/lines), the main line first
let conflicts = [];
let shown = null; // the query the diagram on screen was drawn for
let train = null; // the train in the panel: {view, fromKeyboard}
let loadSeq = 0;
let zoom = 1;
let draft = null; // the draft open in the draft panel: {change, preview, impact}
let previewing = null; // the change whose version of the day the diagram shows, or null for the published one
let highlight = []; // train numbers to mark as changed in the diagram
let changes = [];
let canChange = false;
let networks = []; // the networks served (GET /api/networks), home first
let network = null; // the code of the network shown when it is not home (null: home)
let serviceZone = 'UTC'; // the shown network's service zone (GET /api/networks), for a point it does not know
const NETWORK_KEY = 'lancang.planner.network';

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
const nameOr = (key, code) => { const v = t(key); return v && v !== key ? v : code; };
/** An operator and a train type by name in the reader's language (the code where none is known). */
const operatorName = (code) => (code ? nameOr(`op.${code}`, code) : '');
const trainTypeName = (code) => (code ? nameOr(`traintype.${code}`, code) : '');
const resourceName = (r) => resourceNameOf(r, pointName);
const zoneOfPoint = (code) => (pointOf(code) || points[0] || {}).timeZone || serviceZone;
/** "&network=…" for another network's trains, conflicts and diagram; nothing for home. */
const onNetwork = () => (network ? `&network=${encodeURIComponent(network)}` : '');

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

/** "UTC+7" for a zone at an instant the API gave (now, if none); the zone's name when its offset is unknown. */
function utcLabel(zone, iso) {
  return utcText(iso ? offsetAt(zone, iso, iso) : offsetAtInstant(zone)) || zone;
}

function fillPointSelect(select, value, filter = () => true) {
  const keep = value || select.value;
  select.replaceChildren(...points.filter(filter).map((p) => h('option', { value: p.code },
    `${localName(p.names)} (${p.code})${p.assumed ? ' *' : ''}`)));
  if (keep && [...select.options].some((o) => o.value === keep)) select.value = keep;
}

/** The line picked for the diagram, or null when the network has one line (no picker then). */
const pickedLine = () => (lines.length > 1 ? lines.find((l) => l.code === windowForm.line.value) || lines[0] : null);
/** Whether a point lies on the picked line (every point does on a network of one line). */
const onPickedLine = (p) => { const l = pickedLine(); return !l || l.points.includes(p.code); };

/** The line picker, shown only when the network has more than one line. */
function fillLineSelect(value) {
  $('line-field').hidden = lines.length < 2;
  const keep = value || windowForm.line.value;
  windowForm.line.replaceChildren(...lines.map((l) => h('option', { value: l.code }, `${localName(l.names)} (${l.code})`)));
  if (keep && lines.some((l) => l.code === keep)) windowForm.line.value = keep;
}

// ---------- the diagram ----------

function query() {
  const q = {
    from: windowForm.from.value, to: windowForm.to.value, date: windowForm.date.value,
    start: windowForm.start.value, hours: windowForm.hours.value.trim(), lang: getLang(), zoom: String(zoom),
  };
  if (windowForm.zone.value) q.zone = windowForm.zone.value;
  if (pickedLine()) q.line = pickedLine().code;
  if (previewing) q.change = previewing;
  if (network) q.network = network;
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

/** Where the middle of the view is, as fractions of the diagram's plot (kept across a zoom). */
function viewCentre() {
  const stack = diagram.querySelector('.ldd-stack');
  if (!stack) return null;
  return {
    x: (diagram.scrollLeft + diagram.clientWidth / 2) / stack.offsetWidth,
    y: (diagram.scrollTop + diagram.clientHeight / 2) / stack.offsetHeight,
  };
}

async function loadDiagram({ keepCentre = false } = {}) {
  const centre = keepCentre ? viewCentre() : null;
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
    decorate(svg); // before it joins the page: one style and layout pass, not two
    // the diagram, then its axis bands, then the conflicts, each in a task of its own: one task doing all three
    // blocked a phone's main thread for half a second (Lighthouse's total blocking time)
    await nextTask();
    if (seq !== loadSeq) return;
    const room = stack(svg);
    diagram.replaceChildren(room);
    shown = q;
    $('svg-link').href = url;
    $('zoom-level').textContent = `${Math.round(zoom * 100)} %`;
    const address = { ...q };
    delete address.lang; // the language is the page's own choice
    delete address.change; // a preview is not an address to come back to
    if (address.zoom === '1') delete address.zoom;
    history.replaceState(null, '', `?${new URLSearchParams(address)}`);
    $('diagram-status').textContent = t('planner.diagramShown', {
      trains: svg.querySelectorAll('g.train').length, conflicts: svg.querySelectorAll('g.conflict').length,
    });
    showPreviewBadge();
    if (centre) {
      diagram.scrollLeft = centre.x * room.offsetWidth - diagram.clientWidth / 2;
      diagram.scrollTop = centre.y * room.offsetHeight - diagram.clientHeight / 2;
    }
    await nextTask();
    if (seq !== loadSeq) return;
    addBands(room, svg);
    await nextTask();
    if (seq !== loadSeq) return;
    await loadConflicts(q.date);
    if (train) markTrain(train.view.number);
    markChanged();
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

/** The diagram in a box of its size, on which its axis bands are stacked (addBands). */
function stack(svg) {
  return h('div', { class: 'ldd-stack', style: `width:${svg.getAttribute('width')}px;height:${svg.getAttribute('height')}px` },
    svg);
}

/**
 * The diagram's axes kept in view: the stations' band (left) and the times' band (top) are clones of the diagram's
 * own edges, stuck to the scrolling area's edges, without its trains and for eyes only (the diagram itself is what
 * assistive technology reads). Added after the diagram has been drawn: they only cover what is already there.
 */
function addBands(room, svg) {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const left = Number(svg.dataset.plotLeft || 236);
  const top = Number(svg.dataset.plotTop || 104);
  // only what a band shows: its texts (and the stations' track strip), not the diagram's thousands of lines
  const keep = (e, cls) => {
    const x = Number(e.getAttribute('x'));
    const y = Number(e.getAttribute('y'));
    if (e.tagName !== 'text') return cls === 'left';
    if (cls === 'left') return x <= left;
    if (cls === 'top') return y <= top;
    return x <= left && y <= top && !e.classList.contains('time') && !e.classList.contains('day');
  };
  const edges = [...svg.querySelectorAll('text, line.track-double, line.track-single, path.leader')]
    .filter((e) => !e.closest('g.plot'));
  const band = (cls, w, hgt) => {
    const copy = s('svg', { class: svg.getAttribute('class'), width, height, viewBox: svg.getAttribute('viewBox'),
      'font-family': svg.getAttribute('font-family'), 'font-size': svg.getAttribute('font-size'),
      'aria-hidden': 'true', focusable: 'false' }, s('rect', { class: 'bg', width, height }));
    copy.append(...edges.filter((e) => keep(e, cls)).map((e) => e.cloneNode(true)));
    return h('div', { class: `ldd-axis ${cls}`, 'aria-hidden': 'true', style: `width:${w}px;height:${hgt}px` }, copy);
  };
  room.append(band('top', width, top), band('left', left, height), band('corner', left, top));
}

/** Lets the browser draw and answer input before the rest of a long piece of work. */
const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

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

/** Marks the trains of the change in view and brings the first of them into view. */
function markChanged(bringIntoView = false) {
  const gs = [...diagram.querySelectorAll('g.train')];
  gs.forEach((g) => g.classList.toggle('changed', highlight.includes(g.dataset.train)));
  if (!bringIntoView) return;
  const first = gs.find((g) => highlight.includes(g.dataset.train) && g.dataset.serviceDate === (shown || {}).date)
    || gs.find((g) => highlight.includes(g.dataset.train));
  if (first) centreOn(first);
}

/** Scrolls the diagram so that an element of it is in the middle of the view. */
function centreOn(el) {
  const box = el.getBoundingClientRect();
  const view = diagram.getBoundingClientRect();
  diagram.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
  diagram.scrollTop += box.top + box.height / 2 - (view.top + view.height / 2);
}

function setZoom(next, keepCentre = true) {
  const z = Math.min(6, Math.max(0.25, next));
  if (z === zoom) return;
  zoom = z;
  $('zoom-out').disabled = zoom <= ZOOMS[0];
  $('zoom-in').disabled = zoom >= ZOOMS[ZOOMS.length - 1];
  loadDiagram({ keepCentre });
}

function zoomStep(direction) {
  const next = direction > 0 ? ZOOMS.find((z) => z > zoom + 1e-9) : [...ZOOMS].reverse().find((z) => z < zoom - 1e-9);
  if (next) setZoom(next);
}

/** The zoom at which the whole window fits the width of the page (the text keeps its size). */
function fitZoom() {
  const svg = diagram.querySelector('svg.ldd');
  const left = svg ? Number(svg.dataset.plotLeft || 236) : 236;
  const plotAtOne = 1500 - left - 64;
  return Math.floor(((diagram.clientWidth - left - 64 - 2) / plotAtOne) * 100) / 100; // down: never wider
}

/** Drag the diagram to pan it (the arrow keys scroll it once it has the focus). */
function enablePanning() {
  let from = null;
  diagram.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || e.target.closest('g.train, button, a')) return;
    from = { x: e.clientX, y: e.clientY, left: diagram.scrollLeft, top: diagram.scrollTop, id: e.pointerId };
  });
  diagram.addEventListener('pointermove', (e) => {
    if (!from || e.pointerId !== from.id) return;
    if (!diagram.classList.contains('panning')) {
      if (Math.abs(e.clientX - from.x) + Math.abs(e.clientY - from.y) < 4) return;
      diagram.classList.add('panning');
      diagram.setPointerCapture(e.pointerId);
    }
    diagram.scrollLeft = from.left - (e.clientX - from.x);
    diagram.scrollTop = from.top - (e.clientY - from.y);
  });
  const stop = () => { from = null; diagram.classList.remove('panning'); };
  diagram.addEventListener('pointerup', stop);
  diagram.addEventListener('pointercancel', stop);
}

// ---------- conflicts ----------

async function loadConflicts(date) {
  try {
    conflicts = (await api(`/api/timetable/conflicts?date=${encodeURIComponent(date)}${onNetwork()}`)) || [];
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { signIn(); return; }
    if (err instanceof ApiError && err.status === 403) { forbidden(); return; }
    conflicts = null;
    $('conflicts').replaceChildren(h('li', { class: 'message error' }, errorText(err)));
    return;
  }
  renderConflicts();
}

/** "D87@2026-12-01" → {number, date}; a possession id → {possession}. */
function owner(id) {
  const at = String(id).indexOf('@');
  return at < 0 ? { possession: id } : { number: id.slice(0, at), date: id.slice(at + 1) };
}

function ownerNode(id) {
  if (!id) return h('span', {}, t('planner.unknownOwner'));
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
    ' ', h('span', {}, c.from && c.to ? `${clock(c.from, zone)}–${clock(c.to, zone)}` : ''),
    c.resource ? h('span', { class: 'res', 'data-resource': c.resource }, resourceName(c.resource)) : null,
    box ? h('button', { type: 'button', class: 'linkish', onclick: () => showConflict(box) }, t('planner.showInDiagram'))
      : null);
}

/** The conflicts drawn in the diagram first; the rest of the day's folded away below them. */
function renderConflicts() {
  const list = $('conflicts');
  if (!Array.isArray(conflicts)) return; // the load failed: its error is shown instead
  $('conflict-count').textContent = conflicts.length ? `(${conflicts.length})` : '';
  if (!conflicts.length) {
    list.replaceChildren(h('li', { class: 'ok' }, t('planner.noConflict')));
    return;
  }
  const zone = shown && shown.zone ? shown.zone : zoneOfPoint(shown ? shown.from : null);
  const inDiagram = conflicts.filter((c) => conflictBox(c));
  const elsewhere = conflicts.filter((c) => !conflictBox(c));
  // replaceChildren writes a null as the text "null": only elements go in
  const items = inDiagram.map((c) => conflictItem(c, zone));
  if (elsewhere.length) {
    items.push(h('li', { class: 'elsewhere' }, h('details', { open: inDiagram.length ? null : true },
      h('summary', {}, t('planner.otherConflicts', { n: elsewhere.length })),
      h('ul', { class: 'conflict-list' }, elsewhere.map((c) => conflictItem(c, zone))))));
  }
  list.replaceChildren(...items);
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
  $('train-title').textContent = `${view.number} · ${trainTypeName(view.trainType)}`;
  const meta = t('planner.trainMeta', {
    operator: operatorName(view.operator), from: pointName(view.from || (calls[0] || {}).point),
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

// ---------- stops of a new path ----------

function stopRows() {
  return [...$('stops').querySelectorAll('.stop-row')];
}

function renumberStops() {
  stopRows().forEach((row, i) => {
    const [pointField, dwellField] = row.querySelectorAll('.field');
    pointField.dataset.field = `edits[0].stops[${i}].point`;
    dwellField.dataset.field = `edits[0].stops[${i}].dwellMinutes`;
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
  const code = changeForm.from.value;
  const zone = zoneOfPoint(code);
  $('ins-earliest-zone').textContent = t('planner.earliestZone', { name: pointName(code), zone: zoneLabel(zone, points) });
}

// ---------- the change form ----------

let dayTrains = []; // the trains of the scope's first date, for the move and cancel forms

function kind() {
  return changeForm.kind.value;
}

function showKindFields() {
  const k = kind();
  $('train-field').hidden = k === 'ADD';
  $('departure-field').hidden = k !== 'MOVE';
  $('add-fields').hidden = k !== 'ADD';
  $('edit-departure').required = k === 'MOVE';
}

async function loadDayTrains() {
  const date = changeForm.scopeFrom.value || windowForm.date.value;
  try {
    dayTrains = (await api(`/api/timetable/trains?date=${encodeURIComponent(date)}${onNetwork()}`)) || [];
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { signIn(); return; }
    dayTrains = [];
  }
  renderTrainSelect();
  if (network) fillTrainTypes();
  renderTrains(date);
}

/** Another network's train types, as its trains of the day run them (home's are in the page). */
function fillTrainTypes() {
  const select = changeForm.trainType;
  const keep = select.value;
  const types = [...new Set(dayTrains.map((tr) => tr.trainType).filter(Boolean))].sort();
  if (!types.length) return;
  select.replaceChildren(...types.map((code) => h('option', { value: code }, trainTypeName(code))));
  if (types.includes(keep)) select.value = keep;
}

function renderTrainSelect() {
  const select = changeForm.train;
  const keep = select.value;
  select.replaceChildren(...dayTrains.map((tr) => h('option', { value: tr.number },
    `${tr.number} · ${pointName(tr.from)} ${tr.departureLocal}`)));
  if (keep && dayTrains.some((tr) => tr.number === keep)) select.value = keep;
  syncDeparture();
}

function syncDeparture() {
  const tr = dayTrains.find((x) => x.number === changeForm.train.value);
  if (tr) changeForm.departure.value = tr.departureLocal;
}

function fillDays(checked = DAYS) {
  const box = $('scope-days');
  const keep = new Set(box.querySelector('input') ? [...box.querySelectorAll('input:checked')].map((i) => i.value) : checked);
  box.replaceChildren(h('legend', {}, t('planner.scopeDays')), ...DAYS.map((d) => h('label', {},
    h('input', { type: 'checkbox', name: 'day', value: d, checked: keep.has(d) }), t(`mnt.day.${d}`))));
}

function changeBody() {
  const k = kind();
  const edit = { kind: k };
  if (k === 'ADD') {
    Object.assign(edit, {
      train: changeForm.number.value.trim().toUpperCase(), trainType: changeForm.trainType.value,
      from: changeForm.from.value, to: changeForm.to.value, departure: changeForm.earliest.value, findPath: true,
      via: changeForm.via.value.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()),
      stops: stopRows().map((row) => ({
        point: row.querySelector('select').value, dwellMinutes: Number(row.querySelector('input').value),
      })),
    });
  } else {
    edit.train = changeForm.train.value;
    if (k === 'MOVE') edit.departure = changeForm.departure.value;
  }
  const days = [...$('scope-days').querySelectorAll('input:checked')].map((i) => i.value);
  return {
    network: network || undefined, // the network shown: its timetable is the one changed (home when absent)
    title: changeForm.elements.title.value.trim() || null,
    scope: { from: changeForm.scopeFrom.value, to: changeForm.scopeTo.value || changeForm.scopeFrom.value, days },
    edits: [edit],
  };
}

/** The server names an ADD's number "train" and its earliest departure "departure": show them at their fields. */
function placeProblem(err) {
  const p = err instanceof ApiError && err.problem;
  if (p && kind() === 'ADD') {
    const rename = (f) => (f === 'edits[0].train' ? 'edits[0].number'
      : f === 'edits[0].departure' ? 'edits[0].earliest' : f);
    if (p.field) p.field = rename(p.field);
    (p.errors || []).forEach((e) => { if (e) e.field = rename(e.field); });
  }
  showProblem(changeForm, err);
}

async function saveDraft(ev) {
  ev.preventDefault();
  clearErrors(changeForm);
  let ok = checkRequired(changeForm);
  if (kind() === 'ADD') {
    if (!/^[A-Z0-9]{1,10}$/.test(changeForm.number.value.trim().toUpperCase())) {
      fieldError(changeForm, 'edits[0].number', t('planner.numberFormat'));
      ok = false;
    }
    if (!changeForm.earliest.value) {
      fieldError(changeForm, 'edits[0].earliest', t('common.required'));
      ok = false;
    }
    stopRows().forEach((row, i) => {
      const minutes = row.querySelector('input').value.trim();
      if (!/^\d+$/.test(minutes) || Number(minutes) > 720) {
        fieldError(changeForm, `edits[0].stops[${i}].dwellMinutes`, t('planner.dwellRange'));
        ok = false;
      }
    });
  }
  if (!$('scope-days').querySelector('input:checked')) {
    fieldError(changeForm, 'scope.days', t('planner.scopeDaysNone'));
    ok = false;
  }
  if (!ok) { focusFirstError(changeForm); return; }
  await busy(changeForm, async () => {
    let created;
    try {
      created = await api('/api/timetable/changes', { method: 'POST', body: changeBody() });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) { signIn(); return; }
      if (err instanceof ApiError && err.status === 403) { formError(changeForm, t('planner.changeForbidden')); return; }
      placeProblem(err);
      return;
    }
    $('change-result').replaceChildren();
    await openDraft(created, true);
    await loadChanges();
  });
}

// ---------- a draft: preview, impact, publish ----------

function scopeText(scope) {
  const days = scope.days && scope.days.length < 7 ? ` · ${scope.days.map((d) => t(`mnt.day.${d}`)).join(' ')}` : '';
  return scope.from === scope.to ? `${scope.from}${days}` : `${scope.from} – ${scope.to}${days}`;
}

function editText(e) {
  if (e.kind === 'MOVE') return t('planner.edit.MOVE', { train: e.train, time: (e.departure || '').slice(0, 5) });
  if (e.kind === 'ADD') {
    return t('planner.edit.ADD', { train: e.train, from: pointName(e.from), to: pointName(e.to),
      time: (e.departure || '').slice(0, 5) });
  }
  if (e.kind === 'CANCEL') return t('planner.edit.CANCEL', { train: e.train });
  return t('planner.edit.REPLACE_STOPS', { train: e.train });
}

const shiftText = (minutes) => (minutes > 0 ? `+${minutes}` : String(minutes));

function localTime(iso) {
  return iso ? iso.slice(11, 16) : '—';
}

/** Opens a change in the draft panel: its preview on the diagram's date (or its own first date) and its impact. */
async function openDraft(change, focus) {
  const date = change.scope.from <= windowForm.date.value && windowForm.date.value <= change.scope.to
    ? windowForm.date.value : change.scope.from;
  let preview;
  let impact = null;
  try {
    preview = await api(`/api/timetable/changes/${encodeURIComponent(change.id)}/preview?date=${date}`);
    try {
      impact = await api(`/api/timetable/changes/${encodeURIComponent(change.id)}/impact`);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 403)) throw err;
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { signIn(); return; }
    $('change-result').replaceChildren(h('p', { class: 'message error' }, errorText(err)));
    return;
  }
  draft = { change: preview.change, preview, impact };
  highlight = (preview.change.edits || []).map((e) => e.train);
  previewing = preview.change.status === 'DRAFT' ? preview.change.id : null;
  if (windowForm.date.value !== date) windowForm.date.value = date;
  showPreviewBadge();
  renderDraft();
  $('draft-panel').hidden = false;
  if (focus) $('draft-panel').focus();
  await loadDiagram();
  markChanged(true);
}

function renderDraft() {
  if (!draft) return;
  const { change, preview, impact } = draft;
  const isDraft = change.status === 'DRAFT';
  $('draft-heading').textContent = t(isDraft ? 'planner.draftHeading' : 'planner.changeHeadingOf', { id: change.id });
  $('draft-summary').replaceChildren(
    h('strong', {}, (change.edits || []).map(editText).join('; ')), h('br'),
    t('planner.scopeIs', { scope: scopeText(change.scope) }),
    change.title ? ` · ${change.title}` : '');
  const fresh = preview.newConflicts || [];
  const zone = shown && shown.zone ? shown.zone : zoneOfPoint(shown ? shown.from : null);
  const dates = (preview.scopeCheck && preview.scopeCheck.datesWithNewConflicts) || [];
  const check = preview.scopeCheck || { datesInScope: 0, datesChecked: 0 };
  $('draft-conflicts').replaceChildren(...[
    h('p', { class: fresh.length ? 'message warn' : 'message ok' },
      fresh.length ? t('planner.newConflicts', { n: fresh.length, date: preview.date })
        : t('planner.noNewConflict', { date: preview.date })),
    fresh.length ? h('ul', { class: 'conflict-list' }, fresh.map((c) => conflictItem(c, zone))) : null,
    h('p', { class: 'note' }, dates.length
      ? t('planner.scopeConflicts', { dates: dates.map((d) => `${d.date} (${d.newConflicts})`).join(', ') })
      : t('planner.scopeClear', { checked: check.datesChecked, total: check.datesInScope }))]
    .filter(Boolean)); // replaceChildren would write a null as "null"
  $('draft-impact').replaceChildren(impactNode(impact));
  $('accept-field').hidden = !(isDraft && (fresh.length || dates.length));
  publishForm.hidden = !isDraft || !canChange;
}

function impactNode(impact) {
  if (!impact) return h('p', { class: 'note' }, t('planner.impactHidden'));
  if (!impact.touched.length) return h('p', { class: 'note', id: 'impact-none' }, t('planner.impactNone'));
  return h('div', {},
    h('p', {}, t('planner.impactSummary', { bookings: impact.bookings, passengers: impact.passengers,
      runs: impact.runs.length })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'impact', id: 'impact-table' },
      h('caption', { class: 'visually-hidden' }, t('planner.impactHeading')),
      h('thead', {}, h('tr', {}, ['planner.moveTrain', 'planner.impactPassengers', 'planner.impactTimes',
        'planner.impactOffer'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, impact.touched.map((b) => h('tr', { 'data-booking': b.bookingId },
        h('th', { scope: 'row' }, b.train, h('span', { class: 'sub' }, b.date),
          h('span', { class: 'sub' }, `${pointName(b.from)} → ${pointName(b.to)}`)),
        h('td', { class: 'num' }, String(b.passengers)),
        h('td', { class: 'shift' }, b.cancelled ? t('planner.cancelledRun') : [
          t('planner.impactDep', { was: localTime(b.departureBefore), is: localTime(b.departureAfter),
            shift: shiftText(b.departureShiftMinutes) }), h('br'),
          t('planner.impactArr', { was: localTime(b.arrivalBefore), is: localTime(b.arrivalAfter),
            shift: shiftText(b.arrivalShiftMinutes) })]),
        h('td', {}, t(`planner.remedy.${b.remedy}`))))))));
}

async function publish(ev) {
  ev.preventDefault();
  if (!draft) return;
  clearErrors(publishForm);
  const id = draft.change.id;
  await busy(publishForm, async () => {
    let outcome;
    try {
      outcome = await api(`/api/timetable/changes/${encodeURIComponent(id)}/publish`, {
        method: 'POST', body: { acceptConflicts: $('accept-conflicts').checked },
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) { signIn(); return; }
      if (err instanceof ApiError && err.status === 409 && err.problem && err.problem.field === 'acceptConflicts') {
        $('accept-field').hidden = false;
      }
      showProblem(publishForm, err);
      return;
    }
    closeDraft();
    highlight = (outcome.change.edits || []).map((e) => e.train);
    $('change-result').replaceChildren(h('p', { class: 'message ok' }, t('planner.published', {
      id, scope: scopeText(outcome.change.scope), bookings: outcome.impact.bookings,
      passengers: outcome.impact.passengers,
    })));
    await refreshAfterChange();
    diagram.scrollIntoView({ block: 'nearest' });
    markChanged(true);
  });
}

async function discard() {
  if (!draft) return;
  const id = draft.change.id;
  try {
    await api(`/api/timetable/changes/${encodeURIComponent(id)}/discard`, { method: 'POST', body: {} });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { signIn(); return; }
    formError(publishForm, errorText(err));
    return;
  }
  closeDraft();
  highlight = [];
  $('change-result').replaceChildren(h('p', { class: 'message ok' }, t('planner.discarded', { id })));
  await refreshAfterChange();
}

async function undo(change, button) {
  button.disabled = true;
  let outcome;
  try {
    outcome = await api(`/api/timetable/changes/${encodeURIComponent(change.id)}/undo`, { method: 'POST', body: {} });
  } catch (err) {
    button.disabled = false;
    if (err instanceof ApiError && err.status === 401) { signIn(); return; }
    $('change-result').replaceChildren(h('p', { class: 'message error' }, errorText(err)));
    return;
  }
  if (draft && draft.change.id === change.id) closeDraft();
  highlight = (change.edits || []).map((e) => e.train);
  $('change-result').replaceChildren(h('p', { class: 'message ok' }, t('planner.undone', {
    id: change.id, bookings: outcome.impact.bookings,
  })));
  await refreshAfterChange();
  markChanged(true);
}

function closeDraft() {
  draft = null;
  previewing = null;
  $('draft-panel').hidden = true;
  showPreviewBadge();
}

async function refreshAfterChange() {
  await loadDiagram();
  await Promise.all([loadChanges(), loadDayTrains()]);
  if (train) showTrain(train.view.number, windowForm.date.value, false);
}

function showPreviewBadge() {
  const badge = $('preview-badge');
  badge.hidden = !previewing;
  $('preview-off').hidden = !previewing;
  if (previewing) badge.textContent = t('planner.previewBadge', { id: previewing });
}

// ---------- the list of changes ----------

async function loadChanges() {
  try {
    changes = (await api(`/api/timetable/changes${network ? `?network=${encodeURIComponent(network)}` : ''}`)) || [];
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { signIn(); return; }
    $('changes-list').replaceChildren(h('li', { class: 'message error' }, errorText(err)));
    return;
  }
  renderChanges();
}

function renderChanges() {
  const list = $('changes-list');
  if (!changes.length) { list.replaceChildren(h('li', { class: 'note' }, t('planner.noChanges'))); return; }
  list.replaceChildren(...changes.slice(0, 30).map((c) => {
    const who = c.status === 'PUBLISHED' ? t('planner.publishedBy', { by: c.publishedBy, when: when(c.publishedAt) })
      : c.status === 'UNDONE' ? t('planner.undoneBy', { by: c.undoneBy, when: when(c.undoneAt) })
        : t('planner.createdBy', { by: c.createdBy, when: when(c.createdAt) });
    const open = h('button', { type: 'button', class: 'linkish', onclick: () => openDraft(c, true) },
      c.status === 'DRAFT' ? t('planner.openDraft') : t('planner.look'));
    const undoButton = c.status === 'PUBLISHED' && canChange
      ? h('button', { type: 'button', class: 'btn small secondary', 'data-action': 'undo' }, t('planner.undo')) : null;
    if (undoButton) undoButton.addEventListener('click', () => undo(c, undoButton));
    return h('li', { 'data-change': c.id, 'data-status': c.status },
      h('strong', {}, c.id), ' ', h('span', { class: `status-${c.status}` }, t(`planner.status.${c.status}`)),
      h('span', { class: 'meta' }, (c.edits || []).map(editText).join('; ')),
      h('span', { class: 'meta' }, `${scopeText(c.scope)}${c.title ? ` · ${c.title}` : ''}`),
      h('span', { class: 'meta' }, who), open, ' ', undoButton);
  }));
}

const when = (iso) => (iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short' })
  .format(new Date(iso)) : '');

// ---------- the list of trains ----------

function renderTrains(date) {
  $('trains-note').textContent = t('planner.trainsOn', { date });
  document.querySelector('#trains-table tbody').replaceChildren(...dayTrains.map((tr) => h('tr', { 'data-train': tr.number },
    h('td', {}, h('button', { type: 'button', class: 'linkish', onclick: () => showTrain(tr.number, date, true) },
      tr.number)),
    h('td', {}, operatorName(tr.operator)), h('td', {}, trainTypeName(tr.trainType)),
    h('td', {}, `${pointName(tr.from)} → ${pointName(tr.to)}`),
    h('td', { class: 'num' }, tr.departureLocal), h('td', { class: 'num' }, tr.arrivalLocal), h('td', {}, tr.days))));
}

// ---------- the network ----------

/**
 * The network shown: ?network=, else the one chosen last time on this browser, else home. The select in the header
 * lists every network served and reloads the page on another (its points, trains and zones are all different).
 */
async function pickNetwork(params) {
  networks = (await api('/api/networks')) || [];
  const known = (code) => networks.find((n) => n.code === code);
  const asked = params.get('network') || localStorage.getItem(NETWORK_KEY);
  const chosen = known(asked) || networks.find((n) => n.home) || networks[0];
  network = chosen && !chosen.home ? chosen.code : null;
  serviceZone = (chosen && chosen.serviceZone) || serviceZone;
  if (chosen) localStorage.setItem(NETWORK_KEY, chosen.code);
  const select = $('network');
  select.replaceChildren(...networks.map((n) => h('option', { value: n.code }, localName(n.names))));
  if (chosen) select.value = chosen.code;
  $('network-field').hidden = networks.length < 2;
  select.onchange = () => {
    localStorage.setItem(NETWORK_KEY, select.value);
    location.assign(`?${new URLSearchParams({ network: select.value })}`);
  };
}

/** The time axes the network's points offer (home's as any other's): each zone its points keep, in km order. */
function fillZones() {
  const keep = windowForm.zone.value;
  const zones = [...new Set(points.map((p) => p.timeZone))];
  windowForm.zone.replaceChildren(windowForm.zone.options[0],
    ...zones.map((z) => h('option', { value: z }, `${zoneLabel(z, points)} (${utcLabel(z)})`)));
  windowForm.zone.value = zones.includes(keep) ? keep : '';
}

function renameNetworks() {
  const select = $('network');
  [...select.options].forEach((o) => {
    const n = networks.find((x) => x.code === o.value);
    if (n) o.textContent = localName(n.names);
  });
}

// ---------- language and start ----------

function refreshTexts() {
  renameNetworks();
  if (!points.length) return;
  fillZones();
  fillLineSelect();
  fillPointSelect(windowForm.from, null, onPickedLine);
  fillPointSelect(windowForm.to, null, onPickedLine);
  fillPointSelect(changeForm.from);
  fillPointSelect(changeForm.to);
  stopRows().forEach((row) => fillPointSelect(row.querySelector('select'), null,
    (p) => p.kind !== 'BORDER' && p.stationTracks > 0));
  renumberStops();
  fillDays();
  updateEarliestNote();
  renderConflicts();
  renderTrainSelect();
  renderTrains(changeForm.scopeFrom.value || windowForm.date.value);
  renderChanges();
  renderDraft();
  if (train) renderTrain(train.view, false);
  if (shown) loadDiagram({ keepCentre: true });
}

async function start() {
  const me = await initPage({ titleKey: 'planner.title' });
  if (!me) { signIn(); return; }
  const roles = Array.isArray(me.roles) ? me.roles : [];
  if (!roles.some((r) => PLANNING.includes(r))) { forbidden(); return; }
  $('content').hidden = false;
  const params = new URLSearchParams(location.search);
  canChange = roles.some((r) => CHANGING.includes(r));
  try {
    await pickNetwork(params);
    points = [...((await api(network ? `/api/networks/${encodeURIComponent(network)}/points`
      : '/api/network/points?include=assumed')) || [])].sort((a, b) => a.km - b.km);
    lines = (await api(`/api/timetable/diagram/lines${network ? `?network=${encodeURIComponent(network)}` : ''}`)) || [];
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { signIn(); return; }
    $('diagram-error').textContent = errorText(err);
    $('diagram-error').hidden = false;
    return;
  }
  fillZones();
  if (network) { // another network: its own points, zones, trains and changes (the change panel acts on it)
    // the whole line in its own chainage direction, and an evening start so that the overnight trains show
    if (!params.get('start')) windowForm.start.value = '18:00';
    if (!params.get('hours')) windowForm.hours.value = '18';
  }
  if (!canChange) {
    changeForm.hidden = true;
    $('change-result').replaceChildren(h('p', { class: 'note' }, t('planner.changeForbidden')));
  }
  fillLineSelect(params.get('line'));
  const line = pickedLine();
  const has = (code) => code && pointOf(code.toUpperCase()) && onPickedLine(pointOf(code.toUpperCase()));
  const first = line ? line.points[0] : network ? points[0].code : 'BTN';
  const last = line ? line.points[line.points.length - 1] : network ? points[points.length - 1].code : 'VTE';
  fillPointSelect(windowForm.from, has(params.get('from')) ? params.get('from').toUpperCase() : first, onPickedLine);
  fillPointSelect(windowForm.to, has(params.get('to')) ? params.get('to').toUpperCase() : last, onPickedLine);
  const zoneParam = params.get('zone');
  if (zoneParam && [...windowForm.zone.options].some((o) => o.value === zoneParam)) windowForm.zone.value = zoneParam;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '') ? params.get('date') : today(zoneOfPoint(windowForm.from.value));
  windowForm.date.value = date;
  if (/^\d{2}:\d{2}$/.test(params.get('start') || '')) windowForm.start.value = params.get('start');
  if (/^\d{1,2}$/.test(params.get('hours') || '')) windowForm.hours.value = params.get('hours');
  const z = Number(params.get('zoom'));
  if (z >= 0.25 && z <= 6) zoom = z;

  fillPointSelect(changeForm.from, network ? points[0].code : 'BTN');
  fillPointSelect(changeForm.to, network ? points[points.length - 1].code : 'VTS');
  changeForm.scopeFrom.value = date;
  changeForm.scopeTo.value = date;
  fillDays();
  updateEarliestNote();
  showKindFields();

  windowForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (checkWindow()) loadDiagram();
  });
  windowForm.date.addEventListener('change', () => {
    if (!draft && windowForm.date.value) {
      changeForm.scopeFrom.value = windowForm.date.value;
      changeForm.scopeTo.value = windowForm.date.value;
      loadDayTrains();
    }
  });
  windowForm.line.addEventListener('change', () => { // another line: its whole length, drawn at once
    const l = pickedLine();
    fillPointSelect(windowForm.from, l.points[0], onPickedLine);
    fillPointSelect(windowForm.to, l.points[l.points.length - 1], onPickedLine);
    if (checkWindow()) loadDiagram();
  });
  $('swap').addEventListener('click', () => {
    const a = windowForm.from.value;
    windowForm.from.value = windowForm.to.value;
    windowForm.to.value = a;
    if (checkWindow()) loadDiagram();
  });
  $('zoom-in').addEventListener('click', () => zoomStep(1));
  $('zoom-out').addEventListener('click', () => zoomStep(-1));
  $('zoom-reset').addEventListener('click', () => setZoom(1));
  $('zoom-fit').addEventListener('click', () => setZoom(fitZoom(), false));
  $('preview-off').addEventListener('click', () => { previewing = null; loadDiagram({ keepCentre: true }); });
  enablePanning();
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
  changeForm.from.addEventListener('change', updateEarliestNote);
  changeForm.kind.addEventListener('change', showKindFields);
  changeForm.train.addEventListener('change', syncDeparture);
  changeForm.scopeFrom.addEventListener('change', () => {
    if (!changeForm.scopeTo.value || changeForm.scopeTo.value < changeForm.scopeFrom.value) {
      changeForm.scopeTo.value = changeForm.scopeFrom.value;
    }
    loadDayTrains();
  });
  changeForm.addEventListener('submit', saveDraft);
  publishForm.addEventListener('submit', publish);
  $('discard-draft').addEventListener('click', discard);
  document.addEventListener('lang-change', refreshTexts);
  await loadDiagram();
  await Promise.all([loadDayTrains(), loadChanges()]);
}

start();
