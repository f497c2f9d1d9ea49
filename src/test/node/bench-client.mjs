// Closed-loop load of get_portfolio_status from N sessions of the official TypeScript SDK client
// (one call in flight per session), optionally spread over P node processes so that the client
// is not the bottleneck. Usage:
//   node bench-client.mjs <base-url> <sessions> <measure-s> <warmup-s> [processes] [bearer-token]
// Prints "mark start" and "mark end" when the measuring window opens and closes (so the caller can
// read the server's CPU time over the window alone), then one JSON line: {calls, seconds,
// calls_per_second, p50_ms, p90_ms, p99_ms, errors, all_calls, window_cpu_ms} (all_calls counts
// the warm-up too; window_cpu_ms is the CPU time, user + system, of every client process inside
// the measuring window).
import { fork } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, sessionsArg, measureArg, warmupArg, procsArg, token] = process.argv.slice(2);
const sessions = Number(sessionsArg ?? 32);
const measure = Number(measureArg ?? 20);
const warmup = Number(warmupArg ?? 5);
const procs = Number(procsArg ?? 1);

async function load(n, startAt, endAt) {
  const requestInit = token ? { headers: { Authorization: `Bearer ${token}` } } : undefined;
  const clients = [];
  for (let i = 0; i < n; i++) {
    const c = new Client({ name: `bench-${process.pid}-${i}`, version: "1.0.0" });
    await c.connect(new StreamableHTTPClientTransport(new URL("/mcp", url), { requestInit }));
    clients.push(c);
  }
  const latencies = [];
  let errors = 0;
  let calls = 0;
  let cpuAtStart;
  let windowCpuMs = 0;
  setTimeout(() => { cpuAtStart = process.cpuUsage(); }, startAt - Date.now());
  setTimeout(() => { const d = process.cpuUsage(cpuAtStart); windowCpuMs = (d.user + d.system) / 1000; }, endAt - Date.now());
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now() - warmup * 1000)));
  await Promise.all(clients.map(async (c) => {
    while (Date.now() < endAt) {
      const t0 = performance.now();
      try {
        const r = await c.callTool({ name: "get_portfolio_status", arguments: {} });
        if (r.isError) errors++;
      } catch {
        errors++;
      }
      calls++;
      const now = Date.now();
      if (now >= startAt && now < endAt) latencies.push(performance.now() - t0);
    }
  }));
  while (windowCpuMs === 0 && Date.now() < endAt + 1000) await new Promise((r) => setTimeout(r, 10));
  await Promise.all(clients.map((c) => c.close()));
  return { latencies, errors, calls, windowCpuMs };
}

function pct(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null;
}

if (process.argv.includes("--child")) {
  process.on("message", async ({ n, startAt, endAt }) => {
    const r = await load(n, startAt, endAt);
    process.send(r, () => process.exit(0));
  });
} else {
  const startAt = Date.now() + 3000 + warmup * 1000;
  const endAt = startAt + measure * 1000;
  setTimeout(() => console.log("mark start"), startAt - Date.now());
  setTimeout(() => console.log("mark end"), endAt - Date.now());
  let results;
  if (procs <= 1) {
    results = [await load(sessions, startAt, endAt)];
  } else {
    const per = Math.ceil(sessions / procs);
    results = await Promise.all(Array.from({ length: procs }, (_, i) => new Promise((resolve, reject) => {
      const child = fork(new URL(import.meta.url).pathname, [url, "0", String(measure), String(warmup), "1",
        token ?? "", "--child"]);
      child.on("message", resolve);
      child.on("error", reject);
      child.send({ n: Math.min(per, sessions - i * per), startAt, endAt });
    })));
  }
  const all = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const errors = results.reduce((s, r) => s + r.errors, 0);
  const allCalls = results.reduce((s, r) => s + r.calls, 0);
  const windowCpuMs = results.reduce((s, r) => s + r.windowCpuMs, 0);
  console.log(JSON.stringify({ calls: all.length, seconds: measure, calls_per_second: all.length / measure,
    p50_ms: pct(all, 0.5), p90_ms: pct(all, 0.9), p99_ms: pct(all, 0.99), errors, all_calls: allCalls, window_cpu_ms: windowCpuMs, sessions, processes: procs }));
}
