// One get_portfolio_status exchange on the wire, as the official TypeScript SDK client makes it
// (same headers), printed raw: what a server sends back for initialize and tools/call (status line,
// headers, body bytes). The benchmark records it for both servers so their answers can be compared
// byte for byte. Usage: node exchange.mjs <base-url>   Prints one JSON line.
import http from "node:http";

const base = new URL("/mcp", process.argv[2]);
const version = "2025-06-18";

function post(body, session) {
  const headers = { "content-type": "application/json", accept: "application/json, text/event-stream",
    "mcp-protocol-version": version };
  if (session) headers["mcp-session-id"] = session;
  return new Promise((resolve, reject) => {
    const req = http.request(base, { method: "POST", headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.rawHeaders, header_bytes: res.rawHeaders.join(": ").length,
          body_bytes: raw.length, body: raw.toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

const init = await post({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: version,
  capabilities: {}, clientInfo: { name: "exchange", version: "1.0.0" } } });
const session = init.headers[init.headers.findIndex((h) => h.toLowerCase() === "mcp-session-id") + 1];
const initialized = await post({ jsonrpc: "2.0", method: "notifications/initialized" }, session);
const call = await post({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "get_portfolio_status",
  arguments: {} } }, session);
console.log(JSON.stringify({ initialized_status: initialized.status, call }));
