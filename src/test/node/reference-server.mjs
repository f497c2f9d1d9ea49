// The benchmark's reference: an MCP server built on the official TypeScript SDK (McpServer +
// StreamableHTTPServerTransport, one session per client, JSON responses) whose get_portfolio_status
// answers a constant portfolio of the same shape and size as the Trading Stack's.
// Usage: node reference-server.mjs <port>   (prints "listening <port>" when ready)
import http from "node:http";
import { randomUUID } from "node:crypto";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";

const port = Number(process.argv[2] ?? 0);
const detail = { quantity: 0.01, entry_price: 29652.15867, current_price: 29637.335, price_time: "2026-12-02T05:48:25.789Z",
  price_age_seconds: 0, price_source: "live_feed", price_is_live: true, price_note: null, entry_value: 296.5215867,
  current_value: 296.37335, position_pnl: -0.1482367, position_pnl_pct: -0.05 };
const PORTFOLIO = {
  cash: 99701.69928377, positions: { "BTC-USD": 0.01 }, entry_prices: { "BTC-USD": 29652.15867 },
  position_details: { "BTC-USD": detail }, total_position_value: 296.37335, total_portfolio_value: 99998.07263377,
  funding: 100000, realized_pnl: 0, unrealized_pnl: -0.1482367, fees_paid: 1.77912953, total_pnl_gross: -0.1482367,
  total_pnl: -1.92736623, pnl: -1.92736623, scraped_profits: 0, available_cash: 99701.69928377, total_cash_value: 99701.69928377,
  price_data_quality: { live_prices_used: 1, total_positions: 1, using_stale_fallback: false, price_fetch_errors: 0 },
  live_prices_used: 1, quote_currency: "USD", as_of: "2026-12-02T05:48:25.812Z", ledger_as_of: "2026-12-02T05:48:25Z",
  rejected_fills: [], status: "ok",
};
const TEXT = JSON.stringify(PORTFOLIO);
const transports = new Map();

function session() {
  const server = new McpServer({ name: "reference-portfolio", version: "1.0.0" });
  server.registerTool("get_portfolio_status", { description: "A constant portfolio." },
    async () => ({ content: [{ type: "text", text: TEXT }], structuredContent: PORTFOLIO }));
  return server;
}

function body(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined));
    req.on("error", reject);
  });
}

const httpServer = http.createServer(async (req, res) => {
  try {
    if (!req.url.startsWith("/mcp")) {
      res.writeHead(404).end();
      return;
    }
    const parsed = req.method === "POST" ? await body(req) : undefined;
    const id = req.headers["mcp-session-id"];
    let transport = id ? transports.get(id) : undefined;
    if (!transport) {
      if (req.method !== "POST" || !isInitializeRequest(parsed)) {
        res.writeHead(id ? 404 : 400, { "Content-Type": "application/json" }).end('{"error":"no session"}');
        return;
      }
      transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), enableJsonResponse: true,
        onsessioninitialized: (sid) => transports.set(sid, transport) });
      transport.onclose = () => transport.sessionId && transports.delete(transport.sessionId);
      await session().connect(transport);
    }
    await transport.handleRequest(req, res, parsed);
  } catch (err) {
    if (!res.headersSent) res.writeHead(500).end(String(err));
  }
});
httpServer.keepAliveTimeout = 60000;
httpServer.listen(port, "127.0.0.1", () => console.log(`listening ${httpServer.address().port}`));
