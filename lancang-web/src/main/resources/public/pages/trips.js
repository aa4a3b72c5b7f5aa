// My trips (trips.html): the signed-in passenger's bookings (GET /api/bookings) with their tickets and QR codes; pay a
// hold; cancel with the refund and fee shown first; change to another train (POST /api/bookings/{id}/change); the
// waitlist entries (GET /api/waitlist), an offered hold to pay, leaving the waitlist; what the passenger has been told
// (GET /api/notifications), such as "your train is now expected 30 min late". Endpoints this server does not
// have yet (404) are said so, not hidden.
import { initPage, api, h, ApiError, errorText } from '/lib/common.js';
import { t, locale } from '/lib/i18n.js';
import {
  loadStations, bookingCard, pay, payAndCancel, cancelledMessage, stationName, fmtDate, className, newKey, missingOr,
  forecastLine, changeControl,
} from '/lib/tickets.js';
import { journeyCard } from '/lib/journeys.js';

const $ = (id) => document.getElementById(id);
let bookings = [];
let journeys = []; // journeys across two railways (GET /api/journey-bookings): each one card, its legs inside
let waitlist = null; // null: not offered by this server
let waitlistError = null;
let notices = [];

function say(node) {
  $('message').replaceChildren(node || '');
}

async function load() {
  try {
    bookings = (await api('/api/bookings')) || [];
    journeys = (await api('/api/journey-bookings')) || [];
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { location.replace('/signin.html?next=/trips.html'); return; }
    $('status').textContent = errorText(err);
    return;
  }
  try {
    waitlist = (await api('/api/waitlist')) || [];
    waitlistError = null;
  } catch (err) {
    waitlist = null;
    waitlistError = missingOr(err, 'tk.noWaitlist');
  }
  try {
    notices = (await api('/api/notifications')) || [];
  } catch {
    notices = []; // the bookings are what the page is for: without notices it still shows them
  }
  $('status').textContent = '';
  render();
}

/**
 * A notice in the reader's language. A forecast notice is read from its booking and from the stored text the server
 * wrote (OperationsService.notice: "… expected at CODE at HH:MM local time, N min late."); any other notice, or one
 * whose text does not have that form, is shown as it was sent.
 */
function noticeText(n) {
  const b = bookings.find((x) => x.id === n.bookingId);
  const m = /expected at (\S+) at (\d\d:\d\d) local time, (\d+) min late/.exec(n.message || '');
  if (n.kind === 'FORECAST' && b && m) {
    return t('trips.noticeForecast', { train: b.train, date: fmtDate(b.date), station: stationName(m[1]), time: m[2],
      n: m[3] });
  }
  return n.message;
}

function renderNotices() {
  $('notices-section').hidden = !notices.length;
  $('notices').replaceChildren(...notices.map((n) => h('li', { 'data-kind': n.kind, 'data-booking': n.bookingId || '' },
    h('span', { class: 'meta' }, `${fmtDate(n.createdAt)} ${new Intl.DateTimeFormat(locale(), { hour: '2-digit',
      minute: '2-digit', hourCycle: 'h23' }).format(new Date(n.createdAt))} · `), noticeText(n))));
}

const byDate = (a, b) => (b.date || '').localeCompare(a.date || '') || (b.id || '').localeCompare(a.id || '');

function render() {
  const list = $('bookings');
  // a journey's legs are shown in its card, not again on their own; nor are the legs they were changed from
  const legs = new Set(journeys.flatMap((j) => j.legs.map((l) => l.id)));
  for (let more = true; more;) {
    more = false;
    for (const b of bookings) {
      if (b.changedTo && legs.has(b.changedTo) && !legs.has(b.id)) { legs.add(b.id); more = true; }
    }
  }
  const alone = bookings.filter((b) => !legs.has(b.id));
  const cards = [...journeys.map((j) => journeyCard(j, (fresh, message) => { if (message) say(message); load(); })), ...[...alone].sort(byDate).map(card)];
  list.replaceChildren(...(cards.length ? cards : [h('p', { class: 'note' }, t('tk.noBookings'))]));
  renderWaitlist();
  renderNotices();
}

function card(b) {
  const actions = payAndCancel(b, replace, (done) => { replace(done); say(cancelledMessage(done)); });
  if (b.status === 'TICKETED') actions.push(changeControl(b, (j, date, seatClass, out) => change(b, j, date, seatClass, out)));
  const article = bookingCard(b, actions);
  if (b.status === 'TICKETED' || b.status === 'HELD') addForecast(b, article);
  return article;
}

/** The train's forecast for this journey (GET /api/bookings/{id}/forecast), under the booking's heading. */
async function addForecast(b, article) {
  try {
    const f = await api(`/api/bookings/${encodeURIComponent(b.id)}/forecast`);
    if (f) article.querySelector('.booking-meta').after(forecastLine(f));
  } catch {
    // a journey long past or far ahead has no forecast: the card shows the timetable alone
  }
}

function replace(b) {
  bookings = bookings.map((x) => (x.id === b.id ? b : x));
  const old = document.querySelector(`article.booking[data-id="${CSS.escape(b.id)}"]`);
  if (old) old.replaceWith(card(b));
  else render();
}

async function change(b, j, date, seatClass, out) {
  out.textContent = t('common.loading');
  b.changeKey = b.changeKey || newKey('change');
  try {
    const fresh = await api(`/api/bookings/${encodeURIComponent(b.id)}/change`, {
      method: 'POST', body: { train: j.train, date, seatClass, position: null, car: null, idempotencyKey: b.changeKey },
    });
    say(h('div', { class: 'message ok', role: 'status' }, t('tk.changed', { train: fresh.train, date: fmtDate(fresh.date) })));
    await load();
  } catch (err) {
    out.replaceChildren(h('p', { class: 'message error', role: 'alert' }, missingOr(err, 'tk.noChange')));
  }
}

function renderWaitlist() {
  const box = $('waitlist');
  if (waitlist === null) { box.replaceChildren(h('p', { class: 'note' }, waitlistError || t('tk.noWaitlist'))); return; }
  if (!waitlist.length) { box.replaceChildren(h('p', { class: 'note' }, t('tk.noWaitlistEntries'))); return; }
  box.replaceChildren(h('ul', { class: 'waitlist' }, waitlist.map((w) => h('li', { 'data-id': w.id, 'data-status': w.status },
    h('strong', {}, `${w.train} · ${stationName(w.from)} → ${stationName(w.to)}`), ' ',
    `${fmtDate(w.date)} · ${className(w.seatClass)} · `,
    h('span', { class: `badge status-${w.status}` }, t(`tk.wl.${w.status}`)),
    w.status === 'WAITING' ? ` ${t('tk.queuePosition', { n: w.ahead + 1 })}` : '',
    w.status === 'OFFERED' && w.bookingId ? h('p', { class: 'message ok' }, t('tk.offered'), ' ',
      h('button', { type: 'button', class: 'btn small', onclick: () => payOffer(w) }, t('tk.payOffer'))) : null,
    w.status === 'WAITING' || w.status === 'OFFERED' ? h('button', { type: 'button', class: 'btn small secondary',
      onclick: () => leave(w) }, t('tk.leaveWaitlist')) : null))));
}

async function payOffer(w) {
  try {
    const b = bookings.find((x) => x.id === w.bookingId) || await api(`/api/bookings/${encodeURIComponent(w.bookingId)}`);
    await pay(b);
    say(h('div', { class: 'message ok', role: 'status' }, t('tk.paidDone')));
    await load();
  } catch (err) {
    say(h('div', { class: 'message error', role: 'alert' }, errorText(err)));
  }
}

async function leave(w) {
  try {
    // An offered seat is a held booking: leaving means releasing that hold (the seat goes to the next in line).
    const path = w.status === 'OFFERED' ? `/api/bookings/${encodeURIComponent(w.bookingId)}/cancel`
      : `/api/waitlist/${encodeURIComponent(w.id)}/cancel`;
    await api(path, { method: 'POST', body: {} });
    await load();
  } catch (err) {
    say(h('div', { class: 'message error', role: 'alert' }, missingOr(err, 'tk.noWaitlist')));
  }
}

const me = await initPage({ titleKey: 'tk.tripsTitle' });
if (!me) location.replace('/signin.html?next=/trips.html');
else {
  await loadStations();
  document.addEventListener('lang-change', render);
  await load();
}
