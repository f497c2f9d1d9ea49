// Interop check of the official TypeScript MCP SDK against the Trading Stack MCP server.
// Usage: node interop.mjs <base-url> [bearer-token]
// Prints one JSON object (the observations) on stdout; exits non-zero on any protocol failure.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl) {
  console.error("usage: node interop.mjs <base-url> [bearer-token]");
  process.exit(2);
}

const requestInit = token ? { headers: { Authorization: `Bearer ${token}` } } : undefined;
const transport = new StreamableHTTPClientTransport(new URL("/mcp", baseUrl), { requestInit });
const client = new Client({ name: "ts-sdk-interop", version: "1.0.0" });

async function call(name, args = {}) {
  const result = await client.callTool({ name, arguments: args });
  return { isError: result.isError === true, structured: result.structuredContent ?? null,
           text: result.content?.[0]?.text ?? null };
}

const out = { sdk: "@modelcontextprotocol/sdk", steps: {} };
try {
  await client.connect(transport);
  out.sessionId = transport.sessionId ?? null;
  out.serverVersion = client.getServerVersion();
  const tools = await client.listTools();
  out.tools = tools.tools.map((t) => t.name).sort();
  await client.ping();
  out.steps.ping = true;

  if (out.tools.includes("get_portfolio_status")) {
    out.steps.portfolioBefore = await call("get_portfolio_status");
  }
  if (out.tools.includes("place_mock_order")) {
    out.steps.order = await call("place_mock_order", {
      orders: [{ symbol: "BTC-USD", side: "BUY", qty: 0.01, type: "market" }],
    });
  }
  if (out.tools.includes("get_transaction_history")) {
    // the ledger records a fill asynchronously after the order workflow returns: poll, bounded
    const orderId = out.steps.order?.structured?.fills?.[0]?.order_id;
    const deadline = Date.now() + 20000;
    do {
      out.steps.history = await call("get_transaction_history", { limit: 10 });
      if (!orderId || out.steps.history.structured?.transactions?.some((t) => t.order_id === orderId)) break;
      await new Promise((r) => setTimeout(r, 200));
    } while (Date.now() < deadline);
  }
  if (out.tools.includes("get_user_preferences")) {
    out.steps.preferences = await call("get_user_preferences");
  }
  await transport.terminateSession();
  out.terminated = true;
  await client.close();
  console.log(JSON.stringify(out));
} catch (err) {
  out.error = String(err?.stack ?? err);
  console.log(JSON.stringify(out));
  process.exit(1);
}
