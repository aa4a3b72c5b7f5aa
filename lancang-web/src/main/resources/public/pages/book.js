// Passenger ticket page (book.html): anyone can search; buying needs a signed-in passenger (or agent).
import { initPage, errorText } from '/lib/common.js';
import { mountSale } from '/lib/sell.js';

const me = await initPage({ titleKey: 'tk.bookTitle' });
if (!me) {
  document.getElementById('sign-in-note').hidden = false;
  document.getElementById('sign-in-link').href = `/signin.html?next=${encodeURIComponent(location.pathname + location.search)}`;
}
try {
  await mountSale(document.getElementById('sale'));
} catch (err) {
  const box = document.getElementById('load-error');
  box.textContent = errorText(err);
  box.hidden = false;
}
