// The dashboard shell: pages by URL hash, component health in the header, one ticker socket.
import { get } from './api.js';
import { connect } from './ticker.js';
import * as markets from './markets.js';
import * as trading from './trading.js';
import * as backtests from './backtests.js';
import * as agents from './agents.js';
import * as chat from './chat.js';

const pages = ['markets', 'trading', 'backtests', 'agents'];
let current = null;

function show() {
  const page = pages.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'markets';
  current = page;
  for (const p of pages) {
    document.getElementById('page-' + p).classList.toggle('active', p === page);
    document.querySelector('nav a[data-page="' + p + '"]').classList.toggle('active', p === page);
  }
  if (page === 'markets') markets.shown();
  if (page === 'trading') { trading.shown(); trading.refresh().catch(report); }
  if (page === 'backtests') backtests.refresh().catch(report);
  if (page === 'agents') { chat.open().catch(report); agents.refresh().catch(report); }
}

function report(e) {
  const h = document.getElementById('health');
  h.textContent = 'error: ' + e.message;
  h.className = 'pill bad';
}

async function health() {
  try {
    const r = await fetch('/health', { credentials: 'same-origin' });
    const body = await r.json();
    const h = document.getElementById('health');
    h.textContent = 'health: ' + body.status;
    h.className = 'pill ' + (body.status === 'UP' ? 'ok' : 'bad');
    agents.render(body);
  } catch (e) {
    report(e);
  }
}

async function start() {
  const m = await get('/api/markets');
  connect(m.symbols);
  trading.init();
  backtests.init(m);
  chat.init();
  agents.init();
  window.addEventListener('hashchange', show);
  show();
  await markets.init(m);
  health();
  setInterval(health, 5000);
  setInterval(() => { if (current === 'trading') trading.refresh().catch(report); }, 3000);
  setInterval(() => { if (current === 'backtests') backtests.refresh().catch(report); }, 2000);
  setInterval(() => { if (current === 'agents') agents.refresh().catch(report); }, 3000);
}

start().catch(report);
