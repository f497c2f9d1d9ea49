// Trading: the portfolio with P&L gross and net, positions, open orders (cancel goes through the same
// order service as MCP cancel_order), fills, the ledger's equity curve and today's limit_enforcement.
import { get, post } from './api.js';
import { el, money, qty, pct, table, time, sign } from './format.js';

let equityChart = null;

export function init() {
  equityChart = echarts.init(document.getElementById('t-equity'), 'dark');
  window.addEventListener('resize', () => equityChart.resize());
}

export function shown() {
  equityChart && equityChart.resize();
}

export async function refresh() {
  await Promise.all([portfolio(), orders(), fills(), equity(), limits()]);
}

function stat(label, value, cls = '') {
  return el('div', { class: 'stat' }, el('div', { class: 'label' }, label), el('div', { class: 'value ' + cls }, value));
}

async function portfolio() {
  const p = await get('/api/portfolio');
  const unit = p.quote_currency || 'USD';
  document.getElementById('t-summary').replaceChildren(
    stat('Equity (' + unit + ')', money(p.equity)),
    stat('Cash (' + unit + ')', money(p.cash)),
    stat('Available cash (' + unit + ')', money(p.available_cash)),
    stat('Reserve (' + unit + ')', money(p.reserve)),
    stat('P&L gross (' + unit + ')', money(p.pnl_gross), sign(p.pnl_gross)),
    stat('Fees (' + unit + ')', money(p.fees)),
    stat('P&L net (' + unit + ')', money(p.pnl_net), sign(p.pnl_net)),
    stat('Return net', pct(p.funding ? p.pnl_net / p.funding : null), sign(p.pnl_net)));
  table(document.getElementById('t-positions'), [
    { label: 'Symbol', cell: r => r.symbol },
    { label: 'Quantity', num: true, cell: r => qty(r.qty) },
    { label: 'Avg cost (USD)', num: true, cell: r => money(r.average_cost) },
    { label: 'Mark (USD)', num: true, cell: r => r.mark === null ? 'no price' : money(r.mark) },
    { label: 'Value (USD)', num: true, cell: r => money(r.market_value) },
    { label: 'Unrealized P&L (USD)', num: true, cell: r => money(r.unrealized_pnl), cls: r => sign(r.unrealized_pnl) },
  ], p.positions || [], 'no open position');
}

async function orders() {
  const o = await get('/api/orders/open');
  table(document.getElementById('t-orders'), [
    { label: 'Order', id: true, cell: r => r.order_id },
    { label: 'Side', cell: r => r.side, cls: r => r.side === 'BUY' ? 'pos' : 'neg' },
    { label: 'Symbol', cell: r => r.symbol },
    { label: 'Quantity', num: true, cell: r => qty(r.qty) },
    { label: 'Filled', num: true, cell: r => qty(r.filled_qty) },
    { label: 'Limit (USD)', num: true, cell: r => money(r.limit_price) },
    { label: 'Status', cell: r => r.status },
    { label: '', cell: r => el('button', { class: 'danger', 'data-order': r.order_id, onclick: ev => cancel(ev.target, r.order_id) }, 'Cancel') },
  ], o.orders, 'no open order');
}

async function cancel(button, orderId) {
  const msg = document.getElementById('t-orders-msg');
  button.disabled = true;
  try {
    await post('/api/orders/' + encodeURIComponent(orderId) + '/cancel');
    msg.className = 'msg';
    msg.textContent = 'Cancel requested for ' + orderId + '.';
  } catch (e) {
    msg.className = 'msg err';
    msg.textContent = 'Cancel of ' + orderId + ' refused: ' + e.message;
    button.disabled = false;
  }
  setTimeout(orders, 500);
}

async function fills() {
  const f = await get('/api/fills?limit=50');
  table(document.getElementById('t-fills'), [
    { label: 'Time (UTC)', cell: r => time(r.fill.time) },
    { label: 'Order', id: true, cell: r => r.fill.order_id },
    { label: 'Symbol', cell: r => r.fill.symbol },
    { label: 'Side', cell: r => r.fill.side, cls: r => r.fill.side === 'BUY' ? 'pos' : 'neg' },
    { label: 'Quantity', num: true, cell: r => qty(r.fill.qty) },
    { label: 'Price (USD)', num: true, cell: r => money(r.fill.price) },
    { label: 'Fee (USD)', num: true, cell: r => money(r.fill.fee) },
    { label: 'Liquidity', cell: r => r.fill.liquidity },
    { label: 'Realized P&L (USD)', num: true, cell: r => money(r.realized_pnl), cls: r => sign(r.realized_pnl) },
    { label: 'Journal entry', num: true, cell: r => String(r.entry_id) },
  ], f.fills, 'no fills yet');
}

async function equity() {
  const e = await get('/api/equity?hours=24');
  const points = e.samples.map(s => [Date.parse(s.time), s.equity]);
  equityChart.setOption({
    backgroundColor: 'transparent', animation: false,
    title: points.length ? undefined : { text: 'no equity sample yet (one every ' + e.sample_seconds + ' s)', left: 'center', top: 'middle',
      textStyle: { color: '#8b9bb0', fontSize: 13, fontWeight: 'normal' } },
    tooltip: { trigger: 'axis', valueFormatter: v => money(v) + ' USD' },
    grid: { left: 80, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'time', min: Date.now() - 24 * 3600 * 1000, max: Date.now() },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: v => money(v) }, splitLine: { lineStyle: { color: '#243040' } } },
    series: [{ type: 'line', name: 'equity', showSymbol: points.length < 60, symbolSize: 5, data: points,
      lineStyle: { color: '#4ea1ff' }, itemStyle: { color: '#4ea1ff' } }],
  }, true);
}

async function limits() {
  const l = await get('/api/limit-enforcement');
  const box = document.getElementById('t-limits');
  if (!l.available) {
    box.replaceChildren(el('p', { class: 'msg' }, 'Not available: ' + l.message.replace(/^not available: /, '') + '.'));
    return;
  }
  const d = l.limit_enforcement || {};
  const rows = Object.entries(d).filter(([k, v]) => typeof v === 'number' || v === null);
  const t = el('table', { class: 'data' });
  table(t, [
    { label: 'Counter', cell: r => r[0].replaceAll('_', ' ') },
    { label: 'Value', num: true, cell: r => r[0] === 'execution_rate' ? pct(r[1]) : String(r[1] ?? '–') },
  ], rows, 'no trade attempted today');
  box.replaceChildren(t);
}
