// Strip map of a network (index.html): SVG drawn from /api/network/{points,sections,structures}?network=…, the network
// picked from GET /api/networks (?network=, else the one chosen last on this browser, else home), drawn in its own km
// order: Kunming → Vientiane on the reference line, Krung Thep Aphiwat → Khamsavath on SRT's line (its km rise
// northward).
import { initPage, api, h, s, errorText } from '/lib/common.js';
import { t, getLang, localName, nameIn, LANGS } from '/lib/i18n.js';
import { countryName, offsetAtInstant, utcText } from '/lib/zones.js';

const PX_PER_KM = 1.6;
const SLANT = (55 * Math.PI) / 180; // labels rise at 55°
const SIN = Math.sin(SLANT);
const COS = Math.cos(SLANT);
// least horizontal distance between two label axes, px (Lao script stacks marks, needs more)
const gap = () => (getLang() === 'lo' ? 23 : 19);
const LEFT = 44; // x of the first point
const NAME_PX = 12;
const KM_PX = 10.5;
const TOP_LANE = 70; // room for the border's name and the country labels

const NETWORK_KEY = 'lancang.map.network';

let data = null;
let networks = []; // the networks served (GET /api/networks), home first
let network = null; // the one shown

initPage({ titleKey: 'map.title' });
document.addEventListener('lang-change', () => { renameNetworks(); render(); });
renderLegend(); // needs no data: drawn at once, so nothing below it moves when the data comes
start();

async function start() {
  try {
    networks = (await api('/api/networks')) || [];
  } catch {
    networks = []; // the map of home still draws: the picker is only hidden
  }
  const params = new URLSearchParams(location.search);
  const known = (code) => networks.find((n) => n.code === code);
  network = known(params.get('network')) || known(localStorage.getItem(NETWORK_KEY))
    || networks.find((n) => n.home) || networks[0] || null;
  const select = document.getElementById('network');
  select.replaceChildren(...networks.map((n) => h('option', { value: n.code }, localName(n.names))));
  if (network) select.value = network.code;
  // shown when there is a choice; its room is kept either way, so the page below never moves
  if (networks.length > 1) document.getElementById('network-field').style.visibility = '';
  select.addEventListener('change', () => {
    network = known(select.value);
    localStorage.setItem(NETWORK_KEY, network.code);
    const url = new URL(location.href);
    url.searchParams.set('network', network.code);
    history.replaceState(null, '', url);
    load();
  });
  await load();
}

function renameNetworks() {
  [...document.getElementById('network').options].forEach((o) => {
    const n = networks.find((x) => x.code === o.value);
    if (n) o.textContent = localName(n.names);
  });
}

async function load() {
  // the loading note is inside the map's box: the first map drawn replaces it
  const status = document.getElementById('map-status') || {};
  const box = document.getElementById('map-error');
  const q = network && !network.home ? `?network=${encodeURIComponent(network.code)}` : '';
  box.hidden = true;
  try {
    const [points, sections, structures] = await Promise.all([
      api(`/api/network/points${q}`),
      api(`/api/network/sections${q}`),
      api(`/api/network/structures${q}`).catch(() => []),
    ]);
    data = {
      points: [...(points || [])].sort((a, b) => a.km - b.km),
      sections: sections || [],
      structures: structures || [],
    };
    status.hidden = true;
    render();
  } catch (err) {
    status.hidden = true;
    box.textContent = `${t('map.loadError')} ${errorText(err)}`;
    box.hidden = false;
  }
}

// ---------- formatting ----------

const fmtKm = (km) => (Number.isInteger(km) ? String(km) : Number(km).toFixed(1));
const approx = (p) => p.kmQuality === 'estimated';
const kmLabel = (p) => (approx(p) ? '~' : '') + fmtKm(p.km);
const tr = (key, fallback) => { const v = t(key); return v === key ? fallback : v; };
// a country by the network's own names (countries.csv, which each point carries); a structure's shared country
// ("TH/LA") that no point keeps, by each side's name
const country = (c) => {
  const names = ((data && data.points.find((p) => p.country === c)) || {}).countryNames;
  if (names || !(c || '').includes('/')) return countryName(c, names);
  return tr(`country.${c}`, c.split('/').map((x) => country(x)).join(' / '));
};
const kindName = (k) => tr(`kind.${k}`, k);
const tracksName = (n) => t(n >= 2 ? 'tracks.2' : 'tracks.1');

const offsets = new Map(); // an Intl formatter per zone is slow to make: one look-up per zone and page
function utcOffset(tz) {
  if (!offsets.has(tz)) offsets.set(tz, utcText(offsetAtInstant(tz)));
  return offsets.get(tz);
}

let ctx = null;
// read once per language (the fonts follow it): asking the computed style after each change restyles the page
const families = new Map();
function textWidth(str, px, weight) {
  ctx = ctx || document.createElement('canvas').getContext('2d');
  const lang = document.documentElement.lang;
  if (!families.has(lang)) families.set(lang, getComputedStyle(document.body).fontFamily);
  const family = families.get(lang);
  ctx.font = `${weight} ${px}px ${family}`;
  return ctx.measureText(str).width;
}

/** Spreads sorted desired x positions so neighbours are at least `gap` apart, moving clusters as little as possible. */
function spread(xs, gap, min) {
  const blocks = []; // {first, n, sum}: members at start + k*gap, start = sum/n
  const start = (b) => Math.max(min, b.sum / b.n);
  xs.forEach((x, i) => {
    blocks.push({ first: i, n: 1, sum: x });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (start(a) + a.n * gap <= start(b)) break;
      a.sum += b.sum - b.n * a.n * gap;
      a.n += b.n;
      blocks.pop();
    }
  });
  const out = [];
  for (const b of blocks) for (let k = 0; k < b.n; k++) out.push(start(b) + k * gap);
  return out;
}

// ---------- symbols ----------

function symbol(kind, x, y, big) {
  const r = big ? 6.5 : 5.5;
  switch (kind) {
    case 'PASSENGER': return s('circle', { class: 'sym PASSENGER', cx: x, cy: y, r });
    case 'FREIGHT': return s('rect', { class: 'sym FREIGHT', x: x - r, y: y - r, width: 2 * r, height: 2 * r, rx: 1 });
    case 'PASSING_LOOP': return s('path', { class: 'sym PASSING_LOOP', d: `M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z` });
    default: return s('circle', { class: 'sym BORDER', cx: x, cy: y, r: 3.5 });
  }
}

function legendIcon(type) {
  const y = 8;
  const line = (dy = 0) => s('line', { class: 'track', x1: 1, x2: 29, y1: y + dy, y2: y + dy });
  const kids = {
    double: [line(-2.5), line(2.5)],
    single: [line()],
    PASSENGER: [line(), symbol('PASSENGER', 15, y)],
    PASSING_LOOP: [line(), symbol('PASSING_LOOP', 15, y)],
    FREIGHT: [line(), symbol('FREIGHT', 15, y)],
    border: [s('line', { class: 'border-line', x1: 15, x2: 15, y1: 0, y2: 16, 'stroke-dasharray': '3 2' })],
    TUNNEL: [s('rect', { class: 'structure TUNNEL', x: 5, y: 2, width: 20, height: 12, rx: 2, opacity: 0.45 }), line()],
    BRIDGE: [s('rect', { class: 'structure BRIDGE', x: 5, y: 2, width: 20, height: 12, rx: 2, opacity: 0.45 }), line()],
  }[type];
  return s('svg', { class: 'strip', width: 30, height: 16, viewBox: '0 0 30 16', 'aria-hidden': 'true', focusable: 'false' }, kids);
}

// ---------- render ----------

function render() {
  if (!data || !data.points.length) return;
  const { points } = data;
  const first = points[0];
  const last = points[points.length - 1];
  renderHeading(points);
  document.getElementById('map-summary').textContent = t('map.summary', {
    from: localName(first.names), fromKm: fmtKm(first.km),
    to: localName(last.names), toKm: fmtKm(last.km),
    length: fmtKm(last.km - first.km), count: points.length,
  });
  renderLegend();
  document.getElementById('map-scroll').replaceChildren(buildSvg());
  // the tables below the map in a task of their own, so a slow phone is not kept busy in one long task
  setTimeout(() => { renderPointsTable(); renderStructuresTable(); }, 0);
}

/**
 * The heading and the time-zone note: the shown network's own name and the zones its points keep (each country's, in km
 * order), home's as any other's, so no network is named by the translations; their neutral texts stay only while the
 * list of networks is unknown.
 */
function renderHeading(points) {
  const heading = document.getElementById('map-heading');
  const note = document.getElementById('map-tz');
  if (!network) { // translated as the page is (data-i18n)
    heading.dataset.i18n = 'map.heading';
    note.dataset.i18n = 'map.tz';
    heading.textContent = t('map.heading');
    note.textContent = t('map.tz');
    return;
  }
  delete heading.dataset.i18n; // the network's own name, not the page's neutral heading
  delete note.dataset.i18n;
  heading.textContent = localName(network.names);
  const zones = [];
  for (const p of points) {
    if (p.kind === 'BORDER' || zones.some((z) => z.zone === p.timeZone && z.country === p.country)) continue;
    zones.push({ zone: p.timeZone, country: p.country });
  }
  note.textContent = t('map.tzOf', {
    list: zones.map((z) => `${country(z.country)} ${utcOffset(z.zone)} (${z.zone})`).join(' · '),
  });
}

function renderLegend() {
  const items = [
    ['double', 'legend.double'], ['single', 'legend.single'], ['PASSENGER', 'legend.passenger'],
    ['PASSING_LOOP', 'legend.loop'], ['FREIGHT', 'legend.freight'], ['border', 'legend.border'],
    ['TUNNEL', 'legend.tunnel'], ['BRIDGE', 'legend.bridge'],
  ];
  document.getElementById('legend').replaceChildren(
    ...items.map(([type, key]) => h('li', {}, legendIcon(type), t(key))),
    h('li', {}, t('legend.estimated')));
}

function buildSvg() {
  const { points, sections, structures } = data;
  const km0 = points[0].km;
  const kmN = points[points.length - 1].km;
  const X = (km) => LEFT + (km - km0) * PX_PER_KM;
  const names = points.map((p) => localName(p.names));
  // the border's name goes along the top of its dashed line, not slanted
  const slanted = (p) => p.kind !== 'BORDER';
  const nameW = names.map((n, i) => (slanted(points[i]) ? textWidth(n, NAME_PX, points[i].kind === 'PASSING_LOOP' ? 400 : 600) : 0));
  const kmW = points.map((p) => textWidth(kmLabel(p), KM_PX, 400));
  const lx = spread(points.map((p) => X(p.km)), gap(), 12);

  const nameH = Math.max(...nameW) * SIN + 12;
  const trackY = TOP_LANE + nameH + 30;
  const kmTop = trackY + 24;
  const rulerY = kmTop + Math.max(...kmW) * SIN + 18;
  const height = rulerY + 26;
  // each country's stretch tinted, every border a dashed line with its name and the countries either side
  const borders = points.filter((p) => p.kind === 'BORDER');
  // room for a border's name centred on its line (the Bangkok line's border lies near its end)
  const borderEnds = borders.map((b) => X(b.km) + textWidth(localName(b.names), NAME_PX, 600) / 2 + 8);
  const width = Math.ceil(Math.max(X(kmN) + 40, ...borderEnds, ...lx.map((x, i) => x + nameW[i] * COS + 16)));
  const svg = s('svg', {
    class: 'strip', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': t('map.svgLabel', { from: names[0], to: names[names.length - 1] }),
  });
  const edges = [0, ...borders.map((b) => X(b.km)), width];
  for (let i = 0; i + 1 < edges.length; i++) {
    svg.append(s('rect', { x: edges[i], y: 0, width: edges[i + 1] - edges[i], height,
      fill: i % 2 ? 'var(--la-tint)' : 'var(--cn-tint)' }));
  }
  borders.forEach((border) => {
    const borderX = X(border.km);
    const before = [...points].reverse().find((p) => p.km < border.km && p.kind !== 'BORDER');
    const after = points.find((p) => p.km > border.km && p.kind !== 'BORDER');
    svg.append(
      s('line', { class: 'border-line', x1: borderX, x2: borderX, y1: 24, y2: height - 4 }),
      s('text', { class: 'name BORDER', x: borderX, y: 16, 'text-anchor': 'middle' }, localName(border.names)));
    if (before) svg.append(countryLabel(before, borderX - 10, 'end'));
    if (after) svg.append(countryLabel(after, borderX + 10, 'start'));
  });

  // km ruler
  const ruler = s('g', { class: 'ruler', 'aria-hidden': 'true' },
    s('line', { x1: X(km0), x2: X(kmN), y1: rulerY, y2: rulerY }));
  for (let k = Math.ceil(km0 / 50) * 50; k <= kmN; k += 50) {
    const major = k % 100 === 0;
    ruler.append(s('line', { x1: X(k), x2: X(k), y1: rulerY, y2: rulerY + (major ? 7 : 4) }));
    if (major) ruler.append(s('text', { x: X(k), y: rulerY + 18, 'text-anchor': 'middle' }, k === 0 ? 'km 0' : k));
  }
  svg.append(ruler);

  // structures: translucent bands behind the track
  for (const st of structures) {
    const x1 = X(st.fromKm);
    const w = Math.max(3, X(st.toKm) - x1);
    svg.append(s('rect', { class: `structure ${st.kind}`, x: x1, y: trackY - 9, width: w, height: 18, rx: 2, opacity: 0.45 },
      s('title', {}, structureTitle(st))));
  }

  // track: dashed base line (shows gaps), then each section with 1 or 2 lines
  svg.append(s('line', { class: 'track base', x1: X(km0), x2: X(kmN), y1: trackY, y2: trackY }));
  const byCode = new Map(points.map((p) => [p.code, p]));
  for (const sec of sections) {
    const x1 = X(sec.fromKm);
    const x2 = X(sec.toKm);
    const ys = sec.tracks >= 2 ? [trackY - 3, trackY + 3] : [trackY];
    const g = s('g', {}, s('title', {}, t('map.section', {
      from: byCode.has(sec.from) ? localName(byCode.get(sec.from).names) : sec.from,
      to: byCode.has(sec.to) ? localName(byCode.get(sec.to).names) : sec.to,
      length: fmtKm(sec.lengthKm ?? sec.toKm - sec.fromKm), tracks: tracksName(sec.tracks), speed: sec.lineSpeedKmh ?? '–',
    })));
    ys.forEach((y) => g.append(s('line', { class: 'track', x1, x2, y1: y, y2: y })));
    g.append(s('line', { x1, x2, y1: trackY, y2: trackY, stroke: 'transparent', 'stroke-width': 14 }));
    svg.append(g);
  }

  // points: leader lines, symbol, name above, km below
  const doubleAt = (km) => sections.some((x) => x.tracks >= 2 && x.fromKm <= km && km <= x.toKm);
  points.forEach((p, i) => {
    const x = X(p.km);
    const nx = lx[i];
    const g = s('g', { class: 'pt' }, s('title', {}, pointTitle(p, names[i])));
    if (slanted(p)) {
      g.append(
        s('polyline', { class: 'leader', points: `${x},${trackY - 9} ${x},${trackY - 14} ${nx},${trackY - 24} ${nx},${trackY - 27}` }),
        s('text', { class: `name ${p.kind}`, x: nx, y: trackY - 30, dy: '0.35em', transform: `rotate(-55 ${nx} ${trackY - 30})` }, names[i]));
    }
    g.append(
      s('polyline', { class: 'leader', points: `${x},${trackY + 9} ${x},${trackY + 12} ${nx},${trackY + 20} ${nx},${trackY + 22}` }),
      symbol(p.kind, x, trackY, doubleAt(p.km)),
      s('text', { class: 'km', x: nx, y: kmTop, dy: '0.35em', 'text-anchor': 'end', transform: `rotate(-55 ${nx} ${kmTop})` }, kmLabel(p)));
    svg.append(g);
  });
  return svg;
}

/**
 * "中国 · China" at a border: the country's own name in its own language, as the network's countries.csv gives them
 * (each point carries its country's names and language), then its name in the chosen language, and its UTC offset.
 * A country whose file names no language of its own shows the reader's name alone.
 */
function countryLabel(point, x, anchor) {
  const own = country(point.country);
  const langOf = point.countryLanguage || null;
  const native = (langOf && nameIn(point.countryNames, langOf)) || own;
  const label = own === native ? native : `${native} · ${own}`;
  const off = utcOffset(point.timeZone);
  return s('g', {},
    s('text', { class: 'country', x, y: 40, 'text-anchor': anchor },
      anchor === 'end' ? '◀ ' : '', langOf ? s('tspan', { lang: langOf }, native) : native,
      own === native ? '' : ` · ${own}`, anchor === 'start' ? ' ▶' : '',
      s('title', {}, label)),
    off ? s('text', { class: 'country-tz', x, y: 56, 'text-anchor': anchor }, off) : null);
}

function pointTitle(p, name) {
  const bits = [`${name} (${p.code})`, `km ${fmtKm(p.km)}${approx(p) ? ` (${t('map.estimated')})` : ''}`,
    kindName(p.kind), country(p.country)];
  const off = utcOffset(p.timeZone);
  if (off) bits.push(off);
  if (p.stationTracks) bits.push(`${t('col.stationTracks')}: ${p.stationTracks}`);
  return bits.join(' · ');
}

function structureTitle(st) {
  const len = st.lengthM ? ` · ${Number(st.lengthM).toLocaleString('en')} m` : '';
  return `${localName(st.name)} · ${tr(`struct.${st.kind}`, st.kind)} · km ${fmtKm(st.fromKm)}–${fmtKm(st.toKm)}${len}`;
}

// ---------- tables ----------

function otherNames(names) {
  const shown = localName(names);
  const seen = new Set([shown]);
  const out = [];
  for (const { code } of LANGS) {
    const v = nameIn(names, code);
    if (v && !seen.has(v)) { seen.add(v); out.push(h('span', { lang: code }, v)); }
  }
  return out.length ? h('span', { class: 'sub' }, ...out.flatMap((x, i) => (i ? [' · ', x] : [x]))) : null;
}

function renderPointsTable() {
  const { points, sections } = data;
  const onward = new Map(sections.map((x) => [x.from, x]));
  const rows = points.map((p) => {
    const sec = onward.get(p.code);
    const off = utcOffset(p.timeZone);
    return h('tr', {},
      h('td', {}, h('code', {}, p.code)),
      h('td', {}, localName(p.names), otherNames(p.names)),
      h('td', { class: 'num' }, kmLabel(p), approx(p) ? h('span', { class: 'visually-hidden' }, ` (${t('map.estimated')})`) : null),
      h('td', {}, h('span', { class: 'kind-badge' }, legendIcon(p.kind === 'BORDER' ? 'border' : p.kind), kindName(p.kind))),
      h('td', {}, country(p.country)),
      h('td', {}, p.timeZone || '–', off ? h('span', { class: 'sub' }, off) : null),
      h('td', { class: 'num' }, p.stationTracks ?? '–'),
      h('td', {}, sec ? `${tracksName(sec.tracks)}${sec.lineSpeedKmh ? ` · ${sec.lineSpeedKmh} km/h` : ''}` : '–'));
  });
  document.querySelector('#points-table tbody').replaceChildren(...rows);
}

function renderStructuresTable() {
  const rows = data.structures.map((st) => h('tr', {},
    h('td', {}, localName(st.name), otherNames(st.name)),
    h('td', {}, tr(`struct.${st.kind}`, st.kind)),
    h('td', { class: 'num' }, fmtKm(st.fromKm)),
    h('td', { class: 'num' }, fmtKm(st.toKm)),
    h('td', { class: 'num' }, st.lengthM ? Number(st.lengthM).toLocaleString('en') : '–'),
    h('td', {}, country(st.country))));
  if (!rows.length) rows.push(h('tr', {}, h('td', { colspan: 6 }, t('map.noStructures'))));
  document.querySelector('#structures-table tbody').replaceChildren(...rows);
}
