// Markets: candlesticks per symbol and timeframe from the features' candle history, the open candle
// moved by live ticks, and the ledger's fills as markers.
import { get } from './api.js';
import { onTick } from './ticker.js';
import { el, money, qty, table, time, shortTime, seconds } from './format.js';

const state = { symbol: null, timeframe: null, candles: [], fills: [], quotes: {}, chart: null, dirty: false };

export async function init(markets) {
  const sym = document.getElementById('m-symbol');
  const tf = document.getElementById('m-timeframe');
  markets.symbols.forEach(s => sym.append(el('option', { value: s }, s)));
  markets.timeframes.forEach(t => tf.append(el('option', { value: t }, t)));
  state.symbol = markets.symbols[0];
  state.timeframe = markets.timeframes[0];
  sym.onchange = () => { state.symbol = sym.value; load(); };
  tf.onchange = () => { state.timeframe = tf.value; load(); };
  state.chart = echarts.init(document.getElementById('m-chart'), 'dark', { renderer: 'canvas' });
  window.addEventListener('resize', () => state.chart.resize());
  onTick(tick);
  setInterval(() => { if (state.dirty) { state.dirty = false; draw(); } }, 500);
  setInterval(loadFills, 5000);
  await load();
}

export function shown() {
  state.chart && state.chart.resize();
}

async function load() {
  const h = await get('/api/candles?symbol=' + encodeURIComponent(state.symbol) + '&timeframe=' + state.timeframe + '&limit=300');
  state.candles = h.candles.map(c => ({ t: Date.parse(c.start), o: c.open, h: c.high, l: c.low, c: c.close, v: c.volume }));
  if (h.open) add(Date.parse(h.open.start), h.open);
  state.zoomReset = true;
  await loadFills();
  draw();
}

async function loadFills() {
  const f = await get('/api/fills?limit=200&symbol=' + encodeURIComponent(state.symbol));
  state.fills = f.fills.map(x => x.fill);
  table(document.getElementById('m-fills'), [
    { label: 'Time (UTC)', cell: r => time(r.time) },
    { label: 'Side', cell: r => r.side, cls: r => r.side === 'BUY' ? 'pos' : 'neg' },
    { label: 'Quantity', num: true, cell: r => qty(r.qty) },
    { label: 'Price (USD)', num: true, cell: r => money(r.price) },
    { label: 'Fee (USD)', num: true, cell: r => money(r.fee) },
  ], state.fills.slice(0, 12), 'no fills yet');
  state.dirty = true;
}

function add(t, c) {
  state.candles.push({ t, o: c.open, h: c.high, l: c.low, c: c.close, v: c.volume });
}

/** A tick moves the open candle of the shown symbol, or opens the next one. */
function tick(m) {
  state.quotes[m.symbol] = m;
  quotes();
  if (m.symbol !== state.symbol) return;
  document.getElementById('m-last').textContent = m.symbol + '  ' + money(m.price) + ' USD';
  const span = seconds(state.timeframe) * 1000;
  const bucket = Math.floor(Date.parse(m.time) / span) * span;
  const last = state.candles[state.candles.length - 1];
  if (last && last.t === bucket) {
    last.h = Math.max(last.h, m.price); last.l = Math.min(last.l, m.price); last.c = m.price; last.v += m.size;
  } else if (!last || bucket > last.t) {
    state.candles.push({ t: bucket, o: m.price, h: m.price, l: m.price, c: m.price, v: m.size });
    if (state.candles.length > 400) state.candles.shift();
  }
  state.dirty = true;
}

function quotes() {
  table(document.getElementById('m-quotes'), [
    { label: 'Symbol', cell: r => r.symbol },
    { label: 'Price (USD)', num: true, cell: r => money(r.price) },
    { label: 'Bid', num: true, cell: r => money(r.bid) },
    { label: 'Ask', num: true, cell: r => money(r.ask) },
    { label: 'Size', num: true, cell: r => qty(r.size) },
    { label: 'Time (UTC)', cell: r => time(r.time) },
  ], Object.values(state.quotes), 'waiting for ticks');
}

function markers() {
  const span = seconds(state.timeframe) * 1000;
  const known = new Set(state.candles.map(c => String(c.t)));
  return state.fills.map(f => {
    const bucket = String(Math.floor(Date.parse(f.time) / span) * span);
    if (!known.has(bucket)) return null;
    const buy = f.side === 'BUY';
    return { coord: [bucket, f.price], value: (buy ? 'B ' : 'S ') + qty(f.qty), symbol: buy ? 'triangle' : 'pin',
      symbolRotate: buy ? 0 : 180, symbolSize: 14, itemStyle: { color: buy ? '#26a69a' : '#ef5350' },
      label: { show: false } };
  }).filter(Boolean);
}

function draw() {
  const cats = state.candles.map(c => String(c.t));
  state.chart.setOption({
    backgroundColor: 'transparent',
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'cross' },
      formatter: p => { const c = state.candles[p[0].dataIndex]; return c ? time(c.t) + ' UTC<br>O ' + money(c.o) + ' H ' + money(c.h)
        + '<br>L ' + money(c.l) + ' C ' + money(c.c) + '<br>Vol ' + qty(c.v) : ''; } },
    grid: [{ left: 70, right: 20, top: 20, height: '68%' }, { left: 70, right: 20, top: '80%', height: '14%' }],
    xAxis: [
      { type: 'category', data: cats, axisLabel: { formatter: v => shortTime(Number(v)) }, boundaryGap: true },
      { type: 'category', gridIndex: 1, data: cats, axisLabel: { show: false } },
    ],
    yAxis: [
      { scale: true, name: 'USD', axisLabel: { formatter: v => money(v) }, splitLine: { lineStyle: { color: '#243040' } } },
      { gridIndex: 1, scale: true, name: 'vol', axisLabel: { formatter: v => qty(v) }, splitLine: { show: false } },
    ],
    series: [
      { name: state.symbol, type: 'candlestick', data: state.candles.map(c => [c.o, c.c, c.l, c.h]),
        itemStyle: { color: '#26a69a', color0: '#ef5350', borderColor: '#26a69a', borderColor0: '#ef5350' },
        markPoint: { data: markers() } },
      { name: 'volume', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: state.candles.map(c => c.v),
        itemStyle: { color: '#3b4a5e' } },
    ],
  }, { replaceMerge: ['series'] });
  if (state.zoomReset) {
    state.zoomReset = false;
    state.chart.setOption({ dataZoom: [{ type: 'inside', xAxisIndex: [0, 1], start: 40, end: 100 }] });
  }
}
