// Lancang UI strings (en, zh, lo) and the current-language state.
// The chosen language is stored in localStorage under "lancang.lang"
// and may be set from a "?lang=en|zh|lo" URL parameter.

export const LANGS = [
  { code: 'en', label: 'EN', name: 'English' },
  { code: 'zh', label: '中文', name: '中文' },
  { code: 'lo', label: 'ລາວ', name: 'ລາວ' },
];
export const STORAGE_KEY = 'lancang.lang';
export const ROLES = ['ADMIN', 'PLANNER', 'DISPATCHER', 'MAINTAINER', 'AGENT', 'PASSENGER', 'SHIPPER'];

const en = {
  'app.tagline': 'China–Laos Railway operations',
  'app.skip': 'Skip to content',
  'nav.label': 'Main',
  'nav.map': 'Line map',
  'nav.users': 'Users',
  'nav.api': 'API explorer',
  'nav.signin': 'Sign in',
  'nav.signout': 'Sign out',
  'lang.label': 'Language',
  'user.signedInAs': 'Signed in as',
  'common.loading': 'Loading…',
  'common.network': 'The server could not be reached. Please try again.',
  'common.error': 'Something went wrong (HTTP {status}).',
  'common.required': 'This field is required.',

  'map.title': 'Line map',
  'map.heading': 'China–Laos Railway',
  'map.summary': '{from} (km {fromKm}) → {to} (km {toKm}) · {length} km · {count} points',
  'map.tz': 'Time zones: points in China use UTC+8 (Asia/Shanghai), points in Laos use UTC+7 (Asia/Vientiane).',
  'map.scrollHint': 'The map is wide: scroll sideways (or focus it and use the arrow keys) to see the whole line.',
  'map.region': 'Strip map, scrolls horizontally',
  'map.svgLabel': 'Schematic strip map of the line from {from} to {to}. The same points are listed in the table below.',
  'map.legend': 'Legend',
  'map.loadError': 'Could not load the line data.',
  'map.pointsCaption': 'Points along the line',
  'map.structuresCaption': 'Named structures',
  'map.noStructures': 'No structures recorded.',
  'map.section': '{from} – {to}: {length} km, {tracks}, {speed} km/h',
  'map.estimated': 'estimated',
  'legend.double': 'Double track',
  'legend.single': 'Single track',
  'legend.passenger': 'Passenger station',
  'legend.loop': 'Passing loop',
  'legend.freight': 'Freight station',
  'legend.border': 'State border',
  'legend.tunnel': 'Tunnel',
  'legend.bridge': 'Bridge',
  'legend.estimated': '~ km estimated',
  'col.code': 'Code',
  'col.name': 'Name',
  'col.km': 'km',
  'col.kind': 'Kind',
  'col.country': 'Country',
  'col.tz': 'Time zone',
  'col.stationTracks': 'Station tracks',
  'col.lineOnward': 'Line onward',
  'col.fromKm': 'From km',
  'col.toKm': 'To km',
  'col.lengthM': 'Length (m)',
  'tracks.2': 'double track',
  'tracks.1': 'single track',
  'kind.PASSENGER': 'Passenger station',
  'kind.PASSING_LOOP': 'Passing loop',
  'kind.FREIGHT': 'Freight station',
  'kind.BORDER': 'Border point',
  'struct.TUNNEL': 'Tunnel',
  'struct.BRIDGE': 'Bridge',
  'struct.VIADUCT': 'Viaduct',
  'country.CN': 'China',
  'country.LA': 'Laos',
  'country.CN/LA': 'China / Laos',

  'field.username': 'Username',
  'field.password': 'Password',
  'field.password2': 'Repeat password',
  'field.displayName': 'Display name',
  'field.roles': 'Roles',
  'signin.title': 'Sign in',
  'signin.intro': 'Sign in to Lancang with your username and password.',
  'signin.submit': 'Sign in',
  'signin.bad': 'Wrong username or password.',
  'signin.noAccount': 'No account yet?',
  'signin.register': 'Register as a passenger',
  'register.title': 'Register',
  'register.intro': 'Create a passenger account.',
  'register.submit': 'Create account',
  'register.mismatch': 'The two passwords do not match.',
  'register.haveAccount': 'Already registered?',
  'register.created': 'Account created. Please sign in.',

  'users.title': 'Users',
  'users.heading': 'Users and roles',
  'users.forbidden': 'Not allowed: this page is for administrators (role ADMIN).',
  'users.listHeading': 'All users',
  'users.count': '{n} users',
  'users.empty': 'No users yet.',
  'users.created': 'Created',
  'users.change': 'Change roles',
  'users.rolesFor': 'Roles of {name}',
  'users.saveRoles': 'Save roles',
  'users.rolesSaved': 'Roles of {name} saved.',
  'users.addHeading': 'Add a user',
  'users.add': 'Add user',
  'users.added': 'User {name} added.',
  'users.none': '(none)',
  'role.ADMIN': 'Administrator',
  'role.PLANNER': 'Planner',
  'role.DISPATCHER': 'Dispatcher',
  'role.MAINTAINER': 'Maintainer',
  'role.AGENT': 'Sales agent',
  'role.PASSENGER': 'Passenger',
  'role.SHIPPER': 'Shipper',
  'nav.planner': 'Planner',
  'planner.title': 'Planner',
  'planner.heading': 'Time-distance diagram',
  'planner.from': 'From',
  'planner.to': 'To',
  'planner.date': 'Date',
  'planner.start': 'Start (local time)',
  'planner.hours': 'Hours',
  'planner.show': 'Show',
  'planner.conflicts': 'Conflicts',
  'planner.noConflict': 'No conflict.',
  'planner.arr': 'arr',
  'planner.dep': 'dep',
  'planner.insertHeading': 'Insert a path',
  'planner.type': 'Train type',
  'planner.number': 'Number',
  'planner.earliest': 'Earliest departure (local time at the origin)',
  'planner.insert': 'Insert and add',
  'planner.inserted': '{number} added: departs {dep}, arrives {arr}, {waits} waits.',
};

const zh = {
  'app.tagline': '中老铁路运营平台',
  'app.skip': '跳到主要内容',
  'nav.label': '主导航',
  'nav.map': '线路图',
  'nav.users': '用户',
  'nav.api': 'API 浏览器',
  'nav.signin': '登录',
  'nav.signout': '退出登录',
  'lang.label': '语言',
  'user.signedInAs': '当前用户',
  'common.loading': '加载中…',
  'common.network': '无法连接服务器，请重试。',
  'common.error': '出现错误（HTTP {status}）。',
  'common.required': '此项为必填项。',

  'map.title': '线路图',
  'map.heading': '中老铁路',
  'map.summary': '{from}（{fromKm} 公里）→ {to}（{toKm} 公里）· 全长 {length} 公里 · 共 {count} 个点',
  'map.tz': '时区：中国境内各点为 UTC+8（Asia/Shanghai），老挝境内各点为 UTC+7（Asia/Vientiane）。',
  'map.scrollHint': '线路图较宽：可左右滚动（或聚焦后使用方向键）查看全线。',
  'map.region': '线路示意图，可横向滚动',
  'map.svgLabel': '从{from}到{to}的线路示意图。下表列出了相同的各点。',
  'map.legend': '图例',
  'map.loadError': '无法加载线路数据。',
  'map.pointsCaption': '沿线各点',
  'map.structuresCaption': '主要构筑物',
  'map.noStructures': '暂无构筑物数据。',
  'map.section': '{from} – {to}：{length} 公里，{tracks}，{speed} 公里/小时',
  'map.estimated': '估算',
  'legend.double': '双线',
  'legend.single': '单线',
  'legend.passenger': '客运站',
  'legend.loop': '会让站',
  'legend.freight': '货运站',
  'legend.border': '国境线',
  'legend.tunnel': '隧道',
  'legend.bridge': '桥梁',
  'legend.estimated': '~ 公里数为估算值',
  'col.code': '代码',
  'col.name': '名称',
  'col.km': '公里',
  'col.kind': '类型',
  'col.country': '国家',
  'col.tz': '时区',
  'col.stationTracks': '站线数',
  'col.lineOnward': '往下一点',
  'col.fromKm': '起点公里',
  'col.toKm': '终点公里',
  'col.lengthM': '长度（米）',
  'tracks.2': '双线',
  'tracks.1': '单线',
  'kind.PASSENGER': '客运站',
  'kind.PASSING_LOOP': '会让站',
  'kind.FREIGHT': '货运站',
  'kind.BORDER': '国境点',
  'struct.TUNNEL': '隧道',
  'struct.BRIDGE': '桥梁',
  'struct.VIADUCT': '高架桥',
  'country.CN': '中国',
  'country.LA': '老挝',
  'country.CN/LA': '中国 / 老挝',

  'field.username': '用户名',
  'field.password': '密码',
  'field.password2': '再次输入密码',
  'field.displayName': '显示名称',
  'field.roles': '角色',
  'signin.title': '登录',
  'signin.intro': '请使用用户名和密码登录 Lancang。',
  'signin.submit': '登录',
  'signin.bad': '用户名或密码错误。',
  'signin.noAccount': '还没有账号？',
  'signin.register': '注册旅客账号',
  'register.title': '注册',
  'register.intro': '创建旅客账号。',
  'register.submit': '创建账号',
  'register.mismatch': '两次输入的密码不一致。',
  'register.haveAccount': '已有账号？',
  'register.created': '账号已创建，请登录。',

  'users.title': '用户',
  'users.heading': '用户与角色',
  'users.forbidden': '无权访问：此页面仅限管理员（ADMIN 角色）。',
  'users.listHeading': '全部用户',
  'users.count': '共 {n} 个用户',
  'users.empty': '暂无用户。',
  'users.created': '创建时间',
  'users.change': '修改角色',
  'users.rolesFor': '{name} 的角色',
  'users.saveRoles': '保存角色',
  'users.rolesSaved': '已保存 {name} 的角色。',
  'users.addHeading': '添加用户',
  'users.add': '添加用户',
  'users.added': '已添加用户 {name}。',
  'users.none': '（无）',
  'role.ADMIN': '管理员',
  'role.PLANNER': '计划员',
  'role.DISPATCHER': '调度员',
  'role.MAINTAINER': '维修人员',
  'role.AGENT': '售票代理',
  'role.PASSENGER': '旅客',
  'role.SHIPPER': '货主',
  'nav.planner': '运行图',
  'planner.title': '运行图',
  'planner.heading': '列车运行图',
  'planner.from': '起点',
  'planner.to': '终点',
  'planner.date': '日期',
  'planner.start': '开始（当地时间）',
  'planner.hours': '小时',
  'planner.show': '显示',
  'planner.conflicts': '冲突',
  'planner.noConflict': '无冲突。',
  'planner.arr': '到',
  'planner.dep': '发',
  'planner.insertHeading': '插入运行线',
  'planner.type': '车型',
  'planner.number': '车次',
  'planner.earliest': '最早出发（始发站当地时间）',
  'planner.insert': '插入并加入',
  'planner.inserted': '{number} 已加入：{dep} 出发，{arr} 到达，待避 {waits} 次。',
};

const lo = {
  'app.tagline': 'ລະບົບປະຕິບັດການທາງລົດໄຟ ລາວ-ຈີນ',
  'app.skip': 'ຂ້າມໄປຫາເນື້ອໃນ',
  'nav.label': 'ເມນູຫຼັກ',
  'nav.map': 'ແຜນຜັງເສັ້ນທາງ',
  'nav.users': 'ຜູ້ໃຊ້',
  'nav.api': 'ສຳຫຼວດ API',
  'nav.signin': 'ເຂົ້າສູ່ລະບົບ',
  'nav.signout': 'ອອກຈາກລະບົບ',
  'lang.label': 'ພາສາ',
  'user.signedInAs': 'ເຂົ້າລະບົບເປັນ',
  'common.loading': 'ກຳລັງໂຫຼດ…',
  'common.network': 'ບໍ່ສາມາດເຊື່ອມຕໍ່ເຊີບເວີໄດ້. ກະລຸນາລອງໃໝ່.',
  'common.error': 'ເກີດຂໍ້ຜິດພາດ (HTTP {status}).',
  'common.required': 'ຕ້ອງປ້ອນຂໍ້ມູນນີ້.',

  'map.title': 'ແຜນຜັງເສັ້ນທາງ',
  'map.heading': 'ທາງລົດໄຟ ລາວ-ຈີນ',
  'map.summary': '{from} (ກມ {fromKm}) → {to} (ກມ {toKm}) · {length} ກມ · {count} ຈຸດ',
  'map.tz': 'ເຂດເວລາ: ຈຸດໃນປະເທດຈີນໃຊ້ UTC+8 (Asia/Shanghai), ຈຸດໃນປະເທດລາວໃຊ້ UTC+7 (Asia/Vientiane).',
  'map.scrollHint': 'ແຜນຜັງກວ້າງ: ເລື່ອນໄປຊ້າຍ-ຂວາ (ຫຼື ໃຊ້ປຸ່ມລູກສອນ) ເພື່ອເບິ່ງທັງເສັ້ນທາງ.',
  'map.region': 'ແຜນຜັງເສັ້ນທາງ, ເລື່ອນຕາມແນວນອນ',
  'map.svgLabel': 'ແຜນຜັງເສັ້ນທາງຈາກ {from} ຫາ {to}. ຈຸດດຽວກັນຢູ່ໃນຕາຕະລາງລຸ່ມນີ້.',
  'map.legend': 'ຄຳອະທິບາຍສັນຍາລັກ',
  'map.loadError': 'ບໍ່ສາມາດໂຫຼດຂໍ້ມູນເສັ້ນທາງໄດ້.',
  'map.pointsCaption': 'ຈຸດຕາມເສັ້ນທາງ',
  'map.structuresCaption': 'ສິ່ງກໍ່ສ້າງສຳຄັນ',
  'map.noStructures': 'ບໍ່ມີຂໍ້ມູນສິ່ງກໍ່ສ້າງ.',
  'map.section': '{from} – {to}: {length} ກມ, {tracks}, {speed} ກມ/ຊມ',
  'map.estimated': 'ໂດຍປະມານ',
  'legend.double': 'ທາງຄູ່',
  'legend.single': 'ທາງດ່ຽວ',
  'legend.passenger': 'ສະຖານີໂດຍສານ',
  'legend.loop': 'ສະຖານີຫຼີກລົດ',
  'legend.freight': 'ສະຖານີສິນຄ້າ',
  'legend.border': 'ຊາຍແດນ',
  'legend.tunnel': 'ອຸໂມງ',
  'legend.bridge': 'ຂົວ',
  'legend.estimated': '~ ກມ ໂດຍປະມານ',
  'col.code': 'ລະຫັດ',
  'col.name': 'ຊື່',
  'col.km': 'ກມ',
  'col.kind': 'ປະເພດ',
  'col.country': 'ປະເທດ',
  'col.tz': 'ເຂດເວລາ',
  'col.stationTracks': 'ທາງໃນສະຖານີ',
  'col.lineOnward': 'ທາງໄປຈຸດຕໍ່ໄປ',
  'col.fromKm': 'ຈາກ ກມ',
  'col.toKm': 'ຫາ ກມ',
  'col.lengthM': 'ຄວາມຍາວ (ມ)',
  'tracks.2': 'ທາງຄູ່',
  'tracks.1': 'ທາງດ່ຽວ',
  'kind.PASSENGER': 'ສະຖານີໂດຍສານ',
  'kind.PASSING_LOOP': 'ສະຖານີຫຼີກລົດ',
  'kind.FREIGHT': 'ສະຖານີສິນຄ້າ',
  'kind.BORDER': 'ຈຸດຊາຍແດນ',
  'struct.TUNNEL': 'ອຸໂມງ',
  'struct.BRIDGE': 'ຂົວ',
  'struct.VIADUCT': 'ຂົວຍົກລະດັບ',
  'country.CN': 'ຈີນ',
  'country.LA': 'ລາວ',
  'country.CN/LA': 'ຈີນ / ລາວ',

  'field.username': 'ຊື່ຜູ້ໃຊ້',
  'field.password': 'ລະຫັດຜ່ານ',
  'field.password2': 'ປ້ອນລະຫັດຜ່ານອີກຄັ້ງ',
  'field.displayName': 'ຊື່ທີ່ສະແດງ',
  'field.roles': 'ບົດບາດ',
  'signin.title': 'ເຂົ້າສູ່ລະບົບ',
  'signin.intro': 'ເຂົ້າສູ່ Lancang ດ້ວຍຊື່ຜູ້ໃຊ້ ແລະ ລະຫັດຜ່ານ.',
  'signin.submit': 'ເຂົ້າສູ່ລະບົບ',
  'signin.bad': 'ຊື່ຜູ້ໃຊ້ ຫຼື ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ.',
  'signin.noAccount': 'ຍັງບໍ່ມີບັນຊີບໍ?',
  'signin.register': 'ລົງທະບຽນເປັນຜູ້ໂດຍສານ',
  'register.title': 'ລົງທະບຽນ',
  'register.intro': 'ສ້າງບັນຊີຜູ້ໂດຍສານ.',
  'register.submit': 'ສ້າງບັນຊີ',
  'register.mismatch': 'ລະຫັດຜ່ານທັງສອງບໍ່ກົງກັນ.',
  'register.haveAccount': 'ມີບັນຊີແລ້ວບໍ?',
  'register.created': 'ສ້າງບັນຊີແລ້ວ. ກະລຸນາເຂົ້າສູ່ລະບົບ.',

  'users.title': 'ຜູ້ໃຊ້',
  'users.heading': 'ຜູ້ໃຊ້ ແລະ ບົດບາດ',
  'users.forbidden': 'ບໍ່ອະນຸຍາດ: ໜ້ານີ້ສຳລັບຜູ້ດູແລລະບົບ (ບົດບາດ ADMIN) ເທົ່ານັ້ນ.',
  'users.listHeading': 'ຜູ້ໃຊ້ທັງໝົດ',
  'users.count': '{n} ຜູ້ໃຊ້',
  'users.empty': 'ຍັງບໍ່ມີຜູ້ໃຊ້.',
  'users.created': 'ສ້າງເມື່ອ',
  'users.change': 'ປ່ຽນບົດບາດ',
  'users.rolesFor': 'ບົດບາດຂອງ {name}',
  'users.saveRoles': 'ບັນທຶກບົດບາດ',
  'users.rolesSaved': 'ບັນທຶກບົດບາດຂອງ {name} ແລ້ວ.',
  'users.addHeading': 'ເພີ່ມຜູ້ໃຊ້',
  'users.add': 'ເພີ່ມຜູ້ໃຊ້',
  'users.added': 'ເພີ່ມຜູ້ໃຊ້ {name} ແລ້ວ.',
  'users.none': '(ບໍ່ມີ)',
  'role.ADMIN': 'ຜູ້ດູແລລະບົບ',
  'role.PLANNER': 'ຜູ້ວາງແຜນ',
  'role.DISPATCHER': 'ຜູ້ສັ່ງການເດີນລົດ',
  'role.MAINTAINER': 'ຜູ້ບຳລຸງຮັກສາ',
  'role.AGENT': 'ຕົວແທນຂາຍປີ້',
  'role.PASSENGER': 'ຜູ້ໂດຍສານ',
  'role.SHIPPER': 'ຜູ້ສົ່ງສິນຄ້າ',
  'nav.planner': 'ແຜນເດີນລົດ',
  'planner.title': 'ແຜນເດີນລົດ',
  'planner.heading': 'ແຜນວາດເວລາ-ໄລຍະທາງ',
  'planner.from': 'ຈາກ',
  'planner.to': 'ຫາ',
  'planner.date': 'ວັນທີ',
  'planner.start': 'ເລີ່ມ (ເວລາທ້ອງຖິ່ນ)',
  'planner.hours': 'ຊົ່ວໂມງ',
  'planner.show': 'ສະແດງ',
  'planner.conflicts': 'ຂໍ້ຂັດແຍ່ງ',
  'planner.noConflict': 'ບໍ່ມີຂໍ້ຂັດແຍ່ງ.',
  'planner.arr': 'ຮອດ',
  'planner.dep': 'ອອກ',
  'planner.insertHeading': 'ເພີ່ມເສັ້ນທາງລົດໄຟ',
  'planner.type': 'ປະເພດລົດ',
  'planner.number': 'ເລກຂະບວນ',
  'planner.earliest': 'ອອກໄວທີ່ສຸດ (ເວລາທ້ອງຖິ່ນຕົ້ນທາງ)',
  'planner.insert': 'ເພີ່ມ',
  'planner.inserted': 'ເພີ່ມ {number} ແລ້ວ: ອອກ {dep}, ຮອດ {arr}, ລໍຖ້າ {waits} ເທື່ອ.',
};

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
