// The current language and the lookup of UI strings; the strings themselves are in /i18n/en.js, zh.js and lo.js.
// The chosen language is stored in localStorage under "lancang.lang"
// and may be set from a "?lang=en|zh|lo" URL parameter.
import en from '/i18n/en.js';
import zh from '/i18n/zh.js';
import lo from '/i18n/lo.js';

export const LANGS = [
  { code: 'en', label: 'EN', name: 'English' },
  { code: 'zh', label: '中文', name: '中文' },
  { code: 'lo', label: 'ລາວ', name: 'ລາວ' },
];
export const STORAGE_KEY = 'lancang.lang';
export const ROLES = ['ADMIN', 'PLANNER', 'DISPATCHER', 'MAINTAINER', 'AGENT', 'PASSENGER', 'SHIPPER', 'FREIGHT_OFFICE', 'CUSTOMS', 'TRAIN_DESCRIBER'];

export const DICTS = { en, zh, lo };

let current = 'en';

function valid(code) {
  return LANGS.some((l) => l.code === code);
}

/** Picks the language: ?lang= parameter (then stored), else localStorage, else the browser's, else English. */
export function initLang() {
  let code = null;
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (valid(fromUrl)) {
    code = fromUrl;
    store(code);
  } else {
    try { code = localStorage.getItem(STORAGE_KEY); } catch { /* storage disabled */ }
  }
  if (!valid(code)) {
    const nav = (navigator.language || '').slice(0, 2).toLowerCase();
    code = valid(nav) ? nav : 'en';
  }
  current = code;
  document.documentElement.lang = code;
  return code;
}

function store(code) {
  try { localStorage.setItem(STORAGE_KEY, code); } catch { /* storage disabled */ }
}

export function getLang() {
  return current;
}

export function setLang(code) {
  if (!valid(code)) return;
  current = code;
  store(code);
  document.documentElement.lang = code;
}

/** Translates a key; {name} placeholders are replaced from vars. Falls back to English, then to the key. */
export function t(key, vars = {}) {
  const s = DICTS[current][key] ?? en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

/** True if the key exists in the English dictionary. */
export function has(key) {
  return key in en;
}

/** A name object {en, zh, lo} in the current language, falling back to English when blank. */
export function localName(names) {
  if (!names) return '';
  const s = names[current];
  return (s && s.trim()) || names.en || '';
}

/** A BCP 47 tag for Intl formatting of dates. */
export function locale() {
  return { en: 'en-GB', zh: 'zh-CN', lo: 'lo-LA' }[current];
}

/** Fills elements marked data-i18n (text) and data-i18n-attr="attr:key;attr:key". */
export function applyI18n(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((el) => {
    el.dataset.i18nAttr.split(';').forEach((pair) => {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    });
  });
}
