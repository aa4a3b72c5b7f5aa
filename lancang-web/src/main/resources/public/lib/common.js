// Shared by every page: header (brand, nav, language switch, user), fetch helpers, form errors.
import { LANGS, t, has, getLang, setLang, initLang, applyI18n } from '/lib/i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an HTML element: h('a', {href: '/', class: 'x'}, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** Creates an SVG element, same signature as h(). */
export function s(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

// ---------- API ----------

/** Error from the API: status (0 = network failure) and the problem+json body, if any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || null;
  }
}

/** JSON request to the same origin. Returns parsed JSON (null for 204); throws ApiError. */
export async function api(path, { method = 'GET', body } = {}) {
  const opts = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json' },
  };
  if (body !== undefined) {
    opts.headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, opts);
  } catch {
    throw new ApiError(0, null);
  }
  const text = res.status === 204 ? '' : await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!res.ok) throw new ApiError(res.status, data && typeof data === 'object' ? data : null);
  return data;
}

let mePromise = null;
/** The signed-in user {username, displayName, roles} or null. */
export function getMe() {
  // /api/auth/session answers 200 signed in or not: a signed-out visitor leaves no 401 in the console
  if (!mePromise) mePromise = api('/api/auth/session').then((s) => (s && s.signedIn ? s.user : null)).catch(() => null);
  return mePromise;
}

/**
 * The codes of the kinds of error (the server's ProblemCodes.GENERIC less "required"): they say less than the English
 * detail beside them, so a page in Chinese or Lao shows the kind in the reader's language with the detail after it.
 */
const KIND_CODES = new Set(['invalid', 'unauthorized', 'forbidden', 'not-found', 'method-not-allowed', 'clash',
  'too-large', 'uri-too-long', 'unsupported-media-type', 'unprocessable', 'locked', 'throttled', 'headers-too-large',
  'server-error', 'unavailable', 'error']);

/** A server message in the reader's language: its code's text, or the English one where the code only names a kind. */
export function codeText(code, english) {
  const known = code && has(`err.${code}`);
  if (known && !KIND_CODES.has(code)) return t(`err.${code}`);
  if (!known) return english || '';
  if (!english) return t(`err.${code}`);
  return getLang() === 'en' ? english : `${t(`err.${code}`)} (${english})`;
}

/** A message for an ApiError that is not tied to a field. */
export function errorText(err) {
  if (!(err instanceof ApiError)) return String(err && err.message ? err.message : err);
  if (err.status === 0) return t('common.network');
  const p = err.problem;
  return (p && codeText(p.code, p.detail || p.title)) || t('common.error', { status: err.status });
}

/** A same-site path from ?next=, or the fallback. */
export function nextPath(fallback = '/') {
  const n = new URLSearchParams(location.search).get('next');
  return n && n.startsWith('/') && !n.startsWith('//') && !n.startsWith('/\\') ? n : fallback;
}

// ---------- forms ----------
// Markup: <div class="field" data-field="username"><label/><input name="username"/></div>
// and a <div class="form-error" role="alert" hidden></div> at the top of the form.

/** A field's own message goes as soon as it is filled in (not at the next submit): the others stay. */
function clearFilledField(ev) {
  const input = ev.target;
  const box = input && input.closest ? input.closest('[data-field].has-error') : null;
  if (!box || typeof input.value !== 'string' || !input.value.trim()) return;
  box.classList.remove('has-error');
  box.querySelectorAll('.field-error').forEach((e) => {
    box.querySelectorAll('[aria-describedby]').forEach((i) => {
      const ids = (i.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== e.id);
      if (ids.length) i.setAttribute('aria-describedby', ids.join(' ')); else i.removeAttribute('aria-describedby');
    });
    e.remove();
  });
  box.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}
document.addEventListener('input', clearFilledField, true);
document.addEventListener('change', clearFilledField, true);

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  form.querySelectorAll('[data-field]').forEach((e) => e.classList.remove('has-error'));
  const top = form.querySelector('.form-error');
  if (top) { top.hidden = true; top.textContent = ''; }
}

/** Shows a message under the field named `name`; returns false if the form has no such field. */
export function fieldError(form, name, message) {
  const box = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (!box) return false;
  box.classList.add('has-error');
  const id = `${form.id || 'f'}-${name}-error`;
  let p = box.querySelector('.field-error');
  if (!p) {
    p = h('p', { class: 'field-error', id });
    box.append(p);
  }
  p.textContent = p.textContent ? `${p.textContent} ${message}` : message;
  box.querySelectorAll('input, select, textarea').forEach((input) => {
    if (input.type !== 'checkbox') input.setAttribute('aria-invalid', 'true');
    const ids = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    ids.add(id);
    input.setAttribute('aria-describedby', [...ids].join(' '));
  });
  return true;
}

export function formError(form, message) {
  const top = form.querySelector('.form-error');
  if (!top) return;
  top.textContent = message;
  top.hidden = false;
}

/** Puts an ApiError's problem messages next to the matching fields, the rest at the top. */
export function showProblem(form, err) {
  const p = err instanceof ApiError ? err.problem : null;
  let placed = 0;
  const rest = [];
  if (p && Array.isArray(p.errors) && p.errors.length) {
    for (const e of p.errors) {
      const message = codeText(e && e.code, (e && e.message) || p.detail || '');
      if (e && e.field && fieldError(form, e.field, message)) placed++;
      else if (message) rest.push(message);
    }
  } else if (p && p.field && fieldError(form, p.field, codeText(p.code, p.detail || p.title || ''))) {
    placed++;
  }
  if (!placed || rest.length) formError(form, rest.length ? rest.join(' ') : errorText(err));
  focusFirstError(form);
}

/** Marks empty required fields; returns true when all are filled. */
export function checkRequired(form) {
  let ok = true;
  form.querySelectorAll('[required]').forEach((input) => {
    if (!input.value.trim() && input.name) {
      fieldError(form, input.name, t('common.required'));
      ok = false;
    }
  });
  return ok;
}

export function focusFirstError(form) {
  const el = form.querySelector('[aria-invalid="true"]') || form.querySelector('.has-error input')
    || form.querySelector('.form-error:not([hidden])');
  if (el) {
    if (el.classList.contains('form-error')) el.setAttribute('tabindex', '-1');
    el.focus();
  }
}

/** Disables a form's submit button while a request runs. */
export async function busy(form, fn) {
  const btn = form.querySelector('[type="submit"]');
  if (btn) { btn.disabled = true; btn.setAttribute('aria-busy', 'true'); }
  try { return await fn(); } finally {
    if (btn) { btn.disabled = false; btn.removeAttribute('aria-busy'); }
  }
}

// ---------- header ----------

let pageTitleKey = null;

function renderHeader(me) {
  const header = document.getElementById('site-header');
  if (!header) return;
  const path = location.pathname.replace(/index\.html$/, '');
  const link = (href, key) => h('li', {}, h('a', { href, 'aria-current': path === href ? 'page' : null }, t(key)));

  const langs = h('div', { class: 'lang-switch', role: 'group', 'aria-label': t('lang.label') },
    LANGS.map((l) => h('button', {
      type: 'button', lang: l.code, title: l.name, 'aria-pressed': String(l.code === getLang()),
      onclick: () => changeLang(l.code),
    }, l.label)));

  let user;
  if (me === undefined) user = h('div', { class: 'user' });
  else if (me) {
    user = h('div', { class: 'user' },
      h('span', { class: 'user-name' }, h('span', { class: 'visually-hidden' }, t('user.signedInAs') + ' '),
        me.displayName || me.username),
      h('button', { type: 'button', class: 'btn-link', onclick: signOut }, t('nav.signout')));
  } else {
    user = h('div', { class: 'user' }, h('a', { href: '/signin.html' }, t('nav.signin')));
  }

  const isAdmin = !!(me && Array.isArray(me.roles) && me.roles.includes('ADMIN'));
  const isPlanning = !!(me && Array.isArray(me.roles)
    && me.roles.some((r) => ['PLANNER', 'DISPATCHER', 'MAINTAINER', 'ADMIN'].includes(r)));
  const hasRole = (...roles) => !!(me && Array.isArray(me.roles) && me.roles.some((r) => roles.includes(r)));
  header.replaceChildren(
    h('a', { class: 'skip-link', href: '#main' }, t('app.skip')),
    h('div', { class: 'bar' },
      h('a', { class: 'brand', href: '/' }, logo(), h('span', { class: 'brand-name' }, 'Lancang'),
        h('span', { class: 'brand-tag' }, t('app.tagline'))),
      h('nav', { 'aria-label': t('nav.label') }, h('ul', {},
        link('/', 'nav.map'),
        link('/book.html', 'nav.book'),
        link('/board.html', 'nav.board'),
        hasRole('PASSENGER', 'AGENT') ? link('/trips.html', 'nav.trips') : null,
        hasRole('AGENT') ? link('/agent.html', 'nav.agent') : null,
        hasRole('SHIPPER') ? link('/freight.html', 'nav.freight') : null,
        hasRole('FREIGHT_OFFICE') ? link('/freight-office.html', 'nav.freightOffice') : null,
        hasRole('SHIPPER', 'FREIGHT_OFFICE') ? link('/tracking.html', 'nav.tracking') : null,
        isPlanning ? link('/planner.html', 'nav.planner') : null,
        hasRole('DISPATCHER', 'PLANNER', 'ADMIN') ? link('/dispatch.html', 'nav.dispatch') : null,
        isPlanning ? link('/maintenance.html', 'nav.maintenance') : null,
        isAdmin ? link('/admin/users.html', 'nav.users') : null,
        link('/api-docs', 'nav.api'))),
      h('div', { class: 'header-tools' }, langs, user)));
}

function logo() {
  return s('svg', { class: 'logo', viewBox: '0 0 32 32', width: 28, height: 28, 'aria-hidden': 'true', focusable: 'false' },
    s('rect', { x: 1, y: 1, width: 30, height: 30, rx: 7, fill: '#2b6cb0' }),
    s('path', { d: 'M5 12h22M5 20h22', stroke: '#fff', 'stroke-width': 2.5, 'stroke-linecap': 'round' }),
    s('circle', { cx: 16, cy: 16, r: 4.5, fill: '#f6c453', stroke: '#fff', 'stroke-width': 1.5 }));
}

async function signOut() {
  try { await api('/api/auth/logout', { method: 'POST' }); } catch { /* go home anyway */ }
  location.assign('/');
}

function changeLang(code) {
  setLang(code);
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', code);
    history.replaceState(null, '', url);
  }
  refreshTexts();
  getMe().then((me) => {
    renderHeader(me);
    const btn = document.querySelector(`.lang-switch [lang="${code}"]`);
    if (btn) btn.focus();
  });
  document.dispatchEvent(new CustomEvent('lang-change', { detail: { lang: code } }));
}

function refreshTexts() {
  applyI18n(document);
  if (pageTitleKey) document.title = `${t(pageTitleKey)} · Lancang`;
}

/** Call once per page: language, header, static texts. Resolves to the signed-in user or null. */
export async function initPage({ titleKey } = {}) {
  initLang();
  pageTitleKey = titleKey || null;
  refreshTexts();
  renderHeader(undefined);
  const me = await getMe();
  renderHeader(me);
  return me;
}
