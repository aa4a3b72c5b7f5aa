// Planner page: the time-distance diagram of a stretch and time window, its conflicts, a train's times on click,
// and path insertion. Needs the PLANNER, DISPATCHER, MAINTAINER or ADMIN role.
import { initPage, api, h, ApiError, clearErrors, showProblem, busy } from '/common.js';
import { t, getLang, localName } from '/i18n.js';

const windowForm = document.getElementById('window-form');
const insertForm = document.getElementById('insert-form');
const diagram = document.getElementById('diagram');
const errorBox = document.getElementById('planner-error');
let points = [];

function zoneOffset(code) {
  const p = points.find((x) => x.code === code);
  return p && p.timeZone === 'Asia/Vientiane' ? '+07:00' : '+08:00';
}

function fillSelect(select, value) {
  select.replaceChildren(...points.map((p) => h('option', { value: p.code }, `${localName(p.names)} (${p.code})`)));
  select.value = value;
}

function showError(err) {
  errorBox.textContent = err instanceof ApiError && err.problem ? (err.problem.detail || err.message) : String(err.message || err);
  errorBox.hidden = false;
}

async function load() {
  errorBox.hidden = true;
  const q = new URLSearchParams({
    from: windowForm.from.value, to: windowForm.to.value, date: windowForm.date.value,
    start: windowForm.start.value, hours: windowForm.hours.value, lang: getLang(),
  });
  try {
    const res = await fetch(`/api/timetable/diagram.svg?${q}`, { credentials: 'same-origin' });
    if (res.status === 401) { location.assign('/signin.html?next=/planner.html'); return; }
    if (!res.ok) { const p = await res.json(); throw new ApiError(res.status, p); }
    diagram.innerHTML = await res.text();
    diagram.querySelectorAll('g.train').forEach((g) => {
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.addEventListener('click', () => showTrain(g.dataset.train));
      g.addEventListener('keydown', (e) => { if (e.key === 'Enter') showTrain(g.dataset.train); });
    });
    const conflicts = await api(`/api/timetable/conflicts?date=${windowForm.date.value}`);
    const list = document.getElementById('conflicts');
    list.replaceChildren(...(conflicts.length === 0 ? [h('li', { class: 'ok' }, t('planner.noConflict'))]
      : conflicts.map((c) => h('li', {}, `${c.resource}: ${c.first} × ${c.second} (${c.from.slice(11, 16)}–${c.to.slice(11, 16)} UTC)`))));
  } catch (err) {
    showError(err);
  }
}

async function showTrain(number) {
  const train = await api(`/api/timetable/trains/${encodeURIComponent(number)}?date=${windowForm.date.value}`);
  document.getElementById('train-title').textContent = `${train.number} · ${train.trainType} · ${train.from} → ${train.to}`;
  document.querySelector('#train-table tbody').replaceChildren(...train.calls.filter((c) => c.stops || c.dwellSeconds > 0)
    .map((c) => h('tr', {}, h('td', {}, c.point), h('td', {}, localName(c.name)), h('td', {}, c.arrivalLocal),
      h('td', {}, c.departureLocal))));
  document.getElementById('train-panel').hidden = false;
}

windowForm.addEventListener('submit', (e) => { e.preventDefault(); load(); });
document.addEventListener('lang-change', () => { if (points.length) { fillSelect(windowForm.from, windowForm.from.value); fillSelect(windowForm.to, windowForm.to.value); load(); } });

insertForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(insertForm);
  await busy(insertForm, async () => {
    try {
      const body = {
        trainType: insertForm.trainType.value, number: insertForm.number.value.trim(), from: insertForm.from.value,
        to: insertForm.to.value, earliest: `${insertForm.earliest.value}${zoneOffset(insertForm.from.value)}`, add: true,
      };
      const r = await api('/api/timetable/insert', { method: 'POST', body });
      const first = r.train.calls[0];
      const last = r.train.calls[r.train.calls.length - 1];
      document.getElementById('insert-result').textContent = t('planner.inserted', {
        number: r.train.number, dep: first.departureLocal, arr: last.arrivalLocal, waits: r.waits.length,
      });
      await load();
    } catch (err) {
      showProblem(insertForm, err);
    }
  });
});

const me = await initPage({ titleKey: 'planner.title' });
if (!me) {
  location.assign('/signin.html?next=/planner.html');
} else {
  points = await api('/api/network/points?include=assumed');
  fillSelect(windowForm.from, 'BTN');
  fillSelect(windowForm.to, 'VTE');
  fillSelect(insertForm.from, 'BTN');
  fillSelect(insertForm.to, 'VTS');
  windowForm.date.value = '2026-12-01';
  insertForm.earliest.value = '2026-12-01T10:00';
  load();
}
