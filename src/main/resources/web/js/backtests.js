// Backtests: start one (the same path as MCP run_backtest) and follow the list with progress and reports.
import { get, post } from './api.js';
import { el, money, pct, table } from './format.js';

export function init(markets) {
  const pair = document.getElementById('b-pair');
  markets.symbols.forEach(s => pair.append(el('option', { value: s }, s)));
  const strategy = document.getElementById('b-strategy');
  strategy.replaceChildren(...markets.backtest_strategies.map(s => el('option', { value: s }, s)));
  document.getElementById('b-form').addEventListener('submit', start);
}

async function start(ev) {
  ev.preventDefault();
  const form = ev.target;
  const msg = document.getElementById('b-msg');
  const body = Object.fromEntries(new FormData(form).entries());
  form.querySelector('button').disabled = true;
  try {
    const r = await post('/api/backtests', body);
    msg.className = 'msg';
    msg.textContent = 'Started ' + r.workflow_id + ' (' + r.pair + ' ' + r.timeframe + ', ' + r.strategy + ').';
    await refresh();
  } catch (e) {
    msg.className = 'msg err';
    msg.textContent = 'Refused: ' + e.message;
  } finally {
    form.querySelector('button').disabled = false;
  }
}

function progress(r) {
  if (r.fraction === null || r.fraction === undefined) return r.status === 'RUNNING' ? 'starting' : '–';
  return el('span', {}, el('span', { class: 'bar' }, el('span', { style: 'width:' + Math.round(r.fraction * 100) + '%' })),
    ' ' + Math.round(r.fraction * 100) + ' %');
}

export async function refresh() {
  const b = await get('/api/backtests');
  table(document.getElementById('b-list'), [
    { label: 'Backtest', id: true, cell: r => r.workflow_id },
    { label: 'Status', cell: r => r.status, cls: r => r.status === 'DONE' ? 'pos' : r.status === 'RUNNING' ? '' : 'neg' },
    { label: 'Pair', cell: r => r.pair || '–' },
    { label: 'Timeframe', cell: r => r.timeframe },
    { label: 'Strategy', cell: r => r.strategy },
    { label: 'Progress', cell: progress },
    { label: 'Trades', num: true, cell: r => r.summary ? String(r.summary.trades) : '–' },
    { label: 'Final equity', num: true, cell: r => r.summary ? money(r.summary.final_equity) : '–' },
    { label: 'Return', num: true, cell: r => r.summary ? pct(r.summary.total_return) : '–' },
    { label: 'Max drawdown', num: true, cell: r => r.summary ? pct(r.summary.max_drawdown) : '–' },
    { label: 'Report', cell: r => r.report_url ? el('a', { href: r.report_url, target: '_blank', rel: 'noopener' }, 'report.html')
      : (r.error_code ? r.error_code + ': ' + (r.error_message || '') : '–') },
  ], b.backtests, 'no backtest yet');
  const running = b.backtests.some(r => r.status === 'RUNNING');
  return (await sweeps().catch(() => false)) || running;
}

// Sweeps (run_sweep, backtest sweep --temporal): state and progress from the sweep store; the stored
// result (ranked table, walk-forward windows) at /api/sweeps/<id>.
async function sweeps() {
  const s = await get('/api/sweeps');
  table(document.getElementById('b-sweeps'), [
    { label: 'Sweep', id: true, cell: r => r.sweep_id },
    { label: 'State', cell: r => r.state, cls: r => r.state === 'DONE' ? 'pos' : r.state === 'FAILED' ? 'neg' : '' },
    { label: 'Metric', cell: r => r.metric },
    { label: 'Progress', cell: r => progress({ status: r.state === 'DONE' ? 'DONE' : 'RUNNING',
      fraction: r.runs_total ? r.runs_done / r.runs_total : null }) },
    { label: 'Runs', num: true, cell: r => r.runs_done + ' / ' + r.runs_total },
    { label: 'Started (UTC)', cell: r => r.created_at.replace('T', ' ').slice(0, 19) },
    { label: 'Result', cell: r => r.state === 'DONE' ? el('a', { href: '/api/sweeps/' + encodeURIComponent(r.sweep_id),
      target: '_blank', rel: 'noopener' }, 'ranked table (JSON)') : (r.error_code || '–') },
  ], s.sweeps, 'no sweep yet (MCP run_sweep, or backtest sweep --temporal)');
  return s.sweeps.some(r => r.state === 'RUNNING' || r.state === 'STARTED');
}
