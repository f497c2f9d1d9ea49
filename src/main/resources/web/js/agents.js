// Agents: what runs today (LLM usage per agent from /health, the components); the execution agent's
// decisions and the judge's evaluations fill their panels when those agents are deployed.
import { el, money, table } from './format.js';

export function render(health) {
  const comps = Object.entries(health.components || {});
  table(document.getElementById('a-components'), [
    { label: 'Component', cell: r => r[0] },
    { label: 'Status', cell: r => r[1].status, cls: r => r[1].status === 'UP' ? 'pos' : 'neg' },
    { label: 'Detail', cell: r => r[1].error || r[1].location || r[1].provider || '' },
  ], comps);
  const llm = health.components && health.components.llm;
  const msg = document.getElementById('a-llm-msg');
  if (!llm || !llm.usage) {
    table(document.getElementById('a-llm'), [{ label: 'Agent', cell: r => r }], [], 'not available on this node');
    msg.textContent = '';
    return;
  }
  const u = llm.usage;
  msg.textContent = 'Provider ' + u.provider + ', model ' + u.model + (u.endpoint ? ' at ' + u.endpoint : '') + '.';
  table(document.getElementById('a-llm'), [
    { label: 'Agent', cell: r => r.agent },
    { label: 'Calls', num: true, cell: r => String(r.calls) + ' / ' + r.maxCalls },
    { label: 'Cache hits', num: true, cell: r => String(r.cacheHits) },
    { label: 'Refused', num: true, cell: r => String(r.refused) },
    { label: 'Input tokens', num: true, cell: r => String(r.inputTokens) },
    { label: 'Output tokens', num: true, cell: r => String(r.outputTokens) },
    { label: 'Cost (USD)', num: true, cell: r => money(r.costUsd) },
  ], u.agents || [], 'no LLM call today');
}
