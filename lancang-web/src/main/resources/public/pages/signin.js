// Sign-in page: POST /api/auth/login, then go to ?next= (same site) or /.
import { initPage, api, clearErrors, checkRequired, formError, showProblem, focusFirstError, busy, nextPath, ApiError } from '/lib/common.js';
import { t } from '/lib/i18n.js';

initPage({ titleKey: 'signin.title' });

const form = document.getElementById('signin-form');
// registering instead keeps where the visitor was going (a chosen train, say)
const registerLink = document.querySelector('a[href="/register.html"]');
if (registerLink && new URLSearchParams(location.search).has('next')) {
  registerLink.href = `/register.html?next=${encodeURIComponent(nextPath('/'))}`;
}
if (new URLSearchParams(location.search).has('registered')) {
  const notice = document.getElementById('notice');
  notice.textContent = t('register.created');
  notice.hidden = false;
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  clearErrors(form);
  if (!checkRequired(form)) return focusFirstError(form);
  const body = { username: form.username.value.trim(), password: form.password.value };
  await busy(form, async () => {
    try {
      await api('/api/auth/login', { method: 'POST', body });
      location.assign(nextPath('/'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        formError(form, t('signin.bad'));
        form.password.value = '';
        focusFirstError(form);
      } else {
        showProblem(form, err);
      }
    }
  });
});
