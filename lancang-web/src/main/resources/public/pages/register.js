// Registration page: POST /api/auth/register (role PASSENGER), then sign in and go to /.
import { initPage, api, clearErrors, checkRequired, fieldError, showProblem, focusFirstError, busy, nextPath } from '/lib/common.js';
import { t } from '/lib/i18n.js';

initPage({ titleKey: 'register.title' });

const form = document.getElementById('register-form');

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  clearErrors(form);
  let ok = checkRequired(form);
  if (form.password.value && form.password2.value && form.password.value !== form.password2.value) {
    fieldError(form, 'password2', t('register.mismatch'));
    ok = false;
  }
  if (!ok) return focusFirstError(form);
  const body = {
    username: form.username.value.trim(),
    displayName: form.displayName.value.trim(),
    password: form.password.value,
  };
  await busy(form, async () => {
    try {
      await api('/api/auth/register', { method: 'POST', body });
    } catch (err) {
      showProblem(form, err);
      return;
    }
    try {
      await api('/api/auth/login', { method: 'POST', body: { username: body.username, password: body.password } });
      location.assign(nextPath('/'));
    } catch {
      location.assign(`/signin.html?registered=1&next=${encodeURIComponent(nextPath('/'))}`);
    }
  });
});
