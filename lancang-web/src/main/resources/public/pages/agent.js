// Ticket window (agent.html, role AGENT): sell for walk-in passengers (the same steps as a passenger's purchase),
// find a booking by ticket or document number (GET /api/bookings?q=), refund it (cancel with the fee shown first).
import { initPage, api, h, clearErrors, checkRequired, focusFirstError, showProblem, busy, errorText } from '/lib/common.js';
import { t } from '/lib/i18n.js';
import { mountSale } from '/lib/sell.js';
import { loadStations, bookingCard, payAndCancel, cancelledMessage } from '/lib/tickets.js';

const $ = (id) => document.getElementById(id);
const form = $('find-form');
let found = null;

function card(b) {
  return bookingCard(b, payAndCancel(b, update, (done) => { update(done); $('found').prepend(cancelledMessage(done)); }));
}

function update(b) {
  found = found.map((x) => (x.id === b.id ? b : x));
  render();
}

function render() {
  if (!found) return;
  $('found').replaceChildren(...(found.length ? found.map(card) : [h('p', { class: 'note' }, t('tk.nothingFound'))]));
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  clearErrors(form);
  if (!checkRequired(form)) { focusFirstError(form); return; }
  await busy(form, async () => {
    try {
      found = (await api(`/api/bookings?q=${encodeURIComponent(form.q.value.trim())}`)) || [];
    } catch (err) {
      showProblem(form, err);
      return;
    }
    render();
  });
});

const me = await initPage({ titleKey: 'tk.agentTitle' });
if (!me) location.replace('/signin.html?next=/agent.html');
else if (!(me.roles || []).includes('AGENT')) $('forbidden').hidden = false;
else {
  $('content').hidden = false;
  await loadStations();
  document.addEventListener('lang-change', render);
  try {
    await mountSale($('sale'), { agent: true });
  } catch (err) {
    $('sale').replaceChildren(h('p', { class: 'message error' }, errorText(err)));
  }
}
