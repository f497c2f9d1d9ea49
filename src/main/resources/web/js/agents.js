// Agents: LLM usage per agent (from /health) and the components; the execution agent (state,
// pause/resume, decisions), the judge (trend, evaluate now, evaluations), the execution prompt's
// versions with their diffs and rollback, the risk adjustments in force. Writes go through the same
// paths as the MCP tools set_execution_agent, trigger_performance_evaluation and rollback_prompt.
import { get, post } from './api.js';
import { el, money, table, time } from './format.js';

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

export function init() {
  document.getElementById('x-toggle').addEventListener('click', toggle);
  document.getElementById('j-evaluate').addEventListener('click', evaluate);
  document.getElementById('x-acted').addEventListener('change', () => guard(decisions, 'x-decisions-msg'));
}

/** Every panel on its own: one that is not available on this node says so and the others still show. */
export async function refresh() {
  await Promise.all([
    guard(execution, 'x-msg'), guard(decisions, 'x-decisions-msg'), guard(evaluations, 'j-evaluations-msg'),
    guard(prompts, 'p-msg'), guard(adjustments, 'r-multipliers')]);
}

async function guard(panel, msgId) {
  try {
    await panel();
  } catch (e) {
    say(msgId, 'Not available: ' + e.message, true);
  }
}

function say(id, text, error = false) {
  const m = document.getElementById(id);
  m.className = 'msg' + (error ? ' err' : '');
  m.textContent = text;
}

function stat(label, value, cls = '') {
  return el('div', { class: 'stat' }, el('div', { class: 'label' }, label), el('div', { class: 'value ' + cls }, value));
}

function replaceIfChanged(box, key, build) {
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  box.replaceChildren(...build());
}

let agentState = null;

async function execution() {
  const s = await get('/api/agents/execution');
  agentState = s;
  const state = !s.running ? 'not running' : !s.loaded ? 'starting' : s.paused ? 'paused' : 'running';
  replaceIfChanged(document.getElementById('x-state'), JSON.stringify(s), () => [
    stat('State', state, s.running && !s.paused ? 'pos' : 'neg'),
    stat('Mode', s.mode || '–'),
    stat('Provider', s.provider || '–'),
    stat('Prompt version', s.prompt_version ? 'v' + s.prompt_version : '–'),
    stat('Last nudge (UTC)', s.last_nudge_at ? time(s.last_nudge_at).slice(11) : '–'),
    stat('Nudges / decisions', s.running ? s.seq + ' / ' + s.decisions : '–')]);
  const b = document.getElementById('x-toggle');
  const pause = s.running && !s.paused;
  b.textContent = pause ? 'Pause' : 'Resume';
  b.dataset.action = pause ? 'pause' : 'resume';
  b.className = pause ? 'danger' : '';
  b.disabled = false;
  if (s.prompt_problem) say('x-msg', 'Prompt store refused the last prompt signal: ' + s.prompt_problem, true);
}

async function toggle(ev) {
  const b = ev.target;
  const action = b.dataset.action;
  b.disabled = true;
  try {
    await post('/api/agents/execution/' + action);
    say('x-msg', action === 'pause' ? 'Pause sent: no observation, no order until resumed.' : 'Resume sent: the agent decides at once.');
  } catch (e) {
    say('x-msg', action + ' refused: ' + e.message, true);
  }
  setTimeout(() => guard(execution, 'x-msg'), 500);
}

function intent(i) {
  return i.side + ' ' + i.qty + ' ' + i.symbol + (i.stop_price ? ' stop ' + money(i.stop_price) : '');
}

function verdict(v) {
  return v.status + (v.code ? ' ' + v.code : '') + (v.duplicate ? ' (original)' : '');
}

async function decisions() {
  const r = await get('/api/agents/decisions?limit=100');
  const acted = document.getElementById('x-acted').checked;
  const rows = r.decisions.filter(d => !acted || d.decided_by !== 'skipped').slice(0, 15);
  table(document.getElementById('x-decisions'), [
    { label: 'Time (UTC)', cell: d => time(d.decided_at) },
    { label: 'Symbol', cell: d => d.symbol },
    { label: 'Gate reason', cell: d => d.gate_reason, cls: () => 'gate' },
    { label: 'Decided by', cell: d => d.decided_by + (d.fallback ? ' (' + d.fallback + ')' : '') },
    { label: 'Intents', cell: d => d.intents.length ? d.intents.map(intent).join('; ') : 'none', cls: () => 'wrap' },
    { label: 'Risk verdicts', cell: d => d.verdicts.length ? d.verdicts.map(verdict).join('; ') : '–',
      cls: d => d.verdicts.some(v => v.status === 'REJECTED') ? 'neg wrap' : 'wrap' },
    { label: 'Orders', cell: d => d.order_ids.join(', ') || '–' },
    { label: 'Outcome', cell: d => d.outcome || '–' },
    { label: 'Prompt', num: true, cell: d => 'v' + d.prompt_version },
    { label: 'Decision', id: true, cell: d => d.id },
  ], rows, acted ? 'none of the latest 100 decisions got past the gate' : 'no decision yet');
  say('x-decisions-msg', '');
}

async function evaluate(ev) {
  const b = ev.target;
  b.disabled = true;
  try {
    const a = await post('/api/judge/evaluate', { force: false });
    say('j-msg', (a.triggered ? 'Queued: the evaluation appears below.' : 'Skipped: ' + a.reason + '.')
      + ' ' + a.evaluations_today + ' of ' + a.max_per_day + ' evaluations today.');
  } catch (e) {
    say('j-msg', 'Evaluation refused: ' + e.message, true);
  }
  b.disabled = false;
  setTimeout(() => guard(evaluations, 'j-evaluations-msg'), 1000);
}

function score(v) {
  return v === null || v === undefined ? '–' : Number(v).toFixed(1);
}

async function evaluations() {
  const r = await get('/api/judge/evaluations?limit=20');
  const t = r.trend || {};
  replaceIfChanged(document.getElementById('j-trend'), JSON.stringify(t), () => [
    stat('Trend', (t.trend || '–').replace('_', ' '), t.trend === 'improving' ? 'pos' : t.trend === 'declining' ? 'neg' : ''),
    stat('Average score', score(t.avg_score)),
    stat('Change (points)', t.improvement === null || t.improvement === undefined ? '–'
      : (t.improvement > 0 ? '+' : '') + score(t.improvement)),
    stat('Evaluations', String(t.evaluations_count ?? 0))]);
  table(document.getElementById('j-evaluations'), [
    { label: 'Time (UTC)', cell: e => time(e.evaluated_at) },
    { label: 'Score', num: true, cell: e => score(e.score) },
    { label: 'Trigger', cell: e => e.trigger.replace('_', ' ') },
    { label: 'Window', num: true, cell: e => e.window_days + ' d' },
    { label: 'Components', cls: () => 'wrap', cell: e => Object.entries(e.components)
      .map(([k, v]) => k.replace('_', ' ') + ' ' + score(v)).join(' · ') || '–' },
    { label: 'Prompt', num: true, cell: e => e.prompt_version ? 'v' + e.prompt_version : '–' },
    { label: 'Actions', cls: () => 'wrap', cell: e => e.actions.map(a => a.kind.replace('_', ' ')
      + (a.version ? ' v' + a.version : '') + (a.code ? ' (' + a.code + ')' : '')).join(', ') || 'none' },
    { label: 'Evaluation', id: true, cell: e => e.id },
  ], r.evaluations, 'no evaluation yet');
  say('j-evaluations-msg', '');
}

function diff(text) {
  if (!text) return el('p', { class: 'note' }, 'first version: no diff');
  const lines = text.split('\n').map(l => el('span', {
    class: l.startsWith('@@') ? 'hunk' : l.startsWith('+') && !l.startsWith('+++') ? 'add'
      : l.startsWith('-') && !l.startsWith('---') ? 'del' : '' }, l + '\n'));
  return el('pre', { class: 'diff' }, ...lines);
}

async function prompts() {
  const h = await get('/api/prompts?limit=20');
  const current = h.current ? h.current.version : null;
  replaceIfChanged(document.getElementById('p-versions'), JSON.stringify([current, h.versions.map(v => v.version)]), () =>
    h.versions.length ? h.versions.map(v => el('div', { class: 'version', 'data-version': String(v.version) },
      el('div', { class: 'head' },
        el('strong', {}, 'v' + v.version),
        v.version === current ? el('span', { class: 'tag' }, 'in force') : '',
        el('span', {}, v.author + ' · ' + time(v.created_at) + (v.score !== null ? ' · score ' + score(v.score) : '')),
        el('span', { class: 'muted' }, v.reason),
        current !== null && v.version < current
          ? el('button', { class: 'danger', 'data-rollback': String(v.version), onclick: ev => rollback(ev.target, v.version) }, 'Rollback')
          : ''),
      diff(v.diff))) : [el('p', { class: 'msg' }, 'no version yet: the execution agent stores v1 when it first runs')]);
}

async function rollback(button, version) {
  button.disabled = true;
  try {
    const r = await post('/api/prompts/rollback', { version, reason: 'rolled back from the dashboard' });
    say('p-msg', 'Rollback to v' + r.version + ' sent (v' + (r.previous_version ?? '–') + ' was in force).');
  } catch (e) {
    say('p-msg', 'Rollback refused: ' + e.message, true);
    button.disabled = false;
  }
  setTimeout(() => guard(prompts, 'p-msg'), 1000);
}

function until(a) {
  if (a.expires_at) return time(a.expires_at);
  return a.until_winning_days ? 'after ' + a.until_winning_days + ' winning days' : 'no end';
}

async function adjustments() {
  const r = await get('/api/risk/adjustments?limit=100');
  const symbols = Object.entries(r.symbols || {}).map(([s, m]) => s + ' ×' + m).join(', ');
  say('r-multipliers', 'Multipliers of the percentage limits now: global ×' + r.global + (symbols ? '; ' + symbols : '')
    + ' (clamped to ×' + r.min + '–×' + r.max + ').');
  table(document.getElementById('r-adjustments'), [
    { label: 'Scope', cell: a => a.scope === 'SYMBOL' ? a.symbol : 'all symbols' },
    { label: 'Multiplier', num: true, cell: a => '×' + a.multiplier + (Number(a.requested) !== Number(a.multiplier) ? ' (asked ×' + a.requested + ')' : '') },
    { label: 'Reason', cls: () => 'wrap', cell: a => a.reason },
    { label: 'By', cell: a => a.author },
    { label: 'Since (UTC)', cell: a => time(a.created_at) },
    { label: 'Until (UTC)', cell: until },
  ], r.in_force, 'none in force: the limits apply as configured');
}
