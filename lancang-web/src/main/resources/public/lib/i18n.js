// The current language and the lookup of UI strings; the strings themselves are in /i18n/en.js, zh.js, lo.js and th.js.
// The chosen language is stored in localStorage under "lancang.lang"
// and may be set from a "?lang=en|zh|lo|th" URL parameter.
// Thai is offered only on the pages a passenger uses (those whose <html> says data-more-langs="th"): the others are
// not translated yet, so there a stored Thai falls back to English (and stays stored for the passenger pages).
import en from '/i18n/en.js';
import zh from '/i18n/zh.js';
import lo from '/i18n/lo.js';
import th from '/i18n/th.js';

const EVERY_LANG = [
  { code: 'en', label: 'EN', name: 'English' },
  { code: 'zh', label: '中文', name: '中文' },
  { code: 'lo', label: 'ລາວ', name: 'ລາວ' },
  { code: 'th', label: 'ไทย', name: 'ไทย', onlyWhereOffered: true },
];
const offered = (document.documentElement.dataset.moreLangs || '').split(/\s+/).filter(Boolean);
/** The languages of this page: the three of every page, and those its <html data-more-langs> adds. */
export const LANGS = EVERY_LANG.filter((l) => !l.onlyWhereOffered || offered.includes(l.code));
export const STORAGE_KEY = 'lancang.lang';
export const ROLES = ['ADMIN', 'PLANNER', 'DISPATCHER', 'MAINTAINER', 'AGENT', 'PASSENGER', 'SHIPPER', 'FREIGHT_OFFICE', 'CUSTOMS', 'TRAIN_DESCRIBER'];

export const DICTS = { en, zh, lo, th };

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

/**
 * A name object {en, zh, lo, more: {th, …}} in the current language, falling back to English when blank: languages
 * beyond the three come in names.more (Thai names for the points of the Bangkok line, none on the China–Laos line).
 */
export function localName(names) {
  return nameIn(names, current) || (names && names.en) || '';
}

/** A name object's name in one language (its "more" names included), or '' where it has none. */
export function nameIn(names, code) {
  if (!names) return '';
  const s = names[code] ?? (names.more && names.more[code]);
  return (s && s.trim()) || '';
}

/**
 * The locales for Intl formatting, the page's own first; th-TH counts years in the Buddhist Era (2026 is 2569), Lao
 * uses the Gregorian years. Lao is followed by en-GB: a browser built with reduced ICU data (Debian's Chromium among
 * them) has no Lao, and Intl would otherwise fall back to en-US ("12/7/26, 11:30 AM", a 12-hour clock and the month
 * first) where a Lao reader writes the day first and a 24-hour clock. Month and day names in Lao for such a browser:
 * fmtDate and fmtInstant in lib/tickets.js.
 */
export function locale() {
  return { en: 'en-GB', zh: 'zh-CN', lo: ['lo-LA', 'en-GB'], th: 'th-TH' }[current];
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
