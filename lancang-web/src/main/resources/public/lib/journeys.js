// A journey across two railways bought in one step (POST /api/journey-bookings, ADR 0034): the form for both legs
// (a class on each train, the passengers once), the journey as one card with both legs' tickets, one payment for both
// and one cancellation for both (each leg refunded by its own operator's rules), one leg of a paid journey changed to
// another train or date with the connection checked again (POST /api/journey-bookings/{id}/legs/{leg}/change). Used
// by book.html and trips.html.
import { api, h, clearErrors, checkRequired, showProblem, focusFirstError, busy, errorText, ApiError } from '/lib/common.js';
import { t, getLang } from '/lib/i18n.js';
import {
  bookingCard, money, className, stationName, localTime, newKey, loadNationalities, nationalityName, changeControl, fmtDate,
  loadDocuments, documentSelect, expiryFollowsDocument,
} from '/lib/tickets.js';

const MAX_PASSENGERS = 5;
const LANGUAGE_NATIONALITY = { lo: 'LAO', zh: 'CHN', th: 'THA' };

/** The classes on sale for one leg's train, with their fares in the journey's currency. */
async function classesOf(leg, currency) {
  const date = leg.departure.slice(0, 10);
  const trains = await api(`/api/journeys?${new URLSearchParams({ from: leg.from, to: leg.to, date, currency })}`);
  const train = trains.find((x) => x.train === leg.train);
  return train && train.onSale ? train.classes.filter((c) => c.available > 0) : [];
}

function field(name, labelKey, input) {
  input.id = input.id || `jb-${name.replace(/[^\w]/g, '-')}`;
  input.name = name;
  return h('div', { class: 'field', 'data-field': name }, h('label', { for: input.id }, t(labelKey)), input);
}

/**
 * The documents both legs take (each leg asked of its own network: GET /api/sales/documents), in the first leg's
 * order; one needs its expiry where either network's row asks it.
 */
async function documentsOfBoth(j) {
  const [first, second] = await Promise.all([loadDocuments(j.first.from, j.first.to),
    loadDocuments(j.second.from, j.second.to)]);
  return first.filter((d) => second.some((e) => e.code === d.code)).map((d) => {
    const other = second.find((e) => e.code === d.code);
    return { ...d, expiryRequired: d.expiryRequired || other.expiryRequired };
  });
}

/** A passenger of the journey: a document both trains take (the journey crosses a border), named once. */
function passengerFieldset(i, nationalities, documents) {
  const p = `passengers[${i}]`;
  const nationality = h('select', { required: true },
    h('option', { value: '' }, t('tk.nationalityChoose')),
    nationalities.map((n) => h('option', { value: n.code, 'data-nationality': '' }, nationalityName(n.code))));
  nationality.value = LANGUAGE_NATIONALITY[getLang()] || '';
  const docType = documentSelect(documents);
  const expiry = h('input', { type: 'date' });
  const expiryField = field(`${p}.documentExpiry`, 'tk.documentExpiry', expiry);
  const showExpiry = () => expiryFollowsDocument(docType, documents, expiryField, expiry);
  docType.addEventListener('change', showExpiry);
  showExpiry();
  return h('fieldset', { class: 'passenger', 'data-passenger': i },
    h('legend', {}, t('tk.passengerN', { n: i + 1 })),
    h('div', { class: 'grid-2' },
      field(`${p}.name`, 'tk.name', h('input', { type: 'text', required: true, maxlength: 200 })),
      field(`${p}.nationality`, 'tk.nationality', nationality),
      field(`${p}.documentType`, 'tk.documentType', docType),
      field(`${p}.documentNumber`, 'tk.documentNumber', h('input', { type: 'text', required: true, maxlength: 40,
        spellcheck: 'false', autocapitalize: 'characters' })),
      expiryField));
}

/**
 * The form for the whole journey j (a result of GET /api/networks/journeys): a class on each train and the
 * passengers; onHeld gets the journey once both legs are held.
 */
export async function journeyForm(j, currency, onHeld, onBack) {
  const [firstClasses, secondClasses, nationalities, documents] = await Promise.all([
    classesOf(j.first, currency), classesOf(j.second, currency), loadNationalities(), documentsOfBoth(j)]);
  const classSelect = (classes) => h('select', { required: true },
    classes.map((c) => h('option', { value: c.seatClass }, `${className(c.seatClass)} · ${money(c.fare.total)}`)));
  const form = h('form', { id: 'journey-form', class: 'panel', novalidate: true },
    h('div', { class: 'form-error', role: 'alert', hidden: true }),
    h('div', { class: 'grid-2' },
      field('legs[0].seatClass', 'jb.legClass', classSelect(firstClasses)),
      field('legs[1].seatClass', 'jb.legClass', classSelect(secondClasses)),
      field('count', 'tk.count', h('select', {},
        Array.from({ length: MAX_PASSENGERS }, (_, k) => h('option', { value: k + 1 }, String(k + 1)))))),
    h('div', { id: 'journey-passengers' }, passengerFieldset(0, nationalities, documents)),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn', 'data-action': 'hold-journey' }, t('tk.hold')),
      h('button', { type: 'button', class: 'btn secondary', onclick: onBack }, t('tk.back'))));
  // each class label names its own train
  form.querySelectorAll('[data-field^="legs"] label').forEach((l, i) => {
    l.textContent = t('jb.legClass', { train: i ? j.second.train : j.first.train });
  });
  form.count.addEventListener('change', () => {
    const box = form.querySelector('#journey-passengers');
    while (box.children.length < Number(form.count.value)) box.append(passengerFieldset(box.children.length, nationalities, documents));
    while (box.children.length > Number(form.count.value)) box.lastElementChild.remove();
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    if (!checkRequired(form)) { focusFirstError(form); return; }
    const leg = (l, i) => ({ train: l.train, date: l.departure.slice(0, 10), from: l.from, to: l.to,
      seatClass: form.elements[`legs[${i}].seatClass`].value });
    const passengers = [...form.querySelectorAll('fieldset.passenger')].map((fs, i) => {
      const v = (n) => form.elements[`passengers[${i}].${n}`].value.trim();
      return { name: v('name'), documentType: v('documentType'), documentNumber: v('documentNumber').toUpperCase(),
        nationality: v('nationality'), documentExpiry: v('documentExpiry') || null };
    });
    await busy(form, async () => {
      try {
        onHeld(await api('/api/journey-bookings', { method: 'POST',
          body: { legs: [leg(j.first, 0), leg(j.second, 1)], passengers, currency } }));
      } catch (err) {
        showProblem(form, err);
      }
    });
  });
  return h('div', {},
    h('h2', { tabindex: '-1' }, t('jb.detailsHeading')),
    h('p', { class: 'choice-summary' }, `${j.first.train} ${stationName(j.first.from)} ${localTime(j.first.departure)}`
      + ` → ${stationName(j.first.to)} · ${j.second.train} ${stationName(j.second.from)} ${localTime(j.second.departure)}`
      + ` → ${stationName(j.second.to)}`),
    h('p', { class: 'note' }, t('jb.oneCharge')),
    form);
}

/** Pays the whole journey once (a retry of the same click reuses its key: never charged twice). */
async function payJourney(j) {
  j.payKey = j.payKey || newKey('journey');
  return api(`/api/journey-bookings/${encodeURIComponent(j.id)}/payment`, { method: 'POST',
    body: { idempotencyKey: j.payKey } });
}

/** What cancelling both legs now refunds: the sum of each leg's own quote. */
async function refundOf(j) {
  const quotes = await Promise.all(j.legs.map((l) => api(`/api/bookings/${encodeURIComponent(l.id)}/refund-quote`)));
  const sum = (k) => ({ ...quotes[0][k], minor: quotes.reduce((s, q) => s + q[k].minor, 0) });
  return { fee: sum('fee'), refund: sum('refund') };
}

/**
 * Changes leg i of the paid journey j to train option.train on date in seatClass (a retry of the same click reuses its
 * key: never charged twice; a refusal wrote nothing, so the next try gets a new key). A missed connection says the
 * minutes between the trains and the transfer's minimum, read from the server's answer.
 */
async function changeLeg(j, i, option, date, seatClass, out, onChange) {
  out.textContent = t('common.loading');
  j.changeKeys = j.changeKeys || [];
  j.changeKeys[i] = j.changeKeys[i] || newKey('leg');
  try {
    const fresh = await api(`/api/journey-bookings/${encodeURIComponent(j.id)}/legs/${i}/change`, { method: 'POST',
      body: { train: option.train, date, seatClass, position: null, car: null, idempotencyKey: j.changeKeys[i] } });
    const leg = fresh.legs[i];
    onChange(fresh, h('div', { class: 'message ok', role: 'status' },
      t('jb.legChanged', { train: leg.train, date: fmtDate(leg.date) })));
  } catch (err) {
    if (err instanceof ApiError && err.status >= 400 && err.status < 500) j.changeKeys[i] = null;
    const p = err instanceof ApiError ? err.problem : null;
    const m = p && p.code === 'journey-connection' && /would be (-?\d+) min.* at least (\d+) min/.exec(p.detail || '');
    out.replaceChildren(h('p', { class: 'message error', role: 'alert', 'data-code': (p && p.code) || '' },
      m ? t(Number(m[1]) < 0 ? 'jb.changeLeavesBefore' : 'jb.changeMissed', { n: Math.abs(Number(m[1])), min: m[2] })
        : errorText(err)));
  }
}

/**
 * The journey as one card: its route, state and total, both legs' bookings with their tickets, and its actions: pay a
 * hold once for both, cancel both (the refund and fee first), change one leg of a paid journey. onChange gets the
 * journey after any of them (and, after a change, a message saying so).
 */
export function journeyCard(j, onChange) {
  const first = j.legs[0];
  const last = j.legs[1];
  const status = h('p', { class: 'note', role: 'status' });
  const actions = [];
  if (j.status === 'HELD') {
    const payBtn = h('button', { type: 'button', class: 'btn', 'data-action': 'pay-journey' },
      t('tk.pay', { amount: money(j.total) }));
    payBtn.addEventListener('click', async () => {
      payBtn.disabled = true;
      try {
        onChange({ ...(await payJourney(j)), payKey: j.payKey });
      } catch (err) {
        status.textContent = errorText(err);
        payBtn.disabled = false;
      }
    });
    actions.push(payBtn);
  }
  if (j.status === 'HELD' || j.status === 'TICKETED') {
    const cancel = h('button', { type: 'button', class: 'btn secondary', 'data-action': 'cancel-journey' }, t('jb.cancel'));
    cancel.addEventListener('click', async () => {
      cancel.disabled = true;
      try {
        const q = await refundOf(j);
        const confirm = h('button', { type: 'button', class: 'btn danger', 'data-action': 'confirm-cancel-journey' },
          t('tk.confirmCancel'));
        confirm.addEventListener('click', async () => {
          confirm.disabled = true;
          try {
            onChange(await api(`/api/journey-bookings/${encodeURIComponent(j.id)}/cancel`, { method: 'POST', body: {} }));
          } catch (err) {
            status.textContent = errorText(err);
            confirm.disabled = false;
          }
        });
        status.replaceChildren(t('jb.cancelQuote', { refund: money(q.refund), fee: money(q.fee) }), ' ', confirm);
      } catch (err) {
        status.textContent = errorText(err);
        cancel.disabled = false;
      }
    });
    actions.push(cancel);
  }
  return h('article', { class: `journey-booking status-${j.status}`, 'data-journey': j.id, 'data-status': j.status },
    h('header', { class: 'booking-head' },
      h('h3', {}, t('jb.title', { from: stationName(first.from), to: stationName(last.to) })),
      h('span', { class: `badge status-${j.status}` }, t(`tk.status.${j.status}`))),
    h('p', { class: 'journey-total' }, t('jb.total'), ' ', h('strong', { class: 'total' }, money(j.total))),
    h('div', { class: 'journey-legs' }, j.legs.map((l, i) => bookingCard(l, j.status === 'TICKETED'
      ? [changeControl(l, (option, date, seatClass, out) => changeLeg(j, i, option, date, seatClass, out, onChange),
        'jb.changeLeg')]
      : []))),
    h('div', { class: 'booking-actions' }, actions, status));
}
