// The sale, step by step, for a passenger (book.html) and for an agent at a window (agent.html): search by station
// and date (GET /api/journeys) → trains with local times, border, seats and fare per class → class and seat
// preference and the passengers' details (POST /api/bookings, problems shown at their fields) → pay with the simulated
// provider → the tickets with their QR codes. A sold-out class offers the waitlist (POST /api/waitlist).
import {
  api, h, ApiError, getMe, clearErrors, checkRequired, fieldError, formError, showProblem, focusFirstError, busy, errorText,
} from '/lib/common.js';
import { t, getLang } from '/lib/i18n.js';
import {
  loadStations, stationField, stationName, money, fmtDate, localTime, zoneOf, duration, className, daysFromToday,
  bookingCard, pay, cancelControl, cancelledMessage, defaultCurrency, stationCurrency, stationCurrencies, operatorName,
  trainTypeName,
  forecastLine, stationCountry, loadNationalities, nationalityName, stationNetwork, loadDocuments, documentName,
  documentSelect, expiryFollowsDocument,
} from '/lib/tickets.js';
import { journeyForm, journeyCard } from '/lib/journeys.js';

const signIn = () => location.assign(`/signin.html?next=${encodeURIComponent(location.pathname + location.search)}`);
const MAX_PASSENGERS = 5;
const LANGUAGE_NATIONALITY = { lo: 'LAO', zh: 'CHN', th: 'THA' };
const NEAR_NATIONALITIES = ['LAO', 'CHN', 'THA', 'VNM'];
const CURRENCIES = ['CNY', 'LAK', 'THB'];
/** The classes sold as berths: a buyer chooses the lower or the upper one (priced apart where the operator does). */
const SLEEPERS = ['HARD_SLEEPER', 'SOFT_SLEEPER'];

/**
 * The document a passenger most likely travels on, of those the journey takes (GET /api/sales/documents, in its
 * file's order): across a border the first that crosses it; on a domestic trip the country's own card (its
 * `issuedBy`), unless the reader's language says another nationality (a Chinese reader in Laos is a visitor there).
 */
export function defaultDocument(journey, documents, lang) {
  if (!documents.length) return '';
  const first = documents[0].code;
  if (journey.crossesBorder) return first;
  const own = documents.find((d) => d.issuedBy && d.issuedBy === stationCountry(journey.from));
  const readers = LANGUAGE_NATIONALITY[lang];
  if (!own || (readers && readers !== own.nationality)) return first;
  return own.code;
}

/**
 * Names joined as alternatives in the language lang ("Passport or Temporary border pass"), by the browser's list
 * format where it knows the language (Chromium may not know Lao: it would say "or"), else with the page's own "or".
 */
export function eitherOf(names, lang) {
  try {
    const format = new Intl.ListFormat(lang, { type: 'disjunction' });
    if (format.resolvedOptions().locale.split('-')[0] === lang) return format.format(names);
  } catch { /* no list format: the page's own word below */ }
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')}${t('tk.or')}${names[names.length - 1]}`;
}

/** Builds the sale inside root. agent: selling for walk-in passengers (the booking is the agent's sale). */
export async function mountSale(root, { agent = false, onSold = () => {} } = {}) {
  await loadStations();
  const from = stationField('from', 'tk.from');
  const to = stationField('to', 'tk.to');
  const searchForm = h('form', { id: 'search-form', class: 'panel search-form', novalidate: true, role: 'search' },
    h('div', { class: 'form-error', role: 'alert', hidden: true }),
    from.field, to.field,
    h('div', { class: 'field', 'data-field': 'date' },
      h('label', { for: 'date', 'data-i18n': 'tk.date' }, t('tk.date')),
      h('input', { id: 'date', name: 'date', type: 'date', required: true, value: daysFromToday(1), min: daysFromToday(0) })),
    h('div', { class: 'field', 'data-field': 'currency' },
      h('label', { for: 'currency', 'data-i18n': 'tk.currency' }, t('tk.currency')),
      h('select', { id: 'currency', name: 'currency' },
        h('option', { value: 'CNY', 'data-i18n': 'tk.cny' }, t('tk.cny')),
        h('option', { value: 'LAK', 'data-i18n': 'tk.lak' }, t('tk.lak')),
        h('option', { value: 'THB', 'data-i18n': 'tk.thb' }, t('tk.thb')))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn', 'data-i18n': 'tk.search' }, t('tk.search'))));
  // and the money of every other network served, by its code (a network folder's crowns have no text of their own)
  stationCurrencies().filter((c) => !CURRENCIES.includes(c))
    .forEach((c) => searchForm.currency.append(h('option', { value: c }, c)));
  const offered = (c) => [...searchForm.currency.options].some((o) => o.value === c);
  searchForm.currency.value = defaultCurrency();
  const results = h('section', { id: 'results', 'aria-live': 'polite' });
  const step = h('section', { id: 'step', tabindex: '-1' });
  root.replaceChildren(searchForm, results, step);

  let journeys = null;
  let crossJourneys = null; // journeys across two networks (GET /api/networks/journeys), when from and to are on two
  let forecasts = []; // the day's forecast of the same trains (GET /api/journeys/forecast): shown when late
  let query = null;
  let choice = null; // {journey, seatClass, waitlist}
  let booking = null;
  let nationalities = [];
  let documents = []; // the documents the chosen journey takes (GET /api/sales/documents)

  const params = new URLSearchParams(location.search);
  if (params.get('from')) from.set(params.get('from').toUpperCase());
  if (params.get('to')) to.set(params.get('to').toUpperCase());
  // a ticket window sells from its own station: the agent's last origin comes back (and with it the station's money,
  // kip at a Vientiane window) until another is chosen
  const WINDOW_KEY = 'lancang.window.from';
  if (agent && !params.get('from') && localStorage.getItem(WINDOW_KEY)) from.set(localStorage.getItem(WINDOW_KEY));
  if (/^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '')) searchForm.date.value = params.get('date');
  if (offered(params.get('currency'))) searchForm.currency.value = params.get('currency');
  // pay in the money of the station the journey starts from (kip at a Vientiane window), unless the buyer chose;
  // a reader in Lao pays in kip wherever the journey starts
  let currencyChosen = offered(params.get('currency'));
  searchForm.currency.addEventListener('change', () => { currencyChosen = true; });
  const followStation = () => {
    const local = getLang() === 'lo' ? defaultCurrency() : stationCurrency(from.code);
    if (!currencyChosen && local) searchForm.currency.value = local;
  };
  from.input.addEventListener('station-change', followStation);
  followStation();

  searchForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    searchNow();
  });

  async function searchNow() {
    await Promise.all([from.settled(), to.settled()]);
    clearErrors(searchForm);
    let ok = checkRequired(searchForm);
    if (from.input.value.trim() && !from.code) { fieldError(searchForm, 'from', t('tk.unknownStation')); ok = false; }
    if (to.input.value.trim() && !to.code) { fieldError(searchForm, 'to', t('tk.unknownStation')); ok = false; }
    if (ok && from.code === to.code) { fieldError(searchForm, 'to', t('tk.sameStations')); ok = false; }
    if (!ok) { focusFirstError(searchForm); return; }
    query = { from: from.code, to: to.code, date: searchForm.date.value, currency: searchForm.currency.value };
    if (agent) localStorage.setItem(WINDOW_KEY, from.code);
    choice = null;
    step.replaceChildren();
    const fromNet = stationNetwork(query.from);
    const toNet = stationNetwork(query.to);
    crossJourneys = null;
    if (fromNet && toNet && fromNet !== toNet) {
      await busy(searchForm, () => searchAcross());
      return;
    }
    await busy(searchForm, async () => {
      try {
        journeys = await api(`/api/journeys?${new URLSearchParams(query)}`);
        forecasts = await api(`/api/journeys/forecast?${new URLSearchParams({ from: query.from, to: query.to,
          date: query.date })}`).catch(() => []);
      } catch (err) {
        journeys = null;
        results.replaceChildren();
        showProblem(searchForm, err);
        return;
      }
      renderResults();
      const heading = results.querySelector('h2');
      if (heading) {
        // the heading at the top, so the first trains show under it (on a phone too), not below the fold
        heading.focus({ preventScroll: true });
        heading.scrollIntoView({ block: 'start' });
      }
    });
  }

  // back from signing in (or a shared link): search again, and open the chosen train and class
  if (from.code && to.code && params.get('date')) {
    await searchNow();
    const j = journeys && journeys.find((x) => x.train === params.get('train'));
    const cls = j && j.classes.find((c) => c.seatClass === params.get('class'));
    if (j && cls && j.onSale) await choose(j, cls.seatClass, params.get('waitlist') === '1' || cls.available <= 0);
  }

  /** A journey over two networks: each leg is its own train and booking; the page searches a leg to buy it. */
  async function searchAcross() {
    journeys = null;
    try {
      crossJourneys = await api(`/api/networks/journeys?${new URLSearchParams({ from: query.from, to: query.to,
        date: query.date })}`);
    } catch (err) {
      crossJourneys = null;
      results.replaceChildren();
      showProblem(searchForm, err);
      return;
    }
    renderResults();
    const heading = results.querySelector('h2');
    if (heading) heading.focus({ preventScroll: true });
  }

  function legLine(leg, cls) {
    const nextDay = leg.arrival.slice(0, 10) !== leg.departure.slice(0, 10);
    return h('p', { class: `times ${cls}`, 'data-train': leg.train },
      h('strong', {}, leg.train), ' · ',
      h('span', { class: 'dep' }, h('strong', {}, localTime(leg.departure)), ' ', stationName(leg.from), ' ',
        h('span', { class: 'zone' }, zoneOf(leg.departure))),
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
      h('span', { class: 'arr' }, h('strong', {}, localTime(leg.arrival)), nextDay ? h('sup', {}, '+1') : null, ' ',
        stationName(leg.to), ' ', h('span', { class: 'zone' }, zoneOf(leg.arrival))),
      ' ', h('button', {
        type: 'button', class: 'btn small secondary', 'data-leg': leg.train,
        'aria-label': `${t('pg.bookLeg')}: ${leg.train}`,
        onclick: () => searchLeg(leg),
      }, t('pg.bookLeg')));
  }

  /** Searches one leg on its own network (its service date is the day it leaves, where it leaves). */
  async function searchLeg(leg) {
    from.set(leg.from);
    to.set(leg.to);
    searchForm.date.value = leg.departure.slice(0, 10);
    await searchNow();
  }

  function crossItem(j) {
    const missed = j.missed || [];
    return h('li', { class: 'journey cross-journey', 'data-first': j.first.train, 'data-second': j.second.train },
      h('div', { class: 'journey-head' },
        h('h3', {}, `${j.first.train} + ${j.second.train}`),
        h('span', { class: 'badge border-badge' }, t('pg.acrossNetworks'))),
      legLine(j.first, 'first-leg'),
      h('p', { class: 'note transfer' }, t(`pg.transfer.${j.transfer.mode}`, {
        from: stationName(j.transfer.from), to: stationName(j.transfer.to), km: j.transfer.distanceKm,
        min: j.transfer.minimumConnectionMinutes })),
      missed.length ? h('p', { class: 'note missed' }, t('pg.missed', {
        trains: missed.map((m) => `${m.train} ${localTime(m.departure)}`).join(', '),
        station: stationName(missed[0].from) })) : null,
      legLine(j.second, 'second-leg'),
      h('p', { class: 'note connection' }, t('pg.connection', { time: duration(j.connectionMinutes) })),
      h('div', { class: 'actions' }, h('button', {
        type: 'button', class: 'btn small', 'data-action': 'book-journey',
        'aria-label': `${t('jb.bookWhole')}: ${j.first.train} + ${j.second.train}`,
        onclick: () => chooseJourney(j),
      }, t('jb.bookWhole'))));
  }

  /** Both legs in one step (POST /api/journey-bookings): signed in first, then the form, the hold, one payment. */
  async function chooseJourney(j) {
    if (!(await getMe())) {
      location.assign(`/signin.html?next=${encodeURIComponent(`${location.pathname}?${new URLSearchParams(query)}`)}`);
      return;
    }
    const shown = (journey) => {
      step.replaceChildren(h('h2', { tabindex: '-1' }, t(journey.status === 'TICKETED' ? 'jb.ticketsHeading'
        : journey.status === 'HELD' ? 'jb.heldHeading' : 'tk.cancelledHeading')),
      journey.status === 'HELD' ? h('p', { class: 'note' }, t('tk.simulated')) : null,
      journeyCard(journey, shown),
      h('a', { class: 'btn secondary', href: '/trips.html' }, t('tk.seeTrips')));
      step.querySelector('h2').focus();
    };
    step.replaceChildren(await journeyForm(j, query.currency, shown, () => step.replaceChildren()));
    step.scrollIntoView({ block: 'start' });
    step.querySelector('h2').focus();
  }

  function renderResults() {
    if (crossJourneys) {
      const heading = h('h2', { tabindex: '-1' }, t('tk.resultsHeading', {
        from: stationName(query.from), to: stationName(query.to), date: fmtDate(query.date) }));
      results.replaceChildren(heading, crossJourneys.length
        ? h('ol', { class: 'journeys' }, crossJourneys.map(crossItem))
        : h('p', { class: 'message' }, t('tk.noTrains')));
      return;
    }
    if (!journeys) return;
    const heading = h('h2', { tabindex: '-1' }, t('tk.resultsHeading', {
      from: stationName(query.from), to: stationName(query.to), date: fmtDate(query.date) }));
    if (!journeys.length) {
      results.replaceChildren(heading, h('p', { class: 'message' }, t('tk.noTrains')));
      return;
    }
    results.replaceChildren(heading, h('ol', { class: 'journeys' }, journeys.map(journeyItem)));
  }

  function forecastOf(j) {
    const f = (forecasts || []).find((x) => x.train === j.train);
    return f && f.arrivalDelaySeconds >= 60 ? forecastLine(f) : null;
  }

  /**
   * What a crossing asks at the border: the documents the journey takes across it (GET /api/sales/documents, named in
   * the reader's language), which differ by border (a border pass on the Thai–Lao bridge); a generic wording until
   * they come, or where they do not.
   */
  function borderNote(j) {
    const note = h('p', { class: 'note border-note' }, t('tk.borderNote'));
    const lang = getLang();
    loadDocuments(j.from, j.to).then((docs) => {
      if (!docs.length || lang !== getLang()) return;
      const names = docs.map((d) => documentName(d.names, d.code));
      note.textContent = t('tk.borderNoteDocuments', { documents: eitherOf(names, lang) });
    });
    return note;
  }

  function journeyItem(j) {
    const dep = localTime(j.departure);
    const arr = localTime(j.arrival);
    const nextDay = j.arrival.slice(0, 10) !== j.departure.slice(0, 10);
    return h('li', { class: `journey${j.crossesBorder ? ' border' : ''}`, 'data-train': j.train },
      h('div', { class: 'journey-head' },
        h('h3', {}, j.train, ' ', h('span', { class: 'sub inline' }, `${operatorName(j.operator)} · ${trainTypeName(j.trainType)}`)),
        j.crossesBorder ? h('span', { class: 'badge border-badge' }, t('tk.crossesBorder')) : null),
      h('p', { class: 'times' },
        h('span', { class: 'dep' }, h('strong', {}, dep), j.crossesBorder ? h('span', { class: 'zone' }, ` ${zoneOf(j.departure)}`) : null,
          ' ', stationName(j.from)),
        h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
        h('span', { class: 'arr' }, h('strong', {}, arr), nextDay ? h('sup', {}, '+1') : null,
          j.crossesBorder ? h('span', { class: 'zone' }, ` ${zoneOf(j.arrival)}`) : null, ' ', stationName(j.to)),
        h('span', { class: 'duration' }, ` · ${duration(j.durationMinutes)}`)),
      forecastOf(j),
      j.crossesBorder ? borderNote(j) : null,
      j.onSale ? null : h('p', { class: 'note' }, t('tk.notOnSale')),
      h('table', { class: 'classes' },
        h('caption', { class: 'visually-hidden' }, t('tk.classesCaption', { train: j.train })),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('tk.class')), h('th', { scope: 'col', class: 'num' }, t('tk.available')),
          h('th', { scope: 'col', class: 'num' }, t('tk.fare')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('tk.choose'))))),
        h('tbody', {}, j.classes.map((c) => h('tr', { 'data-class': c.seatClass },
          h('th', { scope: 'row' }, className(c.seatClass)),
          h('td', { class: 'num' }, c.available > 0 ? t('tk.seats', { n: c.available })
            : c.keptForCrossBorder ? h('span', { class: 'kept-cross-border' }, t('tk.keptForCrossBorder'))
              : h('span', { class: 'sold-out' }, t('tk.soldOut'))),
          h('td', { class: 'num' }, h('span', { class: 'fare' }, money(c.fare.total)),
            c.fare.parts.length > 1 || c.fare.parts[0].amount.currency !== c.fare.total.currency
              ? h('span', { class: 'sub' }, c.fare.parts.map((p) => `${stationName(p.from)}–${stationName(p.to)} ${money(p.amount)}`).join(' + '))
              : null,
            (c.reducedFares || []).filter((r) => r.category === 'CHILD').map((r) => h('span', { class: 'sub reduced-fare' },
              t('tk.childFare', { amount: money(r.total), min: r.minAge, max: r.maxAge - 1 })))),
          h('td', {}, j.onSale ? h('button', {
            type: 'button', class: `btn small${c.available > 0 ? '' : ' secondary'}`,
            'aria-label': `${c.available > 0 ? t('tk.choose') : t('tk.joinWaitlist')}: ${j.train} ${className(c.seatClass)}`,
            onclick: () => choose(j, c.seatClass, c.available <= 0),
          }, c.available > 0 ? t('tk.choose') : t('tk.joinWaitlist')) : null))))));
  }

  // ---------- class, seat and passengers ----------

  async function choose(journey, seatClass, waitlist) {
    choice = { journey, seatClass, waitlist };
    booking = null;
    // sign in (or register) first, before any passenger detail is typed; the search and the train come back after
    if (await getMe()) await renderDetails();
    else renderSignIn();
    step.scrollIntoView({ block: 'start' });
    step.querySelector('h2').focus();
  }

  /** This page again with the search and the chosen train and class, to come back to after signing in. */
  function resumePath() {
    const { journey: j, seatClass, waitlist } = choice;
    const p = new URLSearchParams({ ...query, train: j.train, class: seatClass });
    if (waitlist) p.set('waitlist', '1');
    return `${location.pathname}?${p}`;
  }

  function renderSignIn() {
    const next = encodeURIComponent(resumePath());
    step.replaceChildren(
      h('h2', { tabindex: '-1' }, t('tk.signInFirstHeading')),
      h('p', { class: 'choice-summary' }, summary()),
      h('div', { class: 'panel sign-in-first' },
        h('p', {}, t('tk.signInFirst')),
        h('div', { class: 'actions' },
          h('a', { class: 'btn', id: 'sign-in-to-book', href: `/signin.html?next=${next}` }, t('nav.signin')),
          h('a', { class: 'btn secondary', id: 'register-to-book', href: `/register.html?next=${next}` }, t('signin.register')),
          h('button', { type: 'button', class: 'btn secondary', onclick: () => { choice = null; step.replaceChildren(); } },
            t('tk.back')))));
  }

  function field(name, labelKey, input, hintKey) {
    input.id = input.id || name.replace(/[^\w]/g, '-');
    input.name = name;
    return h('div', { class: 'field', 'data-field': name },
      h('label', { for: input.id, 'data-i18n': labelKey }, t(labelKey)), input,
      hintKey ? h('p', { class: 'note', 'data-i18n': hintKey }, t(hintKey)) : null);
  }

  /** The nationality list in the reader's language: the line's neighbours first, then every country by name. */
  function nationalitySelect(value) {
    const all = nationalities.map((n) => ({ code: n.code, name: nationalityName(n.code) }));
    const collator = new Intl.Collator(getLang() === 'zh' ? 'zh-Hans' : getLang());
    all.sort((a, b) => collator.compare(a.name, b.name));
    const option = (n) => h('option', { value: n.code, 'data-nationality': n.code }, n.name);
    const select = h('select', { required: true },
      h('option', { value: '' }, t('tk.nationalityChoose')),
      h('optgroup', { label: t('tk.nationalityNear'), 'data-i18n-attr': 'label:tk.nationalityNear' },
        NEAR_NATIONALITIES.map((c) => all.find((n) => n.code === c)).filter(Boolean).map(option)),
      h('optgroup', { label: t('tk.nationalityAll'), 'data-i18n-attr': 'label:tk.nationalityAll' }, all.map(option)));
    select.value = value || '';
    return select;
  }

  /** The fare categories of the class chosen, each with its age band and fare, as options. */
  function categoryOptions() {
    const { journey: j, seatClass } = choice;
    const cls = j.classes.find((c) => c.seatClass === seatClass);
    // a lap infant is no passenger of their own: asked under the adult who carries them (lapInfantFields)
    const reduced = ((cls && cls.reducedFares) || []).filter((r) => r.category !== 'LAP_INFANT');
    return [h('option', { value: 'ADULT' }, `${t('tk.fareCat.ADULT')} · ${money(cls.fare.total)}`),
      ...reduced.map((r) => h('option', { value: r.category },
        `${t(`tk.fareCat.${r.category}`)} (${t('tk.ages', { min: r.minAge, max: r.maxAge - 1 })}) · ${money(r.total)}`))];
  }

  function passengerFieldset(i, journey) {
    const p = `passengers[${i}]`;
    const cross = journey.crossesBorder;
    const docType = documentSelect(documents);
    docType.value = defaultDocument(journey, documents, getLang());
    const chosenDocument = () => documents.find((d) => d.code === docType.value);
    const nationality = nationalitySelect((chosenDocument() || {}).nationality || LANGUAGE_NATIONALITY[getLang()]);
    let nationalityChosen = false;
    nationality.addEventListener('change', () => { nationalityChosen = true; });
    docType.addEventListener('change', () => {
      // a country's own card says the nationality; a passport leaves it as the buyer chose
      const said = (chosenDocument() || {}).nationality;
      if (!nationalityChosen && said) nationality.value = said;
    });
    const category = h('select', {}, categoryOptions());
    const born = h('input', { type: 'date', max: daysFromToday(0) });
    const bornField = field(`${p}.dateOfBirth`, 'tk.dateOfBirth', born, 'tk.dateOfBirthHint');
    const showBorn = () => {
      // the date of birth only where the fare depends on it: a child or an infant
      const needed = category.value !== 'ADULT';
      bornField.hidden = !needed;
      born.required = needed;
      if (!needed) born.value = '';
    };
    category.addEventListener('change', showBorn);
    showBorn();
    const expiry = h('input', { type: 'date' });
    const expiryField = field(`${p}.documentExpiry`, 'tk.documentExpiry', expiry, 'tk.expiryHint');
    const showExpiry = () => expiryFollowsDocument(docType, documents, expiryField, expiry);
    docType.addEventListener('change', showExpiry);
    showExpiry();
    const lap = lapInfantFields(p, cross, category);
    return h('fieldset', { class: 'passenger', 'data-passenger': i },
      h('legend', {}, t('tk.passengerN', { n: i + 1 })),
      h('div', { class: 'grid-2' },
        field(`${p}.name`, 'tk.name', h('input', { type: 'text', required: true, autocomplete: i ? 'off' : 'name', maxlength: 200 })),
        field(`${p}.fareCategory`, 'tk.fareCategory', category),
        bornField,
        field(`${p}.documentType`, 'tk.documentType', docType, cross ? 'tk.crossingDocuments' : null),
        field(`${p}.nationality`, 'tk.nationality', nationality),
        field(`${p}.documentNumber`, 'tk.documentNumber', h('input', { type: 'text', required: true, maxlength: 40, spellcheck: 'false',
          autocapitalize: 'characters' })),
        expiryField),
      lap.box, lap.fields);
  }

  /** The band in which the journey's operators carry an infant on a lap, free; null where one of them carries none. */
  function lapBand() {
    const { journey: j, seatClass } = choice;
    const cls = j.classes.find((c) => c.seatClass === seatClass);
    return ((cls && cls.reducedFares) || []).find((r) => r.category === 'LAP_INFANT') || null;
  }

  /**
   * "With an infant on my lap": a box under a passenger paying the adult fare; ticked, the infant's name and date of
   * birth (and across a border their document: one the journey takes, so the number's label says document, not
   * passport) are asked. Hidden for a child or infant passenger, and where no
   * operator of the journey carries lap infants.
   */
  function lapInfantFields(p, cross, category) {
    const band = lapBand();
    if (!band) return { box: null, fields: null };
    const at = `${p}.infant`;
    const box = h('input', { type: 'checkbox', id: `${at}-on`.replace(/[^\w]/g, '-'), name: `${at}.on` });
    const boxField = h('div', { class: 'field check lap-infant', 'data-field': at },
      h('label', { for: box.id },
        box, ' ', t('tk.lapInfant', { max: band.maxAge })),
      h('p', { class: 'note', 'data-i18n': 'tk.lapInfantHint' }, t('tk.lapInfantHint')));
    const born = h('input', { type: 'date', max: daysFromToday(0) });
    const inputs = [
      field(`${at}.name`, 'tk.infantName', h('input', { type: 'text', maxlength: 200, autocomplete: 'off' })),
      field(`${at}.dateOfBirth`, 'tk.dateOfBirth', born),
    ];
    const docType = cross ? documentSelect(documents) : null;
    const expiry = h('input', { type: 'date' });
    const expiryField = field(`${at}.documentExpiry`, 'tk.documentExpiry', expiry, 'tk.expiryHint');
    if (cross) {
      inputs.push(
        field(`${at}.documentType`, 'tk.documentType', docType),
        field(`${at}.nationality`, 'tk.nationality', nationalitySelect(LANGUAGE_NATIONALITY[getLang()])),
        field(`${at}.documentNumber`, 'tk.infantDocumentNumber', h('input', { type: 'text', maxlength: 40, spellcheck: 'false',
          autocapitalize: 'characters' })),
        expiryField);
    }
    const fields = h('div', { class: 'grid-2 lap-infant-fields', hidden: true }, inputs);
    const show = () => {
      const adult = category.value === 'ADULT';
      boxField.hidden = !adult;
      if (!adult) box.checked = false;
      fields.hidden = !box.checked;
      fields.querySelectorAll('input, select').forEach((el) => { el.required = box.checked; });
      // as the adult's: the expiry only where the infant's document's row asks it, and only with the infant ticked
      expiryFollowsDocument(docType, documents, expiryField, expiry, () => box.checked);
    };
    box.addEventListener('change', show);
    if (docType) docType.addEventListener('change', show);
    category.addEventListener('change', show);
    show();
    return { box: boxField, fields };
  }

  /** The category's age band (from the class's reduced fares) holds the date of birth on the day of travel. */
  function ageFits(categoryValue, dateOfBirth) {
    if (categoryValue === 'ADULT' || !dateOfBirth) return true;
    const { journey: j, seatClass } = choice;
    const cls = j.classes.find((c) => c.seatClass === seatClass);
    const band = (cls.reducedFares || []).find((r) => r.category === categoryValue);
    if (!band) return true;
    const travel = new Date(`${query.date}T00:00:00Z`);
    const birth = new Date(`${dateOfBirth}T00:00:00Z`);
    let age = travel.getUTCFullYear() - birth.getUTCFullYear();
    if (travel.getUTCMonth() < birth.getUTCMonth()
      || (travel.getUTCMonth() === birth.getUTCMonth() && travel.getUTCDate() < birth.getUTCDate())) age--;
    return age >= band.minAge && age < band.maxAge;
  }

  async function renderDetails() {
    const { journey: j, seatClass, waitlist } = choice;
    [nationalities, documents] = await Promise.all([loadNationalities(), loadDocuments(j.from, j.to)]);
    const form = h('form', { id: 'details-form', class: 'panel', novalidate: true },
      h('div', { class: 'form-error', role: 'alert', hidden: true }),
      h('div', { class: 'grid-2' },
        waitlist ? null : field('position', 'tk.position', h('select', {},
          ['', 'WINDOW', 'AISLE', 'MIDDLE'].map((v) => h('option', { value: v, 'data-i18n': `tk.pos.${v || 'ANY'}` }, t(`tk.pos.${v || 'ANY'}`))))),
        waitlist ? null : field('car', 'tk.car', h('input', { type: 'number', min: 1, max: 20, inputmode: 'numeric' }), 'tk.carHint'),
        waitlist || !SLEEPERS.includes(seatClass) ? null : field('berth', 'pg.berth', berthSelect(j, seatClass), 'pg.berthHint'),
        field('count', 'tk.count', h('select', {}, Array.from({ length: MAX_PASSENGERS }, (_, k) => h('option', { value: k + 1 }, String(k + 1)))))),
      h('div', { id: 'passengers' }, passengerFieldset(0, j)),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'btn', 'data-i18n': waitlist ? 'tk.joinWaitlist' : 'tk.hold' },
          t(waitlist ? 'tk.joinWaitlist' : 'tk.hold')),
        h('button', { type: 'button', class: 'btn secondary', 'data-i18n': 'tk.back',
          onclick: () => { choice = null; step.replaceChildren(); } }, t('tk.back'))));
    form.count.addEventListener('change', () => {
      const box = form.querySelector('#passengers');
      const n = Number(form.count.value);
      while (box.children.length < n) box.append(passengerFieldset(box.children.length, j));
      while (box.children.length > n) box.lastElementChild.remove();
    });
    form.addEventListener('submit', (ev) => submitDetails(ev, form));
    step.replaceChildren(
      h('h2', { tabindex: '-1', 'data-i18n': waitlist ? 'tk.waitlistHeading' : 'tk.detailsHeading' },
        t(waitlist ? 'tk.waitlistHeading' : 'tk.detailsHeading')),
      h('p', { class: 'choice-summary' }, summary()),
      form);
  }

  /**
   * Any, lower or upper berth, each with its fare where the network prices them apart (GET
   * /api/networks/{network}/fares?berth=…, filled in when it answers; the choice works without it).
   */
  function berthSelect(j, seatClass) {
    const options = ['', 'LOWER', 'UPPER'].map((b) => h('option', { value: b, 'data-berth': b || 'ANY' },
      t(`pg.berth.${b || 'ANY'}`)));
    const select = h('select', {}, options);
    const network = stationNetwork(j.from);
    if (network) {
      options.slice(1).forEach(async (o) => {
        try {
          const q = await api(`/api/networks/${encodeURIComponent(network)}/fares?${new URLSearchParams({
            from: j.from, to: j.to, train: j.train, class: seatClass, berth: o.value, currency: query.currency })}`);
          o.textContent = `${t(`pg.berth.${o.value}`)} · ${money(q.total)}`;
        } catch { /* no fare by berth here: the option keeps its name */ }
      });
    }
    return select;
  }

  function summary() {
    const { journey: j, seatClass } = choice;
    const cls = j.classes.find((c) => c.seatClass === seatClass);
    return `${j.train} · ${stationName(j.from)} ${localTime(j.departure)} → ${stationName(j.to)} `
      + `${localTime(j.arrival)} · ${fmtDate(query.date)} · ${className(seatClass)} · ${money(cls.fare.total)}`;
  }

  function passengersOf(form) {
    return [...form.querySelectorAll('fieldset.passenger')].map((fs, i) => {
      const v = (n) => form.elements[`passengers[${i}].${n}`].value.trim();
      const lap = form.elements[`passengers[${i}].infant.on`];
      const infant = lap && lap.checked ? {
        name: v('infant.name'), dateOfBirth: v('infant.dateOfBirth') || null,
        ...(form.elements[`passengers[${i}].infant.documentNumber`] ? {
          documentType: v('infant.documentType'), documentNumber: v('infant.documentNumber').toUpperCase(),
          nationality: v('infant.nationality'), documentExpiry: v('infant.documentExpiry') || null,
        } : {}),
      } : null;
      return {
        name: v('name'), documentType: v('documentType'), documentNumber: v('documentNumber').toUpperCase(),
        nationality: v('nationality'), dateOfBirth: v('dateOfBirth') || null, documentExpiry: v('documentExpiry') || null,
        infant,
      };
    });
  }

  async function submitDetails(ev, form) {
    ev.preventDefault();
    clearErrors(form);
    let ok = checkRequired(form);
    form.querySelectorAll('fieldset.passenger').forEach((fs, i) => {
      const cat = form.elements[`passengers[${i}].fareCategory`].value;
      const dob = form.elements[`passengers[${i}].dateOfBirth`].value;
      if (!ageFits(cat, dob)) { fieldError(form, `passengers[${i}].dateOfBirth`, t('tk.ageOutsideBand')); ok = false; }
      const lap = form.elements[`passengers[${i}].infant.on`];
      const infantBorn = form.elements[`passengers[${i}].infant.dateOfBirth`];
      if (lap && lap.checked && infantBorn.value && !ageFits('LAP_INFANT', infantBorn.value)) {
        fieldError(form, `passengers[${i}].infant.dateOfBirth`, t('err.lap-infant-too-old')); ok = false;
      }
    });
    if (!ok) { focusFirstError(form); return; }
    const { journey: j, seatClass, waitlist } = choice;
    const base = { train: j.train, date: query.date, from: j.from, to: j.to, seatClass, passengers: passengersOf(form),
      currency: query.currency };
    await busy(form, async () => {
      if (waitlist) {
        try {
          const w = await api('/api/waitlist', { method: 'POST', body: base });
          step.replaceChildren(h('h2', { tabindex: '-1' }, t('tk.waitlistHeading')),
            h('div', { class: 'message ok', role: 'status' }, t('tk.waitlisted', { position: w.ahead + 1 }), ' ',
              h('a', { href: '/trips.html' }, t('tk.seeTrips'))));
        } catch (err) {
          if (err instanceof ApiError && err.status === 401) signIn();
          else if (err instanceof ApiError && err.status === 404 && !(err.problem && err.problem.field)) formError(form, t('tk.noWaitlist'));
          else showProblem(form, err);
        }
        return;
      }
      const car = form.car.value.trim();
      try {
        booking = await api('/api/bookings', { method: 'POST', body: { ...base, position: form.position.value || null,
          car: car ? Number(car) : null, berth: form.berth ? form.berth.value || null : null } });
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) { signIn(); return; }
        showProblem(form, err);
        return;
      }
      renderPay();
    });
  }

  // ---------- pay and ticket ----------

  function renderPay() {
    const payBtn = h('button', { type: 'button', class: 'btn', 'data-action': 'pay' }, t('tk.pay', { amount: money(booking.total) }));
    const status = h('p', { class: 'note', role: 'status' });
    payBtn.addEventListener('click', async () => {
      payBtn.disabled = true;
      status.textContent = t('tk.paying');
      try {
        booking = { ...(await pay(booking)), payKey: booking.payKey };
      } catch (err) {
        status.textContent = errorText(err);
        payBtn.disabled = false;
        return;
      }
      renderTicket();
      onSold(booking);
    });
    step.replaceChildren(h('h2', { tabindex: '-1' }, t('tk.payHeading')),
      h('p', { class: 'note' }, t('tk.simulated')),
      bookingCard(booking, [payBtn, cancelControl(booking, cancelled), status]));
    step.querySelector('h2').focus();
  }

  function renderTicket() {
    step.replaceChildren(h('h2', { tabindex: '-1' }, t('tk.ticketHeading')),
      bookingCard(booking, [cancelControl(booking, cancelled),
        agent ? h('button', { type: 'button', class: 'btn secondary', onclick: newSale }, t('tk.newSale'))
          : h('a', { class: 'btn secondary', href: '/trips.html' }, t('tk.seeTrips'))]));
    step.querySelector('h2').focus();
  }

  function cancelled(b) {
    booking = b;
    step.replaceChildren(h('h2', { tabindex: '-1' }, t('tk.cancelledHeading')), cancelledMessage(b), bookingCard(b,
      agent ? [h('button', { type: 'button', class: 'btn secondary', onclick: newSale }, t('tk.newSale'))] : []));
    step.querySelector('h2').focus();
  }

  function newSale() {
    booking = null;
    choice = null;
    step.replaceChildren();
    results.replaceChildren();
    journeys = null;
    from.input.focus();
  }

  document.addEventListener('lang-change', () => {
    renderResults();
    if (booking && booking.status === 'HELD') renderPay();
    else if (booking && booking.status === 'TICKETED') renderTicket();
    else if (booking) cancelled(booking);
    else if (choice) {
      // keep what was typed: only the texts that are not data-i18n change
      step.querySelector('.choice-summary').textContent = summary();
      step.querySelectorAll('fieldset.passenger legend').forEach((l, i) => { l.textContent = t('tk.passengerN', { n: i + 1 }); });
      step.querySelectorAll('option[data-nationality]').forEach((o) => { o.textContent = nationalityName(o.value); });
      step.querySelectorAll('option[data-document]').forEach((o) => {
        const d = documents.find((x) => x.code === o.value);
        o.textContent = documentName(d && d.names, o.value);
      });
      step.querySelectorAll('select[name$=".fareCategory"]').forEach((sel) => {
        const v = sel.value;
        sel.replaceChildren(...categoryOptions());
        sel.value = v;
      });
      step.querySelectorAll('select[name$=".nationality"] option[value=""]').forEach((o) => { o.textContent = t('tk.nationalityChoose'); });
    }
  });
}
