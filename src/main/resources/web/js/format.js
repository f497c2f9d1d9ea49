// Display rules of the dashboard: money 2 decimals, quantities up to 8 significant digits,
// percentages 2 decimals, times in UTC. Values arrive as exact JSON numbers; they are only shown here.
const money2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const qty8 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 8 });

export function money(v, unit = '') {
  if (v === null || v === undefined || Number.isNaN(Number(v))) return '–';
  return money2.format(Number(v)) + (unit ? ' ' + unit : '');
}

export function qty(v) {
  if (v === null || v === undefined || Number.isNaN(Number(v))) return '–';
  return qty8.format(Number(v));
}

/** A fraction (0.0123) as a percentage (1.23 %). */
export function pct(fraction) {
  if (fraction === null || fraction === undefined || Number.isNaN(Number(fraction))) return '–';
  return money2.format(Number(fraction) * 100) + ' %';
}

/** ISO-8601 (or epoch ms) as "YYYY-MM-DD HH:MM:SS" UTC. */
export function time(v) {
  if (!v) return '–';
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString().replace('T', ' ').slice(0, 19);
}

export function shortTime(ms) {
  return new Date(ms).toISOString().slice(11, 16);
}

/** A CSS class for the sign of an amount. */
export function sign(v) {
  const n = Number(v);
  return n > 0 ? 'pos' : n < 0 ? 'neg' : '';
}

/** Builds an element: el('td', {class: 'num'}, 'text'). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c ?? ''));
  return e;
}

/** Fills a table: columns [{label, num, id, cell: row => text|Node, cls: row => class}]; id: a long identifier, cut with its full text as title. */
export function table(target, columns, rows, empty = 'none') {
  // unchanged data keeps the table as it is: no flicker, and a button is not replaced under the pointer
  const key = JSON.stringify([columns.map(c => c.label), rows, empty]);
  if (target.dataset.key === key) return;
  target.dataset.key = key;
  const head = el('tr', {}, ...columns.map(c => el('th', c.num ? { class: 'num' } : {}, c.label)));
  const body = rows.length ? rows.map(r => el('tr', {}, ...columns.map(c =>
    cellOf(c, r))))
    : [el('tr', {}, el('td', { class: 'muted', colspan: String(columns.length) }, empty))];
  target.replaceChildren(head, ...body);
}

function cellOf(c, r) {
  const content = c.cell(r);
  const attrs = { class: [c.num ? 'num' : '', c.id ? 'id' : '', c.cls ? c.cls(r) : ''].join(' ').trim() };
  if (c.id && typeof content === 'string') attrs.title = content;
  return el('td', attrs, content);
}

/** Timeframe label (1m, 5m, 1h, 1d) in seconds. */
export function seconds(tf) {
  const n = parseInt(tf, 10);
  return n * ({ s: 1, m: 60, h: 3600, d: 86400 }[tf.slice(-1)] || 60);
}
