// Admin page: list users (GET /api/users), add one (POST /api/users), change roles (PUT /api/users/{u}/roles).
// 401 from the API sends the browser to the sign-in page; 403 shows "not allowed".
import { initPage, api, h, clearErrors, checkRequired, showProblem, focusFirstError, busy, errorText, ApiError } from '/lib/common.js';
import { t, locale, ROLES } from '/lib/i18n.js';

let users = [];
const $ = (id) => document.getElementById(id);
const addForm = $('add-form');

// signed out: straight to the sign-in page, without asking the API first (a 401 would show in the console)
initPage({ titleKey: 'users.title' }).then((me) => {
  if (me) load();
  else location.replace(`/signin.html?next=${encodeURIComponent(location.pathname)}`);
});
document.addEventListener('lang-change', () => {
  renderRoleChecks();
  if (users.length || !$('content').hidden) renderTable();
});

/** Handles 401/403 for every call; returns true if it did. */
function authFailure(err) {
  if (!(err instanceof ApiError)) return false;
  if (err.status === 401) {
    location.replace(`/signin.html?next=${encodeURIComponent(location.pathname)}`);
    return true;
  }
  if (err.status === 403) {
    $('content').hidden = true;
    $('forbidden').hidden = false;
    return true;
  }
  return false;
}

async function load() {
  try {
    users = (await api('/api/users')) || [];
    $('status').hidden = true;
    $('content').hidden = false;
    renderRoleChecks();
    renderTable();
  } catch (err) {
    $('status').hidden = true;
    if (authFailure(err)) return;
    $('load-error').textContent = errorText(err);
    $('load-error').hidden = false;
  }
}

function announce(text) {
  const live = $('live');
  live.textContent = text;
  live.hidden = false;
}

function roleChecks(checked) {
  return ROLES.map((r) => h('label', {},
    h('input', { type: 'checkbox', name: 'roles', value: r, checked: checked.includes(r) }),
    h('span', {}, t(`role.${r}`)), h('code', {}, r)));
}

const checkedRoles = (root) => [...root.querySelectorAll('input[name="roles"]:checked')].map((i) => i.value);

function renderRoleChecks() {
  const box = $('new-roles');
  box.replaceChildren(...roleChecks(checkedRoles(box)));
}

function fmtDate(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return iso || '–';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

function renderTable() {
  const sorted = [...users].sort((a, b) => a.username.localeCompare(b.username));
  const rows = sorted.map(userRow);
  if (!rows.length) rows.push(h('tr', {}, h('td', { colspan: 4 }, t('users.empty'))));
  $('users-table').tBodies[0].replaceChildren(...rows);
  $('user-count').textContent = `(${t('users.count', { n: users.length })})`;
}

function userRow(u) {
  const roles = u.roles || [];
  const status = h('p', { class: 'row-status', role: 'status' });
  const form = h('form', { novalidate: true },
    h('fieldset', {}, h('legend', {}, t('users.rolesFor', { name: u.username })),
      h('div', { class: 'checks' }, roleChecks(roles))),
    h('button', { type: 'submit', class: 'btn small' }, t('users.saveRoles')),
    status);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    saveRoles(u, form, status);
  });
  return h('tr', { 'data-user': u.username },
    h('td', {}, h('code', {}, u.username)),
    h('td', {}, u.displayName || ''),
    h('td', {},
      roles.length
        ? h('ul', { class: 'role-list' }, roles.map((r) => h('li', { class: `role ${r}`, title: r }, t(`role.${r}`))))
        : t('users.none'),
      h('details', { class: 'roles-edit' }, h('summary', {}, t('users.change')), form)),
    h('td', {}, u.createdAt ? h('time', { datetime: u.createdAt }, fmtDate(u.createdAt)) : '–'));
}

async function saveRoles(u, form, status) {
  const roles = checkedRoles(form);
  status.className = 'row-status';
  status.textContent = t('common.loading');
  await busy(form, async () => {
    try {
      const updated = await api(`/api/users/${encodeURIComponent(u.username)}/roles`, { method: 'PUT', body: { roles } });
      const i = users.findIndex((x) => x.username === u.username);
      users[i] = { ...u, ...(updated || {}), roles: (updated && updated.roles) || roles };
      renderTable();
      announce(t('users.rolesSaved', { name: u.username }));
      const row = document.querySelector(`tr[data-user="${CSS.escape(u.username)}"] summary`);
      if (row) row.focus();
    } catch (err) {
      if (authFailure(err)) return;
      status.className = 'row-status error';
      status.textContent = errorText(err);
    }
  });
}

addForm.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  clearErrors(addForm);
  if (!checkRequired(addForm)) return focusFirstError(addForm);
  const body = {
    username: addForm.username.value.trim(),
    displayName: addForm.displayName.value.trim(),
    password: addForm.password.value,
    roles: checkedRoles(addForm),
  };
  await busy(addForm, async () => {
    try {
      const created = await api('/api/users', { method: 'POST', body });
      const { password, ...rest } = body;
      users = users.filter((x) => x.username !== body.username).concat([{ ...rest, ...(created || {}) }]);
      renderTable();
      addForm.reset();
      announce(t('users.added', { name: body.username }));
    } catch (err) {
      if (!authFailure(err)) showProblem(addForm, err);
    }
  });
});
