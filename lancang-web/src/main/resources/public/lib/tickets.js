// Shared by the ticketing pages (book.html, trips.html, agent.html): stations and the station type-ahead, money,
// dates and local times for the current language, a booking shown as a card with its tickets and QR codes, paying a
// held booking, and cancelling with the refund and fee shown before confirming.
import { api, h, ApiError, errorText } from '/lib/common.js';
import { t, localName, locale, getLang, nameIn, LANGS } from '/lib/i18n.js';
import { zoneLabel } from '/lib/zones.js';

// ---------- stations ----------

let points = [];
let stations = null;
let homeNetwork = null;
let networkCodes = [];
/**
 * The passenger stations of every network served, the home line's first, each in km order (loaded once, with every
 * other point for names, so a ticket on the Bangkok line names its stations in Thai where a Thai reader reads it).
 * Each station carries its network's code.
 */
export async function loadStations() {
  if (!stations) {
    const [all, sold, others] = await Promise.all([api('/api/network/points'), api('/api/stations'), otherPoints()]);
    points = [...(all || []).sort((a, b) => a.km - b.km), ...others];
    // with the currency each station's operator sells in
    stations = [...(sold || []).sort((a, b) => a.km - b.km).map((p) => ({ ...p, network: homeNetwork })),
      ...others.filter((p) => p.kind === 'PASSENGER')];
  }
  return stations;
}

/** The points of the networks other than the home one (codes are unique across networks); none if unreachable. */
async function otherPoints() {
  const networks = await api('/api/networks').catch(() => []);
  homeNetwork = ((networks || []).find((n) => n.home) || {}).code || null;
  networkCodes = [homeNetwork, ...(networks || []).filter((n) => !n.home).map((n) => n.code)].filter(Boolean);
  const lists = await Promise.all((networks || []).filter((n) => !n.home)
    .map((n) => api(`/api/networks/${encodeURIComponent(n.code)}/points`).catch(() => [])));
  return lists.map((l) => [...(l || [])].sort((a, b) => a.km - b.km)).flat();
}

/** The code of the network a station is on (null before the stations are loaded). */
export const stationNetwork = (code) => { const p = stations && stations.find((x) => x.code === code); return p ? p.network : null; };

const stationOf = (code) => points.find((p) => p.code === code);
/** The country of a passenger station (CN, LA), or null. */
export const stationCountry = (code) => { const p = stations && stations.find((x) => x.code === code); return p ? p.country : null; };

let nationalities = null;
/** The nationalities a passenger can give: [{code, en, zh, lo}] (GET /api/nationalities, ISO 3166 alpha-3). */
export async function loadNationalities() {
  if (!nationalities) nationalities = await api('/api/nationalities').catch(() => []);
  return nationalities;
}
/** A nationality's name in the reader's language. */
export function nationalityName(code) {
  const n = nationalities && nationalities.find((x) => x.code === code);
  return n ? (n[getLang()] || n.en) : code;
}

// ---------- travel documents ----------

const journeyDocuments = new Map();
/**
 * The travel documents a journey from one station to another takes (GET /api/sales/documents: its network's
 * documents.csv), each with its names, whether its expiry is asked and the nationality of a country's own card; asked
 * once per pair of stations. Empty where the server cannot say (the form then offers none, and the server says why).
 */
export async function loadDocuments(from, to) {
  const key = `${from}>${to}`;
  if (!journeyDocuments.has(key)) {
    journeyDocuments.set(key, api(`/api/sales/documents?${new URLSearchParams({ from, to })}`)
      .then((answer) => answer.documents)
      .catch(() => { journeyDocuments.delete(key); return []; }));
  }
  return journeyDocuments.get(key);
}

/** A travel document's name in the reader's language, from the names its network's file gives; else its code. */
export function documentName(names, code) {
  return (names && localName(names)) || code;
}

/**
 * A select of the travel documents a journey takes, each named in the reader's language (data-document: a page
 * renames them when the language changes).
 */
export function documentSelect(documents) {
  return h('select', { required: true }, documents.map((d) => h('option', { value: d.code, 'data-document': d.code },
    documentName(d.names, d.code))));
}

/**
 * Shows the expiry field only where the document chosen in docType asks an expiry (its row's expiryRequired; the
 * server checks it against the travel date), required then while active() says the fields are asked; an expiry no
 * longer asked is cleared. No docType (no document asked): hidden.
 */
export function expiryFollowsDocument(docType, documents, expiryField, expiry, active = () => true) {
  const chosen = docType && documents.find((d) => d.code === docType.value);
  const needed = Boolean(chosen && chosen.expiryRequired);
  expiryField.hidden = !needed;
  expiry.required = needed && active();
  if (!needed) expiry.value = '';
}

/** A passenger's fare category, with the fare they pay, as a ticket shows it. */
export function fareLine(p) {
  if (!p.fareCategory) return null;
  return h('span', { class: `fare-category fare-${p.fareCategory}`, 'data-category': p.fareCategory },
    t(`tk.fareCat.${p.fareCategory}`), p.fare ? ` · ${money(p.fare)}` : '');
}

/** The infant a passenger carries on their lap (free, no seat), as their ticket names them. */
export function lapInfantLine(p) {
  if (!p.infant) return null;
  const doc = p.infant.documentNumber ? ` · ${documentName(p.infant.documentNames, p.infant.documentType)} ${p.infant.documentNumber}` : '';
  return h('span', { class: 'lap-infant', 'data-infant': p.infant.name },
    t('tk.withLapInfant', { name: p.infant.name }), doc);
}

/** The currencies the stations' operators sell in, each once (a network folder may add its own, NOK, SEK…). */
export const stationCurrencies = () => [...new Set((stations || []).map((p) => p.currency).filter(Boolean))];

/** The currency the station's own operator sells in (LAK in Laos, CNY in China), or null. */
export const stationCurrency = (code) => { const p = stations && stations.find((x) => x.code === code); return p ? p.currency : null; };

/** An operator's name in the reader's language (the code where no name is known). */
export const operatorName = (code) => tOr(`op.${code}`, code);
/** A train type's name in the reader's language (the code where no name is known). */
export const trainTypeName = (code) => tOr(`traintype.${code}`, code);
function tOr(key, fallback) { const text = t(key); return text && text !== key ? text : fallback; }

export const stationName = (code) => { const p = stationOf(code); return p ? localName(p.names) : code; };

const norm = (s) => (s || '').normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
/** A station's names in every language this page offers (Thai where the point has one). */
const everyName = (p) => LANGS.map((l) => nameIn(p.names, l.code)).filter(Boolean);
const namesOf = (p) => [p.code, ...everyName(p)];

const found = new Map();
/**
 * Stations whose code or name matches the text, as the server's station search folds them (Lao spellings such as
 * ຫຼ/ຫລ, traditional/simplified Chinese, pinyin without tones, every language a network names its points in, Thai
 * on the Bangkok line): each network's answer, the home line's first, best first within it. Answers are kept.
 */
async function matching(text) {
  const q = (text || '').trim();
  if (!q) return stations.slice();
  if (!found.has(q)) {
    const query = `/api/stations?q=${encodeURIComponent(q)}`;
    const lists = await Promise.all((networkCodes.length ? networkCodes : [null])
      .map((n) => api(n ? `${query}&network=${encodeURIComponent(n)}` : query).catch(() => [])));
    const codes = lists.flatMap((l) => (l || []).map((x) => x.code));
    found.set(q, codes.map((c) => stations.find((p) => p.code === c)).filter(Boolean));
  }
  return found.get(q);
}

let comboSeq = 0;
/**
 * A labelled station field with type-ahead (ARIA combobox): typing any part of a name in English, 中文 or ລາວ (or the
 * code) lists the matching stations; arrow keys and Enter or a click choose one. The chosen code is in input.dataset.code.
 */
export function stationField(name, labelKey) {
  const id = `st-${name}-${++comboSeq}`;
  const input = h('input', {
    id, name, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false', required: true,
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-list`,
  });
  const list = h('ul', { id: `${id}-list`, role: 'listbox', class: 'combo-list', hidden: true, 'aria-labelledby': `${id}-label` });
  let active = -1;
  let shown = [];

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const choose = (p) => {
    input.dataset.code = p.code;
    input.value = localName(p.names);
    close();
    input.dispatchEvent(new CustomEvent('station-change', { bubbles: true }));
  };
  const mark = () => {
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', list.children[active].id);
      list.children[active].scrollIntoView({ block: 'nearest' });
    }
  };
  let asked = 0;
  const open = async () => {
    const mine = ++asked;
    const got = await matching(input.value).catch(() => []);
    if (mine !== asked) return; // a later keystroke has its own answer
    const next = got.slice(0, 12);
    if (!list.hidden && next.length === shown.length && next.every((p, i) => p === shown[i])) return; // unchanged
    shown = next;
    list.replaceChildren(...shown.map((p, i) => {
      const others = [...new Set(everyName(p).filter((n) => n !== localName(p.names)))];
      return h('li', { id: `${id}-opt-${i}`, role: 'option', 'data-code': p.code, 'aria-selected': 'false',
        onmousedown: (e) => { e.preventDefault(); choose(p); } },
      h('span', { class: 'combo-name' }, localName(p.names)), ' ',
      h('span', { class: 'combo-other' }, [...others, p.code].join(' · ')));
    }));
    active = -1;
    list.hidden = !shown.length;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  input.addEventListener('input', () => { delete input.dataset.code; open(); });
  input.addEventListener('focus', () => { if (!input.dataset.code) open(); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) { open(); return; }
      if (!shown.length) return;
      active = e.key === 'ArrowDown' ? (active + 1) % shown.length : (active <= 0 ? shown.length - 1 : active - 1);
      mark();
    } else if (e.key === 'Enter' && !list.hidden && shown.length) {
      e.preventDefault();
      choose(shown[Math.max(active, 0)]);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  let pending = Promise.resolve();
  input.addEventListener('blur', () => {
    asked++;
    close();
    pending = (async () => {
      if (input.dataset.code) return;
      const q = norm(input.value);
      const exact = stations.find((p) => namesOf(p).map(norm).includes(q));
      if (exact) { choose(exact); return; }
      const only = q ? await matching(input.value).catch(() => []) : [];
      if (!input.dataset.code && only.length === 1) choose(only[0]);
    })();
  });
  document.addEventListener('lang-change', () => {
    const p = stationOf(input.dataset.code);
    if (p) input.value = localName(p.names);
  });
  const field = h('div', { class: 'field combo', 'data-field': name },
    h('label', { for: id, id: `${id}-label`, 'data-i18n': labelKey }, t(labelKey)), input, list);
  return {
    field, input,
    /** Resolves once a station typed and left (blur) has been looked up. */
    settled: () => pending,
    get code() { return input.dataset.code || ''; },
    set(code) { const p = stationOf(code); if (p) { input.dataset.code = code; input.value = localName(p.names); } },
  };
}

// ---------- formatting ----------

const DECIMALS = { CNY: 2, LAK: 0, THB: 2 };
/** Shown by their own sign; any other (a network folder's NOK and SEK, both "kr" as narrow signs) by its code. */
const SIGNED = ['CNY', 'LAK', 'THB', 'USD'];

/** Money {minor, currency} for the current language, e.g. ¥470.00, ₭1,362,500, ฿1,234.00, NOK 91.00. */
export function money(m) {
  if (!m) return '';
  const d = DECIMALS[m.currency] ?? 2;
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: m.currency,
    currencyDisplay: SIGNED.includes(m.currency) ? 'narrowSymbol' : 'code', minimumFractionDigits: d,
    maximumFractionDigits: d }).format(m.minor / 10 ** d);
}

// Browsers built with reduced ICU data (Debian's Chromium among them) have no Lao dates: then these names are used.
const LO_MONTHS = ['ມັງກອນ', 'ກຸມພາ', 'ມີນາ', 'ເມສາ', 'ພຶດສະພາ', 'ມິຖຸນາ', 'ກໍລະກົດ', 'ສິງຫາ', 'ກັນຍາ', 'ຕຸລາ', 'ພະຈິກ', 'ທັນວາ'];
const LO_DAYS = ['ວັນອາທິດ', 'ວັນຈັນ', 'ວັນອັງຄານ', 'ວັນພຸດ', 'ວັນພະຫັດ', 'ວັນສຸກ', 'ວັນເສົາ'];
const noIntlDates = () => getLang() === 'lo' && !Intl.DateTimeFormat.supportedLocalesOf(['lo']).length;
const pad2 = (n) => String(n).padStart(2, '0');

/**
 * A calendar date YYYY-MM-DD, e.g. "Sat 28 Nov 2026" / "2026年11月28日周六" / "ວັນເສົາ 28 ພະຈິກ 2026" / "ส. 28 พ.ย. 2569"
 * (th-TH counts in the Buddhist Era: what is shown only; the dates sent to the API stay ISO and Gregorian).
 */
export function fmtDate(ymd) {
  if (!ymd) return '';
  const d = new Date(`${ymd.slice(0, 10)}T00:00:00Z`);
  if (noIntlDates()) return `${LO_DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${LO_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' })
    .format(d);
}

/** An instant, date and time, in the viewer's own zone or in `zone` (the zone of the place it happens at). */
export function fmtInstant(iso, zone) {
  if (!iso) return '';
  const d = new Date(iso);
  if (noIntlDates()) {
    const part = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: 'numeric',
      day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d).map((p) => [p.type, p.value]));
    return `${Number(part.day)} ${LO_MONTHS[Number(part.month) - 1]} ${part.year} ${pad2(part.hour)}:${pad2(part.minute)}`;
  }
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(d);
}

/**
 * An instant where it happens: date and time in the zone of the place (its point's timeZone in `points`), with the
 * zone named by its countries, "6 Dec 2026, 14:05 (Laos time)", so a shipper in Beijing reads a Lao station's time as
 * the station keeps it. A place the points do not know falls back to the viewer's own zone, unnamed.
 */
export function fmtAtPlace(iso, code, points) {
  if (!iso) return '';
  const zone = ((points || []).find((p) => p.code === code) || {}).timeZone;
  return zone ? `${fmtInstant(iso, zone)} (${zoneLabel(zone, points)})` : fmtInstant(iso);
}

/** HH:MM local to the station, from an ISO date-time with the station's offset. */
export const localTime = (iso) => (iso || '').slice(11, 16);
/** "UTC+8" from an ISO date-time with offset. */
export const zoneOf = (iso) => {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso || '');
  return m ? `UTC${m[1]}${Number(m[2])}${m[3] !== '00' ? `:${m[3]}` : ''}` : 'UTC';
};

export function duration(minutes) {
  return t('tk.duration', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
}

export const className = (c) => t(`tk.class.${c}`);
export const statusName = (s) => t(`tk.status.${s}`);

/** Today plus some days, YYYY-MM-DD, in the viewer's zone. */
export function daysFromToday(n) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function newKey(prefix) {
  return `${prefix}-${(crypto.randomUUID && crypto.randomUUID()) || `${Date.now()}-${Math.random()}`}`;
}

/** The default currency for the language: kip for Lao, yuan otherwise. */
export const defaultCurrency = () => (getLang() === 'lo' ? 'LAK' : 'CNY');

// ---------- a booking ----------

/** The message for an endpoint this server does not have yet (404 without a field), else the usual text. */
export function missingOr(err, key) {
  return err instanceof ApiError && err.status === 404 && !(err.problem && err.problem.field) ? t(key) : errorText(err);
}

/** "08:05 (Asia/Shanghai, UTC+8)": a local time with its station's zone. */
function timeWithZone(iso, zone) {
  return h('span', { class: 'local-time' }, h('time', { datetime: iso }, localTime(iso)),
    h('span', { class: 'zone' }, ` (${zone}, ${zoneOf(iso)})`));
}

/** When the train leaves and arrives, local to each station with its zone; said so when the train no longer runs. */
export function journeyTimes(b) {
  if (!b.departure || !b.arrival) return h('p', { class: 'journey-times unknown' }, t('tk.timesUnknown'));
  const nextDay = b.arrival.slice(0, 10) !== b.departure.slice(0, 10);
  return h('dl', { class: 'journey-times' },
    h('dt', {}, t('tk.departs', { station: stationName(b.from) })),
    h('dd', { class: 'departure' }, timeWithZone(b.departure, b.departureZone)),
    h('dt', {}, t('tk.arrives', { station: stationName(b.to) })),
    h('dd', { class: 'arrival' }, timeWithZone(b.arrival, b.arrivalZone), nextDay ? ` ${t('tk.nextDay')}` : ''));
}

/** A booking as a card: journey, class, status, passengers with seats, tickets with QR codes, money. */
export function bookingCard(b, actions = []) {
  const ticketed = b.status === 'TICKETED' || b.status === 'CHANGED';
  const route = `${stationName(b.from)} → ${stationName(b.to)}`;
  return h('article', { class: `booking status-${b.status}`, 'data-id': b.id, 'data-status': b.status,
    'aria-label': `${b.train} ${route}` },
  h('header', { class: 'booking-head' },
    h('h3', {}, `${b.train} · ${route}`),
    h('span', { class: `badge status-${b.status}` }, statusName(b.status))),
  h('p', { class: 'booking-ref' }, t('tk.referenceLabel'), ' ',
    h('strong', { class: 'reference', translate: 'no' }, b.reference || '')),
  journeyTimes(b),
  h('p', { class: 'booking-meta' }, `${fmtDate(b.date)} · ${className(b.seatClass)}`),
  h('ul', { class: 'passenger-list' }, b.passengers.map((p, i) => h('li', { class: 'ticket', 'data-index': i },
    h('div', {},
      h('strong', {}, p.name), ' ', h('span', { class: 'sub' }, `${documentName(p.documentNames, p.documentType)} ${p.documentNumber}`),
      h('span', { class: 'seat' }, t('tk.carSeat', { car: p.car, seat: p.seat }),
        p.berth ? h('span', { class: 'berth', 'data-berth': p.berth }, ` · ${t(`pg.berth.${p.berth}`)}`) : null),
      fareLine(p),
      lapInfantLine(p),
      p.ticketNumber ? h('span', { class: 'ticket-number' }, t('tk.ticketNo', { number: p.ticketNumber })) : null),
    ticketed && p.ticketNumber && b.status === 'TICKETED' ? h('img', {
      class: 'qr', src: `/api/bookings/${encodeURIComponent(b.id)}/tickets/${i}/qr.svg`, width: 148, height: 148,
      alt: t('tk.qrAlt', { number: p.ticketNumber }),
    }) : null))),
  h('dl', { class: 'amounts' },
    h('dt', {}, t('tk.total')), h('dd', { class: 'total' }, money(b.total)),
    b.status === 'HELD' && b.holdExpiresAt ? [h('dt', {}, t('tk.holdUntil')), h('dd', {}, fmtInstant(b.holdExpiresAt))] : null,
    b.fee ? [h('dt', {}, t('tk.fee')), h('dd', { class: 'fee' }, money(b.fee))] : null,
    b.refund ? [h('dt', {}, t('tk.refund')), h('dd', { class: 'refund' }, money(b.refund))] : null),
  h('div', { class: 'booking-actions' }, actions));
}

/**
 * The forecast of a journey ({train, fromZone, toZone, forecastDeparture, forecastArrival, arrivalDelaySeconds} from
 * GET /api/journeys/forecast or /api/bookings/{id}/forecast): expected times in each station's own zone, and the delay.
 */
export function forecastLine(f) {
  const at = (iso, zone) => new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    timeZone: zone }).format(new Date(iso));
  const n = Math.round(f.arrivalDelaySeconds / 60);
  return h('p', { class: `forecast${n >= 1 ? ' late' : ''}`, 'data-train': f.train, 'data-delay-seconds': f.arrivalDelaySeconds },
    t('trips.forecast', { dep: at(f.forecastDeparture, f.fromZone), arr: at(f.forecastArrival, f.toZone) }), ' · ',
    h('strong', {}, n >= 1 ? t('trips.forecastLate', { n }) : t('trips.forecastOnTime')));
}

/** Pays a held booking with the simulated provider; the same key is reused if the click is retried. */
export async function pay(booking) {
  booking.payKey = booking.payKey || newKey('pay');
  return api(`/api/bookings/${encodeURIComponent(booking.id)}/payment`, { method: 'POST', body: { idempotencyKey: booking.payKey } });
}

/**
 * The actions of a booking in a list: pay a hold, cancel a hold or a ticket (refund and fee first). onChange gets the
 * booking after paying, onCancelled after cancelling; a failed payment is said beside the button.
 */
export function payAndCancel(b, onChange, onCancelled) {
  const actions = [];
  if (b.status === 'HELD') {
    const payBtn = h('button', { type: 'button', class: 'btn', 'data-action': 'pay' }, t('tk.pay', { amount: money(b.total) }));
    const status = h('p', { class: 'note', role: 'status' });
    payBtn.addEventListener('click', async () => {
      payBtn.disabled = true;
      try {
        onChange(await pay(b));
      } catch (err) {
        status.textContent = errorText(err);
        payBtn.disabled = false;
      }
    });
    actions.push(payBtn, status);
  }
  if (b.status === 'HELD' || b.status === 'TICKETED') actions.push(cancelControl(b, onCancelled));
  return actions;
}

/**
 * A "Cancel…" button that first fetches and shows what would be refunded and the fee, then cancels only on
 * confirmation. onDone gets the cancelled booking.
 */
export function cancelControl(b, onDone) {
  const box = h('div', { class: 'cancel-box' });
  const start = h('button', { type: 'button', class: 'btn secondary', 'data-action': 'cancel' },
    t(b.status === 'HELD' ? 'tk.releaseHold' : 'tk.cancel'));
  const status = h('p', { class: 'note', role: 'status' });
  start.addEventListener('click', async () => {
    start.disabled = true;
    status.textContent = t('common.loading');
    let q;
    try {
      q = await api(`/api/bookings/${encodeURIComponent(b.id)}/refund-quote`);
    } catch (err) {
      status.textContent = errorText(err);
      start.disabled = false;
      return;
    }
    status.textContent = '';
    const confirm = h('button', { type: 'button', class: 'btn danger', 'data-action': 'confirm-cancel' }, t('tk.confirmCancel'));
    const keep = h('button', { type: 'button', class: 'btn secondary', 'data-action': 'keep' }, t('tk.keep'));
    const quote = h('div', { class: 'refund-quote', role: 'group', 'aria-label': t('tk.quoteHeading') },
      h('p', { class: 'quote-heading' }, t('tk.quoteHeading')),
      h('dl', { class: 'amounts' },
        h('dt', {}, t('tk.paid')), h('dd', { class: 'quote-paid' }, money(q.paid)),
        h('dt', {}, t('tk.fee')), h('dd', { class: 'quote-fee' }, money(q.fee)),
        h('dt', {}, t('tk.refund')), h('dd', { class: 'quote-refund' }, money(q.refund))),
      h('div', { class: 'actions' }, confirm, keep));
    keep.addEventListener('click', () => { quote.remove(); start.hidden = false; start.disabled = false; start.focus(); });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const done = await api(`/api/bookings/${encodeURIComponent(b.id)}/cancel`, { method: 'POST', body: {} });
        onDone(done);
      } catch (err) {
        status.textContent = errorText(err);
        confirm.disabled = false;
      }
    });
    start.hidden = true;
    box.append(quote);
    confirm.focus();
  });
  box.append(start, status);
  return box;
}

/** "Cancelled: refunded X, fee Y" as a status message. */
export function cancelledMessage(b) {
  return h('div', { class: 'message ok cancelled-message', role: 'status' },
    t('tk.cancelled', { refund: money(b.refund || { minor: 0, currency: b.total.currency }),
      fee: money(b.fee || { minor: 0, currency: b.total.currency }) }));
}

/**
 * Change to another train: pick a date, see the trains between the booking's stations, choose one; onChoose(train,
 * date, seatClass, out) makes the change (a single booking's or a journey's leg) and says how it went in out. The old
 * seat goes only once the new one is secured. labelKey names the button (a journey's leg says which it changes).
 */
export function changeControl(b, onChoose, labelKey = 'tk.change') {
  const box = h('div', { class: 'change-box' });
  const open = h('button', { type: 'button', class: 'btn secondary', 'data-action': 'change', 'aria-expanded': 'false' }, t(labelKey));
  const dateId = `change-date-${b.id}`;
  const panel = h('div', { class: 'change-panel', hidden: true },
    h('div', { class: 'field' }, h('label', { for: dateId }, t('tk.changeDate')),
      h('input', { id: dateId, type: 'date', value: b.date })),
    h('button', { type: 'button', class: 'btn small', 'data-action': 'change-search' }, t('tk.search')),
    h('div', { class: 'change-options', role: 'status', 'aria-live': 'polite' }));
  open.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    open.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) panel.querySelector('input').focus();
  });
  panel.querySelector('[data-action="change-search"]').addEventListener('click', async () => {
    const date = panel.querySelector('input').value;
    const out = panel.querySelector('.change-options');
    out.textContent = t('common.loading');
    let js;
    try {
      js = await api(`/api/journeys?${new URLSearchParams({ from: b.from, to: b.to, date, currency: b.total.currency })}`);
    } catch (err) {
      out.textContent = errorText(err);
      return;
    }
    const options = [];
    for (const j of js) {
      for (const c of j.classes) {
        if (!j.onSale || c.available <= 0 || (j.train === b.train && date === b.date && c.seatClass === b.seatClass)) continue;
        options.push(h('li', {}, h('button', { type: 'button', class: 'linkish', 'data-train': j.train,
          'data-class': c.seatClass, onclick: () => onChoose(j, date, c.seatClass, out) },
        `${j.train} ${localTime(j.departure)}–${localTime(j.arrival)} · ${className(c.seatClass)} · ${money(c.fare.total)}`)));
      }
    }
    out.replaceChildren(options.length ? h('ul', { class: 'change-list' }, options) : h('p', { class: 'note' }, t('tk.noTrains')));
  });
  box.append(open, panel);
  return box;
}
