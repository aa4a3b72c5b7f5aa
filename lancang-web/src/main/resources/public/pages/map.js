// Strip map of the line (index.html): SVG drawn from /api/network/{points,sections,structures}.
import { initPage, api, h, s, errorText } from '/lib/common.js';
import { t, getLang, localName, nameIn, LANGS } from '/lib/i18n.js';

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

let data = null;

initPage({ titleKey: 'map.title' });
document.addEventListener('lang-change', render);
renderLegend(); // needs no data: drawn at once, so nothing below it moves when the data comes
load();

async function load() {
  const status = document.getElementById('map-status');
  try {
    const [points, sections, structures] = await Promise.all([
      api('/api/network/points'),
      api('/api/network/sections'),
      api('/api/network/structures').catch(() => []),
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
    const box = document.getElementById('map-error');
    box.textContent = `${t('map.loadError')} ${errorText(err)}`;
    box.hidden = false;
  }
}

// ---------- formatting ----------

const fmtKm = (km) => (Number.isInteger(km) ? String(km) : Number(km).toFixed(1));
const approx = (p) => p.kmQuality === 'estimated';
const kmLabel = (p) => (approx(p) ? '~' : '') + fmtKm(p.km);
const tr = (key, fallback) => { const v = t(key); return v === key ? fallback : v; };
const country = (c) => tr(`country.${c}`, c || '');
const kindName = (k) => tr(`kind.${k}`, k);
const tracksName = (n) => t(n >= 2 ? 'tracks.2' : 'tracks.1');

const offsets = new Map(); // an Intl formatter per zone is slow to make: one look-up per zone and page
function utcOffset(tz) {
  if (!offsets.has(tz)) offsets.set(tz, offsetOf(tz));
  return offsets.get(tz);
}

function offsetOf(tz) {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'shortOffset' })
      .formatToParts(new Date()).find((x) => x.type === 'timeZoneName');
    return part ? part.value.replace('GMT', 'UTC') : '';
  } catch {
    return '';
  }
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
  const width = Math.ceil(Math.max(X(kmN) + 40, ...lx.map((x, i) => x + nameW[i] * COS + 16)));

  const border = points.find((p) => p.kind === 'BORDER');
  const borderX = border ? X(border.km) : null;
  const svg = s('svg', {
    class: 'strip', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': t('map.svgLabel', { from: names[0], to: names[names.length - 1] }),
  });

  // country tints and labels
  if (borderX !== null) {
    svg.append(
      s('rect', { x: 0, y: 0, width: borderX, height, fill: 'var(--cn-tint)' }),
      s('rect', { x: borderX, y: 0, width: width - borderX, height, fill: 'var(--la-tint)' }),
      s('line', { class: 'border-line', x1: borderX, x2: borderX, y1: 24, y2: height - 4 }),
      s('text', { class: 'name BORDER', x: borderX, y: 16, 'text-anchor': 'middle' }, localName(border.names)),
      countryLabel('CN', '中国', borderX - 10, 'end', points),
      countryLabel('LA', 'ລາວ', borderX + 10, 'start', points));
  }

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

/** "中国 · China" at the border: the country's own name, then its name in the chosen language. */
function countryLabel(code, native, x, anchor, points) {
  const own = country(code);
  const label = own === native ? native : `${native} · ${own}`;
  const p = points.find((q) => q.country === code);
  const off = p ? utcOffset(p.timeZone) : '';
  const langOf = code === 'CN' ? 'zh' : 'lo';
  return s('g', {},
    s('text', { class: 'country', x, y: 40, 'text-anchor': anchor },
      anchor === 'end' ? '◀ ' : '', s('tspan', { lang: langOf }, native),
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
