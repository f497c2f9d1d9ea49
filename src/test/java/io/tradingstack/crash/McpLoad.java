package io.tradingstack.crash;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several MCP clients (raw Streamable HTTP, one session each) placing small paper orders as fast as
 * the server answers: market buys and sells, resting GTC limits, IOC limits, each with its own
 * client_order_id. Keeps what the server acknowledged (answers received) apart from what was only
 * sent (the answer was lost with the server).
 */
final class McpLoad {
    /** A fill the server answered: the client may rely on it. */
    record AckedFill(String fillId, String orderId, BigDecimal qty, BigDecimal price) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int mcpPort;
    private final int replayPort;
    final Map<String, JsonObject> sent = new ConcurrentHashMap<>();
    final List<AckedFill> ackedFills = new CopyOnWriteArrayList<>();
    final AtomicInteger answered = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    McpLoad(int mcpPort, int replayPort) {
        this.mcpPort = mcpPort;
        this.replayPort = replayPort;
    }

    void start(int clients, String prefix, long seed) {
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> runClient(prefix + "-" + client, new Random(seed * 31 + client)), "mcp-load-" + c);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(20_000);
        }
    }

    private void runClient(String prefix, Random rnd) {
        try {
            String session = initialize(mcpPort);
            Map<String, BigDecimal> mids = Map.of("BTC-USD", mid("BTC-USD"), "ETH-USD", mid("ETH-USD"));
            for (int n = 0; !stop.get(); n++) {
                JsonObject order = nextOrder(rnd, prefix + "-" + n, mids);
                sent.put(order.getString("client_order_id"), order);
                JsonObject answer = callTool(mcpPort, session, "place_mock_order",
                        new JsonObject().put("orders", new JsonArray().add(order)));
                answered.incrementAndGet();
                record(answer);
            }
        } catch (IOException | InterruptedException serverGone) {
            // the server was killed: whatever this client had in flight stays unacknowledged
        }
    }

    private void record(JsonObject result) {
        JsonObject content = result.getJsonObject("structuredContent", new JsonObject());
        for (Object f : content.getJsonArray("fills", new JsonArray())) {
            JsonObject fill = (JsonObject) f;
            ackedFills.add(new AckedFill(fill.getString("fill_id"), fill.getString("order_id"),
                    new BigDecimal(fill.getValue("qty").toString()), new BigDecimal(fill.getValue("fill_price").toString())));
        }
    }

    static JsonObject nextOrder(Random rnd, String coid, Map<String, BigDecimal> mids) {
        String symbol = rnd.nextBoolean() ? "BTC-USD" : "ETH-USD";
        String qty = symbol.equals("BTC-USD") ? "0.001" : "0.01";
        JsonObject o = new JsonObject().put("symbol", symbol).put("qty", new BigDecimal(qty)).put("client_order_id", coid);
        int kind = rnd.nextInt(100);
        BigDecimal mid = mids.get(symbol);
        if (kind < 60) {
            return o.put("side", "BUY").put("type", "market");
        }
        if (kind < 75) {
            return o.put("side", "SELL").put("type", "market");
        }
        if (kind < 90) {
            return o.put("side", "BUY").put("type", "limit").put("time_in_force", "GTC").put("price", price(mid, "0.97"));
        }
        return o.put("side", "BUY").put("type", "limit").put("time_in_force", "IOC").put("price", price(mid, "1.003"));
    }

    private static BigDecimal price(BigDecimal mid, String factor) {
        return mid.multiply(new BigDecimal(factor)).setScale(2, RoundingMode.HALF_EVEN);
    }

    private BigDecimal mid(String symbol) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replayPort + "/products/"
                + symbol + "/ticker")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return new BigDecimal(new JsonObject(r.body()).getString("price"));
    }

    // ---- a minimal Streamable HTTP client ----

    static String initialize(int port) throws IOException, InterruptedException {
        HttpResponse<String> init = post(port, null, new JsonObject().put("jsonrpc", "2.0").put("id", 0).put("method", "initialize")
                .put("params", new JsonObject().put("protocolVersion", "2025-06-18").put("capabilities", new JsonObject())
                        .put("clientInfo", new JsonObject().put("name", "crash-test").put("version", "1"))));
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new IOException("no session: " + init.body()));
        post(port, session, new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
        return session;
    }

    /** The tools/call result object (with structuredContent and isError). */
    static JsonObject callTool(int port, String session, String tool, JsonObject arguments) throws IOException, InterruptedException {
        HttpResponse<String> r = post(port, session, new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call")
                .put("params", new JsonObject().put("name", tool).put("arguments", arguments)));
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + ": " + r.body());
        }
        JsonObject body = new JsonObject(r.body());
        if (body.containsKey("error")) {
            throw new IOException("JSON-RPC error: " + r.body());
        }
        return body.getJsonObject("result");
    }

    private static HttpResponse<String> post(int port, String session, JsonObject message) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.encode()));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
