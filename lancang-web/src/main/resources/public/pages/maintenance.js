// Maintenance page (maintenance.html): assets by km (GET /api/maintenance/assets), the defect form with an optional
// speed restriction and a photo (POST /api/maintenance/defects, then …/photos with the image as the body), the
// restrictions in force with what they cost each train, the work-order board (…/work-orders and …/status), and the
// skylight plan with its windows drawn on the time-distance diagram (GET /api/timetable/diagram.svg). Reading needs
// MAINTAINER, PLANNER, DISPATCHER or ADMIN; the server refuses what a role may not do, and the page says so. The page
// shows one network's maintenance, picked like the planner's (?network=, else the last chosen on this browser, else
// home): every list names it (?network=), what names an asset, a defect or a point goes to that one's network anyway.
import {
  initPage, api, h, ApiError, clearErrors, formError, showProblem, checkRequired, busy, errorText,
} from '/lib/common.js';
import { t, getLang, localName, locale } from '/lib/i18n.js';
import { resourceName, ownerLabel } from '/lib/names.js';
import { countryName, offsetAt } from '/lib/zones.js';

const $ = (id) => document.getElementById(id);
const READERS = ['MAINTAINER', 'PLANNER', 'DISPATCHER', 'ADMIN'];
const TYPES = ['TRACK', 'TUNNEL', 'BRIDGE', 'STATION', 'TURNOUT', 'OVERHEAD_LINE'];
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const STATUSES = ['OPEN', 'PLANNED', 'IN_PROGRESS', 'DONE', 'VERIFIED'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const MAX_PHOTO = 5 * 1024 * 1024;

const NETWORK_KEY = 'lancang.maintenance.network';

let networks = []; // the networks served (GET /api/networks), home first
let network = null; // the one shown
let points = [];
let windows = [];
let assets = []; // the whole register, to know where a work order's asset lies

/** A path of the API with the network shown named, for the lists (home's is the default, so it is left out). */
const onNetwork = (path) => (network && !network.home
  ? `${path}${path.includes('?') ? '&' : '?'}network=${encodeURIComponent(network.code)}` : path);
const pointName = (code) => { const p = points.find((x) => x.code === code); return p ? localName(p.names) : code; };
/**
 * A country by name in the reader's language from the network's own countries.csv, as its points carry it, so a
 * network the pages do not know reads well too.
 */
const countryLabel = (code) => countryName(code, (points.find((p) => p.country === code) || {}).countryNames);
/** An operator by name in the reader's language (the code where none is known). */
const operatorName = (code) => { const k = `op.${code}`; const v = t(k); return v && v !== k ? v : code; };

/**
 * An asset's name in the reader's language, made from what it is (its type and the points or structure its attributes
 * name); an asset someone registered by hand keeps the name given.
 */
function assetName(a) {
  if (!a) return '';
  const at = a.attributes || {};
  const part = /-([A-Z]{2})$/.exec(a.id); // the part of a structure in one country
  switch (a.type) {
    case 'TRACK':
    case 'OVERHEAD_LINE':
      if (at.from && at.to) return t(`mnt.assetName.${a.type}`, { from: pointName(at.from), to: pointName(at.to) });
      break;
    case 'TUNNEL':
    case 'BRIDGE':
      if (at.structure) {
        const name = localName({ en: at.structure, zh: at.nameZh || '', lo: at.nameLo || '' });
        return part && at.structure !== a.name ? t('mnt.assetName.part', { name, country: countryLabel(part[1]) }) : name;
      }
      break;
    case 'STATION':
      if (at.code) return pointName(at.code);
      break;
    case 'TURNOUT': {
      const n = /-(\d+)$/.exec(a.id);
      if (at.station && n) return t('mnt.assetName.TURNOUT', { n: Number(n[1]), station: pointName(at.station) });
      break;
    }
    default:
  }
  return a.name;
}

/** An asset named in the reader's language, by its id (the id itself when the register does not know it). */
const assetLabel = (id) => assetName(assets.find((a) => a.id === id)) || id;

function signIn() {
  location.replace(`/signin.html?next=${encodeURIComponent('/maintenance.html')}`);
}

/** The zone of a km: that of the last point at or before it (each point keeps its country's zone). */
function zoneAt(km) {
  const before = [...points].reverse().find((p) => p.km <= km) || points[0];
  return (before && before.timeZone) || (network && network.serviceZone) || 'UTC';
}

function localInput(date, zone) {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return f.format(date).replace(' ', 'T');
}

/** A moment as a date and time, in the zone given (a station's), else the browser's. */
const when = (iso, zone) => new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short',
  ...(zone ? { timeZone: zone } : {}) }).format(new Date(iso));
const zoneOfPoint = (code) => (points.find((p) => p.code === code) || {}).timeZone;
const num = (v) => (v === '' || v === null || v === undefined ? null : Number(v));

function delaysTable(impact) {
  if (!impact) return null;
  const rows = impact.trains.map((d) => h('tr', {},
    h('th', { scope: 'row' }, d.train), h('td', {}, `${d.from} → ${d.to}`),
    // arrivals in the time of the station arrived at (Beijing or Lao), as the timetable shows them
    h('td', {}, when(d.arrivalBefore, zoneOfPoint(d.to))), h('td', {}, when(d.arrivalAfter, zoneOfPoint(d.to))),
    h('td', { class: 'num delay' }, `${d.delaySeconds > 0 ? '+' : ''}${Math.round(d.delaySeconds / 6) / 10} min`)));
  return h('div', {},
    h('p', {}, t('mnt.impactOn', { date: impact.date, n: impact.trains.length, c: impact.newConflicts.length })),
    rows.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, t('mnt.delays')),
      h('thead', {}, h('tr', {}, ['mnt.train', 'mnt.route', 'mnt.before', 'mnt.after', 'mnt.delay']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))) : null,
    impact.newConflicts.length ? h('ul', {}, impact.newConflicts.map((c) => h('li', {},
      t('mnt.newConflict', { a: ownerLabel(c.first), b: ownerLabel(c.second), r: resourceName(c.resource, pointName) })))) : null);
}

// ---------- assets ----------

async function loadAssets(e) {
  if (e) e.preventDefault();
  const form = $('assets-form');
  clearErrors(form);
  const q = new URLSearchParams();
  ['fromKm', 'toKm', 'line', 'type'].forEach((k) => { if (form.elements[k].value) q.set(k, form.elements[k].value); });
  const rows = $('assets-table').querySelector('tbody');
  try {
    const assets = await api(onNetwork(`/api/maintenance/assets?${q}`));
    rows.replaceChildren(...assets.map((a) => h('tr', {},
      h('td', { class: 'num' }, a.fromKm === a.toKm ? a.fromKm.toFixed(3) : `${a.fromKm.toFixed(3)} – ${a.toKm.toFixed(3)}`),
      h('td', {}, h('code', {}, a.id)), h('td', {}, t(`mnt.type.${a.type}`)), h('td', { class: 'asset-name' }, assetName(a)),
      h('td', {}, operatorName(a.operator)))));
  } catch (err) {
    // the rows are the last query's, not this one's: none is shown beside the refusal rather than stale ones
    rows.replaceChildren();
    if (err instanceof ApiError && err.status === 401) signIn(); else showProblem(form, err);
  }
}

/**
 * The line picker of the asset filter: the lines the register's assets name (each asset of a network of several lines
 * names its line), hidden on a network of one line. A km range on two lines is refused naming `line`, shown beside it.
 */
function fillLines() {
  const codes = [...new Set(assets.map((a) => a.attributes && a.attributes.line).filter(Boolean))];
  const select = $('a-line');
  select.replaceChildren(select.options[0], ...codes.map((c) => h('option', { value: c }, c)));
  $('a-line-field').hidden = codes.length < 2;
}

// ---------- inspections ----------

const DUE_ROWS = 25;

async function loadDue() {
  const s = await api(onNetwork('/api/maintenance/inspections/due'));
  const all = [...s.overdue, ...s.due];
  $('due-table').querySelector('tbody').replaceChildren(...all.slice(0, DUE_ROWS).map((d) => h('tr', {},
    h('td', {}, h('code', {}, d.asset.id)), h('td', {}, t(`mnt.type.${d.asset.type}`)),
    h('td', {}, d.lastInspected || t('mnt.never')), h('td', {}, d.dueDate),
    h('td', { class: 'num' }, d.daysOverdue || ''))));
  $('due-more').textContent = all.length > DUE_ROWS ? t('mnt.dueMore', { n: all.length - DUE_ROWS }) : '';
}

async function recordInspection(e) {
  e.preventDefault();
  const form = $('insp-form');
  clearErrors(form);
  if (!checkRequired(form)) return;
  const v = (k) => form.elements[k].value.trim();
  await busy(form, async () => {
    try {
      const r = await api('/api/maintenance/inspections', { method: 'POST',
        body: { assetId: v('assetId'), date: v('date'), outcome: v('outcome'), notes: v('notes') } });
      $('insp-result').replaceChildren(h('div', { class: 'message ok' }, t('mnt.recorded', { id: r.assetId })));
      form.elements.notes.value = '';
      await loadDue();
    } catch (err) {
      showProblem(form, err);
    }
  });
}

// ---------- defects and restrictions ----------

async function uploadPhoto(defectId, file) {
  const res = await fetch(`/api/maintenance/defects/${encodeURIComponent(defectId)}/photos`, {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
  if (!res.ok) {
    let problem = null;
    try { problem = await res.json(); } catch { /* not JSON */ }
    throw new ApiError(res.status, problem);
  }
  return res.json();
}

async function reportDefect(e) {
  e.preventDefault();
  const form = $('defect-form');
  clearErrors(form);
  if (!checkRequired(form)) return;
  const file = $('d-photo').files[0];
  if (file && (file.size > MAX_PHOTO || !['image/png', 'image/jpeg', 'image/webp'].includes(file.type))) {
    showProblem(form, new ApiError(400, { errors: [{ field: 'photo', message: t('mnt.photoBad') }] }));
    return;
  }
  const km = num(form.elements.km.value);
  const body = { assetId: form.elements.assetId.value.trim(), km, severity: form.elements.severity.value,
    description: form.elements.description.value };
  if ($('d-restrict').checked) {
    // each local time with its zone's offset at that time (summer time may start between the two); none where the
    // browser cannot tell, and the server names the field
    const zone = zoneAt(km ?? 0);
    const at = (local) => (local ? `${local}${offsetAt(zone, local) || ''}` : null);
    body.restriction = { fromKm: num($('r-from').value), toKm: num($('r-to').value), speedKmh: num($('r-speed').value),
      validFrom: at($('r-vf').value), validTo: at($('r-vt').value) };
  }
  await busy(form, async () => {
    try {
      const r = await api('/api/maintenance/defects', { method: 'POST', body });
      let photoNote = null;
      if (file) {
        try {
          await uploadPhoto(r.defect.id, file);
          photoNote = t('mnt.photoSaved');
        } catch (err) {
          photoNote = `${t('mnt.photoFailed')} ${errorText(err)}`;
        }
      }
      // through h(): it drops the parts that are absent (replaceChildren would print "null")
      $('defect-result').replaceChildren(h('div', {}, h('div', { class: 'message ok' },
        t('mnt.reported', { id: r.defect.id })), photoNote ? h('p', {}, photoNote) : null, delaysTable(r.impact)));
      form.elements.description.value = '';
      $('d-photo').value = '';
      await Promise.all([loadRestrictions(), loadBoard()]);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) signIn(); else showProblem(form, err);
    }
  });
}

async function loadRestrictions() {
  try {
    const list = await api(onNetwork('/api/maintenance/restrictions'));
    $('restrictions').replaceChildren(...(list.length ? list.map((d) => h('li', {},
      `${d.id} · ${assetLabel(d.assetId)} · km ${d.restriction.fromKm} – ${d.restriction.toKm} · ${d.restriction.speedKmh} km/h · `,
      t('mnt.until', { when: when(d.restriction.validTo) }), ' ',
      h('button', { type: 'button', class: 'btn small', onclick: () => lift(d.id) }, t('mnt.lift'))))
      : [h('li', {}, t('mnt.noRestrictions'))]));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) signIn();
    else { $('restr-error').textContent = errorText(err); $('restr-error').hidden = false; }
  }
}

async function lift(id) {
  $('restr-error').hidden = true;
  try {
    const r = await api(`/api/maintenance/defects/${encodeURIComponent(id)}/lift`, { method: 'POST' });
    $('lift-result').replaceChildren(h('div', {}, h('div', { class: 'message ok' }, t('mnt.lifted', { id })),
      delaysTable(r.impact)));
    await loadRestrictions();
  } catch (err) {
    $('restr-error').textContent = errorText(err);
    $('restr-error').hidden = false;
  }
}

// ---------- work orders ----------

const kmOf = (code) => (points.find((p) => p.code === code) || {}).km;

/** Whether a window's stretch reaches the asset's km range. */
function covers(w, asset) {
  const a = kmOf(w.fromPoint);
  const b = kmOf(w.toPoint);
  if (a === undefined || b === undefined || !asset) return false;
  return Math.min(a, b) <= asset.toKm && Math.max(a, b) >= asset.fromKm;
}

/** The points either side of an asset, between which a skylight window would cover it. */
function stretchAround(asset) {
  const stations = points.filter((p) => p.stationTracks > 0 || p.kind === 'STATION');
  const before = [...stations].reverse().find((p) => p.km <= asset.fromKm) || points[0];
  const after = stations.find((p) => p.km >= asset.toKm) || points[points.length - 1];
  return { before, after };
}

/** The next local date (from today, in the zone of the window's first point) on which the window opens and has not ended. */
function nextDay(w) {
  const zone = (w && (points.find((p) => p.code === w.fromPoint) || {}).timeZone) || zoneAt(points[0].km);
  const now = new Date();
  const today = localInput(now, zone);
  for (let i = 0; i < 8; i++) {
    const date = localInput(new Date(now.getTime() + i * 86400000), zone).slice(0, 10);
    const day = DAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7];
    if (w && w.days && !w.days.includes(day)) continue;
    // today's occurrence is offered only while it is still to come or open: one that has ended cannot be planned
    if (w && i === 0 && minutesOf(today.slice(11)) >= minutesOf(w.start) + parseDuration(w.duration)) continue;
    return date;
  }
  return today.slice(0, 10);
}

/** Minutes after midnight of a local time "HH:MM[:SS]". */
function minutesOf(time) {
  const [hh, mm] = time.split(':').map(Number);
  return hh * 60 + mm;
}

/** Prefills the skylight form with the stretch around an asset, and takes the reader there. */
function makeWindowFor(asset, e) {
  if (e) e.preventDefault();
  const { before, after } = stretchAround(asset);
  $('s-from').value = before.code;
  $('s-to').value = after.code;
  if (!$('s-id').value) $('s-id').value = `SKY-${before.code}-${after.code}`;
  $('sky-h').scrollIntoView({ block: 'start' });
  $('s-id').focus();
}

/**
 * The fields to plan a work order into a skylight window: the windows that reach its asset first. Where no window
 * reaches it, the page says between which points to make one and links to the skylight plan, prefilled.
 */
function planningFields(o, id) {
  const asset = assets.find((a) => a.id === o.assetId);
  const reaching = windows.filter((w) => covers(w, asset));
  const others = windows.filter((w) => !covers(w, asset));
  const fields = [];
  if (!reaching.length && asset) {
    const { before, after } = stretchAround(asset);
    fields.push(h('p', { class: 'message warn plan-no-window' },
      windows.length ? t('mnt.noWindowReaches', { asset: assetName(asset) || asset.id, from: localName(before.names),
        to: localName(after.names) })
        : t('mnt.noWindowYet', { asset: assetName(asset) || asset.id, from: localName(before.names),
          to: localName(after.names) }),
      ' ', h('a', { href: '#sky-form', class: 'make-window', onclick: (e) => makeWindowFor(asset, e) },
        t('mnt.makeWindow'))));
  }
  if (!asset && !windows.length) {
    fields.push(h('p', { class: 'message warn plan-no-window' }, t('mnt.noWindows'), ' ',
      h('a', { href: '#sky-form', class: 'make-window' }, t('mnt.makeWindow'))));
  }
  if (!windows.length) return { fields, canPlan: false };
  const label = (w) => `${w.id} · ${localName((points.find((p) => p.code === w.fromPoint) || {}).names || {})}`
    + ` – ${localName((points.find((p) => p.code === w.toPoint) || {}).names || {})} · ${w.start.slice(0, 5)}`;
  const select = h('select', { id: `${id}-sky`, name: 'skylightId' },
    reaching.length ? h('optgroup', { label: t('mnt.windowsReaching') }, reaching.map((w) => h('option', { value: w.id }, label(w))))
      : null,
    others.length ? h('optgroup', { label: t('mnt.windowsOther') }, others.map((w) => h('option', { value: w.id }, label(w))))
      : null);
  const date = h('input', { id: `${id}-date`, name: 'date', type: 'date', required: true, value: nextDay(reaching[0] || others[0]) });
  select.addEventListener('change', () => { date.value = nextDay(windows.find((w) => w.id === select.value)); });
  fields.push(h('div', { class: 'field', 'data-field': 'skylightId' }, h('label', { for: `${id}-sky` }, t('mnt.window')), select));
  fields.push(h('div', { class: 'field', 'data-field': 'date' }, h('label', { for: `${id}-date` }, t('mnt.date')), date));
  fields.push(h('div', { class: 'field', 'data-field': 'crew' }, h('label', { for: `${id}-crew` }, t('mnt.crew')),
    h('input', { id: `${id}-crew`, name: 'crew', type: 'text', required: true, maxlength: 200 })));
  return { fields, canPlan: true };
}

function nextStatus(s) {
  return { OPEN: 'PLANNED', PLANNED: 'IN_PROGRESS', IN_PROGRESS: 'DONE', DONE: 'VERIFIED' }[s] || null;
}

function moveForm(o) {
  const to = nextStatus(o.status);
  if (!to) return null;
  const id = `mv-${o.id}`;
  const fields = [];
  if (to === 'PLANNED') {
    const plan = planningFields(o, id);
    fields.push(...plan.fields);
    if (!plan.canPlan) return h('div', { class: 'plan-help' }, plan.fields); // nothing to plan into: say where to make one
  }
  if ((to === 'DONE' || to === 'VERIFIED') && o.defectId) {
    fields.push(h('div', { class: 'field', 'data-field': 'liftRestriction' }, h('label', {},
      h('input', { type: 'checkbox', name: 'liftRestriction' }), ' ', t('mnt.liftToo'))));
  }
  const form = h('form', { id, novalidate: true }, h('div', { class: 'form-error', role: 'alert', hidden: true }), fields,
    h('button', { type: 'submit', class: 'btn small' }, t(`mnt.to.${to}`)));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (!checkRequired(form)) return;
    const body = { status: to };
    if (form.elements.skylightId) body.skylightId = form.elements.skylightId.value;
    if (form.elements.date) body.date = form.elements.date.value;
    if (form.elements.crew) body.crew = form.elements.crew.value;
    if (form.elements.liftRestriction) body.liftRestriction = form.elements.liftRestriction.checked;
    await busy(form, async () => {
      try {
        await api(`/api/maintenance/work-orders/${encodeURIComponent(o.id)}/status`, { method: 'POST', body });
        await Promise.all([loadBoard(), loadRestrictions()]);
      } catch (err) {
        showProblem(form, err);
      }
    });
  });
  return form;
}

async function loadBoard() {
  try {
    const orders = await api(onNetwork('/api/maintenance/work-orders'));
    $('board').replaceChildren(...STATUSES.map((s) => h('div', { class: 'col' },
      h('h3', {}, t(`mnt.status.${s}`), ' ', h('span', { class: 'note' }, `(${orders.filter((o) => o.status === s).length})`)),
      orders.filter((o) => o.status === s).map((o) => {
        const last = o.history[o.history.length - 1];
        return h('article', { class: 'card', 'aria-label': `${o.id} ${o.title}` },
          h('strong', {}, o.id), ' ', o.title,
          h('div', { class: 'meta' }, assetLabel(o.assetId), o.defectId ? ` · ${o.defectId}` : ''),
          o.window ? h('div', { class: 'meta' }, `${o.window.id} · ${o.crew}`) : null,
          h('div', { class: 'meta' }, t('mnt.lastStep', { by: last.by, when: when(last.at) })),
          moveForm(o));
      }))));
  } catch (err) {
    $('board-error').textContent = errorText(err);
    $('board-error').hidden = false;
  }
}

async function openWorkOrder(e) {
  e.preventDefault();
  const form = $('wo-form');
  clearErrors(form);
  if (!checkRequired(form)) return;
  const v = (k) => form.elements[k].value.trim() || null;
  await busy(form, async () => {
    try {
      await api('/api/maintenance/work-orders', { method: 'POST',
        body: { defectId: v('defectId'), assetId: v('assetId'), title: v('title') } });
      form.reset();
      await loadBoard();
    } catch (err) {
      showProblem(form, err);
    }
  });
}

// ---------- skylights ----------

async function loadSkylights() {
  windows = await api(onNetwork('/api/maintenance/skylights'));
  $('sky-table').querySelector('tbody').replaceChildren(...windows.map((w) => h('tr', {},
    h('th', { scope: 'row' }, h('code', {}, w.id)), h('td', {}, `${w.fromPoint} – ${w.toPoint}`),
    h('td', {}, w.days.map((d) => t(`mnt.day.${d}`)).join(' ')), h('td', {}, w.start.slice(0, 5)),
    h('td', { class: 'num' }, Math.round(parseDuration(w.duration))), h('td', {}, t(`mnt.${w.kind}`)),
    h('td', {}, h('button', { type: 'button', class: 'btn small', onclick: () => showDiagram(w) }, t('mnt.onDiagram'))))));
  const month = new Date().toISOString().slice(0, 7);
  try {
    const warnings = await api(onNetwork(`/api/maintenance/skylights/review?month=${month}`));
    const few = warnings.filter((w) => w.code === 'TOO_FEW_PER_MONTH').length;
    $('sky-warnings').replaceChildren(
      ...warnings.filter((w) => w.code !== 'TOO_FEW_PER_MONTH').map((w) => h('li', {}, warningText(w))),
      ...(few ? [h('li', {}, t('mnt.tooFew', { n: few, month }))] : []));
  } catch { /* the warnings are advice: the plan itself is shown */ }
}

/** Minutes in a duration as the API writes it: seconds (14400.0) or ISO-8601 (PT4H, PT1H30M). */
function parseDuration(v) {
  if (typeof v === 'number' || /^[\d.]+$/.test(String(v))) return Number(v) / 60;
  const m = /PT(?:(\d+)H)?(?:(\d+)M)?/.exec(v || '');
  return m ? (Number(m[1] || 0) * 60) + Number(m[2] || 0) : 0;
}

let diagramWindow = null;

function showDiagram(w, e) {
  if (e) e.preventDefault();
  diagramWindow = w || diagramWindow || windows[0];
  const form = $('diagram-form');
  clearErrors(form);
  if (!diagramWindow) { formError(form, t('mnt.noWindows')); return; }
  if (!form.elements.date.value) form.elements.date.value = new Date().toISOString().slice(0, 10);
  const from = points.find((p) => p.code === diagramWindow.fromPoint);
  const to = points.find((p) => p.code === diagramWindow.toPoint);
  // a stretch around the window, so the trains before and after it show
  const idx = (c) => points.findIndex((p) => p.code === c);
  const lo = Math.max(0, Math.min(idx(from.code), idx(to.code)) - 2);
  const hi = Math.min(points.length - 1, Math.max(idx(from.code), idx(to.code)) + 2);
  const start = diagramWindow.start.slice(0, 5);
  const [hh, mm] = start.split(':').map(Number);
  const begin = `${String(Math.max(0, hh - 2)).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
  const q = new URLSearchParams({ from: points[lo].code, to: points[hi].code, date: form.elements.date.value,
    start: begin, hours: 8, zone: from.timeZone, lang: getLang() });
  const img = $('diagram');
  img.alt = t('mnt.diagramAlt', { id: diagramWindow.id, date: form.elements.date.value });
  img.src = onNetwork(`/api/timetable/diagram.svg?${q}`);
  img.hidden = false;
  $('diagram-h').scrollIntoView({ block: 'nearest' });
}

async function addWindow(e) {
  e.preventDefault();
  const form = $('sky-form');
  clearErrors(form);
  if (!checkRequired(form)) return;
  const body = { id: form.elements.id.value.trim(), fromPoint: form.elements.fromPoint.value,
    toPoint: form.elements.toPoint.value, start: form.elements.start.value,
    durationMinutes: num(form.elements.durationMinutes.value), kind: form.elements.kind.value,
    purpose: form.elements.purpose.value,
    days: DAYS.filter((d) => form.querySelector(`input[name="day"][value="${d}"]`).checked) };
  await busy(form, async () => {
    try {
      const r = await api('/api/maintenance/skylights', { method: 'POST', body });
      await loadSkylights().then(loadBoard); // the board offers the windows just loaded
      // the window is saved: its warnings are advice (a warning, not an error)
      $('sky-result').replaceChildren(h('div', { class: r.warnings.length ? 'message warn' : 'message ok' },
        h('p', { style: 'margin:0' }, t(r.warnings.length ? 'mnt.savedWithWarnings' : 'mnt.windowSaved', { id: body.id })),
        r.warnings.length ? h('ul', { class: 'window-warnings' }, r.warnings.map((w) => h('li', {}, warningText(w)))) : null));
    } catch (err) {
      showProblem(form, err);
    }
  });
}

// ---------- start ----------

function fillStatic() {
  $('a-type').replaceChildren(h('option', { value: '' }, t('mnt.allTypes')),
    ...TYPES.map((x) => h('option', { value: x }, t(`mnt.type.${x}`))));
  const sev = $('d-sev').value || 'HIGH';
  $('d-sev').replaceChildren(...SEVERITIES.map((x) => h('option', { value: x }, t(`mnt.sev.${x}`))));
  $('d-sev').value = sev;
  const checked = new Set([...document.querySelectorAll('input[name="day"]:checked')].map((i) => i.value));
  const first = !document.querySelector('input[name="day"]');
  $('s-days').replaceChildren(h('legend', {}, t('mnt.days')), ...DAYS.map((d) => h('label', {},
    h('input', { type: 'checkbox', name: 'day', value: d, checked: first || checked.has(d) }), t(`mnt.day.${d}`))));
  const fill = (sel, value) => {
    const keep = sel.value || value;
    sel.replaceChildren(...points.map((p) => h('option', { value: p.code }, `${localName(p.names)} (${p.code})`)));
    sel.value = keep;
  };
  // the reference line's example stretch; another network's whole line
  const home = !network || network.home;
  fill($('s-from'), home ? 'HHN' : points[0].code);
  fill($('s-to'), home ? 'LPB' : points[points.length - 1].code);
}

/**
 * The network shown: ?network=, else the one chosen last time on this browser, else home. Choosing another reloads
 * the page on it (its points, register, windows and zones are all different).
 */
async function pickNetwork() {
  networks = (await api('/api/networks')) || [];
  const known = (code) => networks.find((n) => n.code === code);
  const asked = new URLSearchParams(location.search).get('network') || localStorage.getItem(NETWORK_KEY);
  network = known(asked) || networks.find((n) => n.home) || networks[0] || null;
  if (network) localStorage.setItem(NETWORK_KEY, network.code);
  const select = $('network');
  const names = () => networks.forEach((n, i) => { select.options[i].textContent = localName(n.names); });
  select.replaceChildren(...networks.map((n) => h('option', { value: n.code })));
  names();
  document.addEventListener('lang-change', names);
  if (network) select.value = network.code;
  $('network-field').hidden = networks.length < 2;
  $('network-field').style.visibility = '';
  select.addEventListener('change', () => {
    localStorage.setItem(NETWORK_KEY, select.value);
    location.assign(`?${new URLSearchParams({ network: select.value })}`);
  });
}

/** The forms' examples are the reference line's (the Mekong bridge at Luang Prabang): another network starts empty. */
function clearHomeExamples() {
  ['a-from', 'a-to', 'd-asset', 'd-km', 'r-from', 'r-to'].forEach((id) => { $(id).value = ''; });
}

async function main() {
  const me = await initPage({ titleKey: 'mnt.title' });
  if (!me) { signIn(); return; }
  if (!me.roles.some((r) => READERS.includes(r))) { $('forbidden').hidden = false; return; }
  $('content').hidden = false;
  await pickNetwork();
  points = [...((await api(onNetwork('/api/network/points?include=assumed'))) || [])].sort((a, b) => a.km - b.km);
  if (network && !network.home) clearHomeExamples();
  fillStatic();
  const now = new Date();
  // restrictions are typed in the local time of the defect's km (Lao time at the Mekong bridge on the reference line)
  const zone = zoneAt(num($('d-km').value) ?? points[0].km);
  $('r-vf').value = localInput(now, zone);
  $('r-vt').value = localInput(new Date(now.getTime() + 14 * 86400000), zone);
  $('d-restrict').addEventListener('change', () => { $('restriction-fields').hidden = !$('d-restrict').checked; });
  $('assets-form').addEventListener('submit', loadAssets);
  $('insp-form').addEventListener('submit', recordInspection);
  $('i-date').value = localInput(now, zone).slice(0, 10);
  $('defect-form').addEventListener('submit', reportDefect);
  $('wo-form').addEventListener('submit', openWorkOrder);
  $('sky-form').addEventListener('submit', addWindow);
  $('diagram-form').addEventListener('submit', (e) => showDiagram(null, e));
  $('g-date').value = now.toISOString().slice(0, 10);
  document.addEventListener('lang-change', () => { fillStatic(); loadAssets(); loadDue(); loadBoard(); loadSkylights(); });
  assets = await api(onNetwork('/api/maintenance/assets'));
  const fillAssetIds = () => $('asset-ids').replaceChildren(...assets.map((a) => h('option', { value: a.id }, assetName(a))));
  fillAssetIds();
  document.addEventListener('lang-change', fillAssetIds);
  fillLines();
  await Promise.all([loadAssets(), loadDue(), loadRestrictions(), loadSkylights().then(loadBoard)]);
  if (location.hash === '#sky-form') $('s-id').focus();
}

main().catch((err) => {
  if (err instanceof ApiError && err.status === 401) signIn();
  else { $('forbidden').textContent = errorText(err); $('forbidden').hidden = false; }
});

/** A skylight warning in the reader's language (its code's text; the English message where none is known). */
function warningText(w) {
  return w.code === 'SHORTER_THAN_RULE' ? t('mnt.warn.SHORTER_THAN_RULE', { id: w.subject }) : w.message;
}
