// Contract check of every MCP tool through the official TypeScript SDK client.
// Usage: node contract.mjs <base-url> [bearer-token]
// Calls every listed tool, validates each result (success or error) against the tool's declared
// outputSchema with ajv (the SDK client validates successes too), and looks for serializer
// artefacts ({"map":…}, {"list":…}, "empty" flags). Prints one JSON object on stdout.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl) {
  console.error("usage: node contract.mjs <base-url> [bearer-token]");
  process.exit(2);
}
const requestInit = token ? { headers: { Authorization: `Bearer ${token}` } } : undefined;
const transport = new StreamableHTTPClientTransport(new URL("/mcp", baseUrl), { requestInit });
const client = new Client({ name: "ts-sdk-contract", version: "1.0.0" });
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

const out = { tools: {}, calls: {}, problems: [] };
const validators = {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Serializer artefacts: an object that is only a wrapper ({map}, {list}) or carries an "empty" flag beside one. */
function wrappers(value, path = "$", found = []) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => wrappers(v, `${path}[${i}]`, found));
  } else if (value && typeof value === "object") {
    const keys = Object.keys(value);
    if ((keys.includes("map") || keys.includes("list")) && (keys.length === 1 || keys.includes("empty"))) {
      found.push(path);
    }
    for (const k of keys) wrappers(value[k], `${path}.${k}`, found);
  }
  return found;
}

/** Calls a tool; records the result, its schema check and any wrapper. A protocol failure is a problem. */
async function call(name, args = {}, label = name) {
  let result;
  try {
    result = await client.callTool({ name, arguments: args });
  } catch (err) {
    out.problems.push(`${label}: ${String(err?.message ?? err)}`);
    out.calls[label] = { tool: name, thrown: String(err?.message ?? err) };
    return null;
  }
  const structured = result.structuredContent ?? null;
  const validate = validators[name];
  const valid = validate ? validate(structured) : false;
  const text = result.content?.[0]?.text ?? "";
  let textJson = null;
  try { textJson = JSON.parse(text); } catch { /* error results render as one line */ }
  const found = [...wrappers(structured), ...(textJson ? wrappers(textJson, "text") : [])];
  out.calls[label] = {
    tool: name, isError: result.isError === true, valid, errors: valid ? null : ajv.errorsText(validate?.errors),
    wrappers: found, error: structured?.error ?? null, code: structured?.code ?? null, structured,
  };
  if (!valid) out.problems.push(`${label}: result does not match its outputSchema: ${ajv.errorsText(validate?.errors)}`);
  if (found.length) out.problems.push(`${label}: serializer wrappers at ${found.join(", ")}`);
  return out.calls[label];
}

try {
  await client.connect(transport);
  const listed = await client.listTools();
  for (const t of listed.tools) {
    out.tools[t.name] = { outputSchema: !!t.outputSchema, annotations: t.annotations ?? null };
    if (t.outputSchema) validators[t.name] = ajv.compile(t.outputSchema);
    else out.problems.push(`${t.name}: no outputSchema`);
  }
  await call("subscribe_cex_stream", { symbols: ["BTC-USD", "ETH-USD"] });
  await call("start_market_stream", { symbols: ["BTC-USD", "ETH-USD"], load_historical: true });
  await call("get_historical_ticks", { symbol: "BTC-USD" });
  await call("update_market_cache", { symbol: "BTC-USD", timeframe: "1m", limit: 30 });
  await call("list_technical_metrics");
  await call("compute_technical_metrics", { symbol: "BTC-USD", timeframe: "1m", limit: 100, features: ["RSI", "BBANDS"], tail: 5 });
  await call("get_portfolio_status", {}, "get_portfolio_status (empty)");
  const buy = await call("place_mock_order", { orders: [{ symbol: "BTC-USD", side: "BUY", qty: 0.01, type: "market" }] });
  const orderId = buy?.structured?.fills?.[0]?.order_id;
  const deadline = Date.now() + 20000;
  let history;
  do {
    history = await call("get_transaction_history", { limit: 10 });
    if (!orderId || history?.structured?.transactions?.some((t) => t.order_id === orderId)) break;
    await sleep(200);
  } while (Date.now() < deadline);
  const status = await call("get_portfolio_status");
  await call("get_performance_metrics", { window_days: 1 });
  await call("get_risk_metrics");
  await call("get_pnl_status_with_quality");
  await call("set_user_preferences", { preferences: { experience_level: "advanced", risk_tolerance: "high",
    trading_style: "aggressive", profit_scraping_percentage: "15%" } });
  await call("get_user_preferences");
  // the broker chat: a turn asks for a tool call, the client runs it and sends the result back
  const chat = await call("broker_chat", { message: "portfolio" });
  const results = [];
  for (const c of chat?.structured?.tool_calls ?? []) {
    const r = await client.callTool({ name: c.name, arguments: JSON.parse(c.arguments) });
    results.push({ call_id: c.id, content: r.content?.[0]?.text ?? "" });
  }
  await call("broker_chat", { turn_id: chat?.structured?.turn_id ?? "none", tool_results: results }, "broker_chat (tool results)");
  await call("broker_chat", { turn_id: "t0-nothere", tool_results: [{ call_id: "c1", content: "{}" }] },
    "broker_chat (unknown turn)");
  await call("get_broker_transcript", { limit: 4 });
  const price = Number(buy?.structured?.fills?.[0]?.fill_price ?? 0);
  const limitPrice = Math.round(price * 0.9 * 100) / 100;
  const resting = await call("place_mock_order", { orders: [{ symbol: "BTC-USD", side: "BUY", qty: 0.001, type: "limit",
    price: limitPrice }] }, "place_mock_order (resting limit)");
  await call("cancel_order", { order_id: resting?.structured?.orders?.[0]?.order_id ?? "none" });
  await call("cancel_order", { order_id: "ord-unknown" }, "cancel_order (unknown)");
  // Sized from the live equity (the shared test ledger keeps the funding of whichever test created it):
  // a tenth of the equity with its stop near zero risks ~10 % of equity, over the 2 % per-trade cap,
  // while staying inside the exposure caps and the cash.
  const equity = Number(status?.structured?.total_portfolio_value ?? 0);
  const gatedQty = price > 0 ? Math.max(0.0001, Math.floor(equity * 0.1 / price * 10000) / 10000) : 0.5;
  await call("place_mock_order", { orders: [{ symbol: "BTC-USD", side: "BUY", qty: gatedQty, type: "market",
    stop_price: 1 }] }, "place_mock_order (risk gate)");
  await call("get_limit_enforcement");
  await call("get_limit_enforcement", { date: "2020-01-01" }, "get_limit_enforcement (quiet day)");
  await call("get_risk_adjustments", { limit: 10 });
  await call("list_strategy_specs");
  const stored = await call("get_strategy_spec", { market: "BTC-USD" });
  await call("get_strategy_spec", { market: "ETH-USD", timeframe: "1d" }, "get_strategy_spec (none)");
  await call("validate_strategy_spec", { spec: stored?.structured?.spec ?? {} });
  await call("validate_strategy_spec", { spec: { id: "bad", market: "BTC-USD", timeframe: "5m", author: "user",
    triggers: [{ id: "t", category: "trend_continuation", direction: "long", entry_rule: "rsi_14 >> 30" }],
    stop_loss: { type: "pct", value: 2 }, sizing: { rule: "fixed_fraction", fraction: 0.1 } } }, "validate_strategy_spec (invalid)");
  await call("get_llm_usage");
  await call("evaluate_strategy", { market: "BTC-USD", bars: 5 });
  await call("set_execution_agent", { paused: true });
  await call("get_execution_state");
  await call("get_recent_decisions", { limit: 5, symbol: "BTC-USD" });
  await call("get_judge_evaluations", { limit: 5, since_ts: 4102444800 }, "get_judge_evaluations (none yet)");
  await call("trigger_performance_evaluation", { window_days: 1, force: true });
  await call("trigger_performance_evaluation", {}, "trigger_performance_evaluation (again)");
  await call("rollback_prompt", { version: 999999 }, "rollback_prompt (unknown)");
  await call("plan_strategy", { symbol: "ETH-USD", timeframe: "15m", risk_profile: "conservative", notes: "contract" });
  await call("plan_strategy", { symbol: "ETH-USD", timeframe: "2h" }, "plan_strategy (timeframe not computed)");
  await call("send_user_feedback", { target_agent: "strategist", message: "contract test: prefer 15m setups" });
  await call("get_pending_feedback", { target_agent: "strategist" });
  await call("get_prompt_history", { agent: "execution", limit: 5 });
  const started = await call("run_backtest", { pair: "BTC-USD", timeframe: "1h", start: "2023-04-10", end: "2023-04-12" });
  const btDeadline = Date.now() + 120000;
  let bt;
  do {
    bt = await call("get_backtest_result", { workflow_id: started?.structured?.workflow_id ?? "none" });
    if (bt?.structured?.status === "DONE" || bt?.isError) break;
    await sleep(500);
  } while (Date.now() < btDeadline);
  await call("get_backtest_result", { workflow_id: "backtest-mcp-nothere" }, "get_backtest_result (unknown)");
  const sweep = await call("run_sweep", { pair: "BTC-USD", timeframe: "1h", parameters: { rsi_max: [60, 70] } });
  await call("get_sweep_result", { workflow_id: sweep?.structured?.workflow_id ?? "none", wait_seconds: 30 });
  await call("get_sweep_result", { workflow_id: "sweep-mcp-nothere" }, "get_sweep_result (unknown)");
  await call("stop_market_stream");
  await call("place_mock_order", { orders: [{ symbol: "BTC-USD", side: "BUY", qty: 0.01 }] }, "place_mock_order (after stop)");
  await call("start_market_stream", { symbols: ["BTC-USD", "ETH-USD"], load_historical: false }, "start_market_stream (again)");
  await transport.terminateSession();
  await client.close();
} catch (err) {
  out.problems.push(`fatal: ${String(err?.stack ?? err)}`);
}
console.log(JSON.stringify(out));
