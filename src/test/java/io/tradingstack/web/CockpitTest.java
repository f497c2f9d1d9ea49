package io.tradingstack.web;

import io.tradingstack.agents.execution.ExecutionAgentWorkflow;
import io.tradingstack.agents.execution.ExecutionView;
import io.tradingstack.agents.execution.PromptSignals;
import io.tradingstack.bus.DurableNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tradingstack.testing.Eventually.eventually;
import static io.tradingstack.testing.Eventually.eventuallyGet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's cockpit against a whole node: {@code /metrics} as Prometheus scrapes it, and the
 * dashboard in a real headless Chromium (pages, live ticks, an MCP order cancelled from the page, a
 * backtest started from the page), with a screenshot of each page under target/screenshots.
 */
class CockpitTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static CockpitNode node;

    @BeforeAll
    static void start() throws Exception {
        node = CockpitNode.start();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static PrometheusText scrape() throws Exception {
        return new PrometheusText(node.get("/metrics"));
    }

    @Test
    void metricsAreGuardedLikeTheRestOfThePort() throws Exception {
        assertEquals(401, node.status("/metrics", null));
        assertEquals(401, node.status("/metrics", "Bearer wrong"));
        assertEquals(200, node.status("/metrics", "Bearer " + CockpitNode.TOKEN));
    }

    @Test
    void namedSeriesMoveAfterAnOrderAndATick() throws Exception {
        PrometheusText before = scrape();
        double ticks = before.sum("ts_market_ticks_total", "symbol=\"BTC-USD\"");
        eventually(BOUND, "ts_market_ticks_total{symbol=BTC-USD} moves with the feed",
                () -> scrape().sum("ts_market_ticks_total", "symbol=\"BTC-USD\"") > ticks);

        Map<String, Object> order = node.placeOrder(Map.of("symbol", "BTC-USD", "side", "BUY", "qty", 0.001, "type", "market"));
        assertEquals("FILLED", order.get("status"), order.toString());
        PrometheusText after = eventuallyGet(BOUND, "the order's series", CockpitTest::scrape, m ->
                m.sum("ts_orders_total", "outcome=\"accepted\"") > Math.max(0, before.sum("ts_orders_total", "outcome=\"accepted\""))
                        && m.sum("ts_fills_total", "symbol=\"BTC-USD\"", "side=\"BUY\"")
                        > Math.max(0, before.sum("ts_fills_total", "symbol=\"BTC-USD\"", "side=\"BUY\""))
                        && m.sum("ts_ledger_postings_total", "result=\"posted\"")
                        > Math.max(0, before.sum("ts_ledger_postings_total", "result=\"posted\"")));
        assertTrue(after.sum("ts_mcp_tool_calls_seconds_count", "tool=\"place_mock_order\"", "outcome=\"ok\"")
                > Math.max(0, before.sum("ts_mcp_tool_calls_seconds_count", "tool=\"place_mock_order\"", "outcome=\"ok\"")));
        assertTrue(after.sum("ts_mcp_tool_calls_seconds_bucket", "tool=\"place_mock_order\"") > 0, "a latency histogram");
        List<String> families = List.of("vertx_eventbus_", "vertx_http_server_requests_total", "temporal_", "jvm_memory_used_bytes",
                "process_uptime_seconds");
        for (String family : families) {
            assertTrue(after.hasFamily(family), family + " in\n" + after);
        }
        eventually(BOUND, "Temporal worker series (reported every second)",
                () -> scrape().hasFamily("temporal_workflow_task_") || scrape().hasFamily("temporal_activity_"));
        // what a scraper sees, kept for the README's metrics list
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "metrics-sample.txt"), scrape().toString());
    }

    @Test
    void dashboardInARealBrowser() throws Exception {
        try (Browser browser = Browser.start(io.tradingstack.testing.TestInfra.newDir("chromium-"))) {
            // the operator's way in: the token once in the address, then an HttpOnly cookie
            browser.driver.get(node.base() + "/?token=" + CockpitNode.TOKEN);
            eventually(BOUND, "the dashboard without the token in its address", () ->
                    browser.driver.getCurrentUrl().equals(node.base() + "/dashboard/"));
            markets(browser);
            trading(browser);
            backtests(browser);
            browser.driver.get(node.base() + "/dashboard/#agents");
            eventually(BOUND, "components listed", () -> text(browser, "a-components").contains("ledger"));
            agents(browser);
            chat(browser);
            // the whole page in one picture: the panels run below the first screen
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 2600));
            browser.js("window.scrollTo(0, 0)");
            browser.screenshot("agents");
            assertEquals(List.of(), browser.consoleErrors(), "no console error");
        }
    }

    /**
     * The agent panels: a decision of this node's execution agent with its gate's reason, pause and
     * resume from the page, an evaluation asked from the page and listed (asked again: the cooldown
     * answer), the execution prompt's versions with a diff, and a rollback from the page.
     */
    private static void agents(Browser b) throws Exception {
        String queue = node.ctx.config().taskQueue();
        String gate = eventuallyGet(BOUND, "a decision of this node's execution agent", () -> String.valueOf(b.js(
                "const td = [...document.querySelectorAll('#x-decisions td.id')].find(c => c.title.startsWith(arguments[0] + ':'));"
                        + " return td ? td.parentElement.querySelector('td.gate').innerText : '';",
                DurableNames.ExecutionAgent.id(queue))), g -> !g.isEmpty());
        assertTrue(gate.matches("BOOTSTRAP|SIGNAL|PRICE_MOVE>=.*|STALE>=.*|PRICE_DELTA<.*|RATE_LIMIT:.*"), gate);
        eventually(BOUND, "the agent running, its prompt version shown", () -> text(b, "x-state").matches("(?s).*State\\s+running.*v\\d+.*"));
        click(b, "x-toggle", "Pause");
        eventually(BOUND, "the agent paused", () -> text(b, "x-state").matches("(?s).*State\\s+paused.*"));
        click(b, "x-toggle", "Resume");
        eventually(BOUND, "the agent running again", () -> text(b, "x-state").matches("(?s).*State\\s+running.*"));

        String judge = DurableNames.JudgeAgent.id(queue);
        click(b, "j-evaluate", "Evaluate now");
        eventually(BOUND, "the evaluation queued", () -> text(b, "j-msg").startsWith("Queued"));
        eventually(BOUND, "the evaluation listed", () -> Boolean.TRUE.equals(b.js("return [...document.querySelectorAll("
                + "'#j-evaluations td.id')].some(c => c.title.startsWith(arguments[0] + ':'))", judge)));
        // asked again: inside the cooldown (an answer given while the evaluation still finishes says it is queued: ask again)
        eventually(BOUND, "the cooldown's answer", () -> {
            String before = text(b, "j-msg");
            click(b, "j-evaluate", "Evaluate now");
            String answer = eventuallyGet(BOUND, "an answer", () -> text(b, "j-msg"), t -> !t.equals(before) && !t.isEmpty());
            b.js("document.getElementById('j-msg').textContent = ''");
            return answer.startsWith("Skipped: cooldown");
        });
        eventually(BOUND, "the prompt versions", () -> !b.driver.findElements(By.cssSelector("#p-versions .version")).isEmpty());
        assertTrue(text(b, "p-versions").contains("in force"), text(b, "p-versions"));

        // a new version (the user's, by the agent's signal), its diff, then the older one put back from the page
        ExecutionAgentWorkflow agent = node.ctx.temporal().result().client().newWorkflowStub(ExecutionAgentWorkflow.class,
                DurableNames.ExecutionAgent.id(queue));
        ExecutionView before = agent.getExecutionState();
        agent.updateSystemPrompt(new PromptSignals.Change("execution", before.promptText() + "\nHold no position over the weekend.",
                "user", "cockpit test", null));
        eventually(BOUND, "the new version's diff", () -> text(b, "p-versions").contains("+Hold no position over the weekend."));
        String older = "#p-versions button[data-rollback='" + before.promptVersion() + "']";
        eventually(BOUND, "a Rollback button on the older version", () -> !b.driver.findElements(By.cssSelector(older)).isEmpty());
        b.js("document.querySelector(arguments[0]).click()", older);
        eventually(BOUND, "the rollback sent", () -> text(b, "p-msg").startsWith("Rollback to v" + before.promptVersion() + " sent"));
        eventually(BOUND, "the older version in force again", () -> String.valueOf(b.js("const v = document.querySelector("
                + "'#p-versions .version[data-version=\"' + arguments[0] + '\"] .tag'); return v ? v.innerText : '';",
                before.promptVersion())).equals("in force"));
        eventually(BOUND, "the agent on it", () -> agent.getExecutionState().promptVersion() == before.promptVersion());
    }

    private static void click(Browser b, String id, String label) throws Exception {
        eventually(BOUND, label + " offered", () -> {
            org.openqa.selenium.WebElement e = b.driver.findElement(By.id(id));
            return e.isEnabled() && e.getText().equals(label);
        });
        b.driver.findElement(By.id(id)).click();
    }

    /** The broker chat panel: first-use preferences (confirmed with y), then a question its answer quotes figures for. */
    private static void chat(Browser b) throws Exception {
        say(b, "experience", "beginner");
        say(b, "risk tolerance", "low");
        say(b, "trading style", "balanced");
        say(b, "Run it? [y/N]", "y");
        eventually(BOUND, "the preferences stored", () -> text(b, "c-log").contains("Preferences stored"));
        say(b, "you>", "portfolio");
        String answer = eventuallyGet(BOUND, "the broker's answer", () -> text(b, "c-log"),
                log -> log.lines().anyMatch(l -> l.startsWith("broker>") && l.contains("Total value")));
        assertTrue(answer.matches("(?s).*broker>.*\\d.*"), "the answer quotes the portfolio's figures: " + answer);
    }

    private static void say(Browser b, String prompt, String line) throws Exception {
        try {
            // the first question comes after the chat's MCP client connects and the broker workflow starts: cold under load
            eventually(BOUND.multipliedBy(2), "the chat asks: " + prompt, () -> text(b, "c-prompt").contains(prompt));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the chat so far: [" + text(b, "c-log") + "], prompt ["
                    + text(b, "c-prompt") + "], console " + b.consoleErrors(), e);
        }
        b.driver.findElement(By.id("c-input")).sendKeys(line);
        b.driver.findElement(By.id("c-send")).click();
        eventually(BOUND, "the chat took: " + line, () -> text(b, "c-log").contains(line));
    }

    private static String text(Browser browser, String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private static void markets(Browser b) throws Exception {
        eventually(BOUND, "the ticker socket live", () -> text(b, "ticker-state").equals("ticker: live"));
        eventually(BOUND, "candles from the features history", () -> candles(b) > 10);
        String first = eventuallyGet(BOUND, "a live BTC-USD tick rendered", () -> text(b, "m-last"),
                t -> t.startsWith("BTC-USD") && t.endsWith("USD"));
        String quotes = text(b, "m-quotes");
        assertTrue(quotes.contains("BTC-USD") && quotes.contains("ETH-USD"), quotes);
        String firstTime = text(b, "m-quotes");
        eventually(BOUND, "ticks keep rendering", () -> !text(b, "m-quotes").equals(firstTime));
        new Select(b.driver.findElement(By.id("m-timeframe"))).selectByValue("5m");
        eventually(BOUND, "the 5m chart", () -> candles(b) > 10);
        assertTrue(first.matches("BTC-USD\\s+[0-9,]+\\.\\d{2} USD"), "money with 2 decimals: " + first);
        b.screenshot("markets");
    }

    /** The text of a table's row whose id cell is {@code id} ("" when absent), read in one step: tables re-render as data moves. */
    private static String row(Browser b, String table, String id) {
        return String.valueOf(b.js("const td = document.querySelector('#' + arguments[0] + ' td[title=\"' + arguments[1] + '\"]');"
                + " return td ? td.parentElement.innerText : '';", table, id));
    }

    /** Candles drawn in the markets chart (0 until the first draw). */
    private static int candles(Browser b) {
        return ((Number) b.js("const c = typeof echarts === 'undefined' ? null : echarts.getInstanceByDom(document.getElementById('m-chart'));"
                + " const o = c && c.getOption(); return o && o.series && o.series.length ? o.series[0].data.length : 0;")).intValue();
    }

    private static void trading(Browser b) throws Exception {
        Map<String, Object> filled = node.placeOrder(Map.of("symbol", "ETH-USD", "side", "BUY", "qty", 0.05, "type", "market"));
        assertEquals("FILLED", filled.get("status"), filled.toString());
        // a buy limit 10 % under the market: within the price band, resting until cancelled
        java.math.BigDecimal below = node.ctx.vertx().eventBus().<io.tradingstack.model.Tick>request(
                io.tradingstack.bus.Addresses.MARKET_LATEST_TICK, "BTC-USD").await(5, java.util.concurrent.TimeUnit.SECONDS)
                .body().price().multiply(new java.math.BigDecimal("0.9")).setScale(2, java.math.RoundingMode.DOWN);
        Map<String, Object> resting = node.placeOrder(Map.of("symbol", "BTC-USD", "side", "BUY", "qty", 0.002,
                "type", "limit", "price", below, "time_in_force", "GTC"));
        String orderId = String.valueOf(resting.get("order_id"));
        assertEquals("OPEN", resting.get("status"), resting.toString());
        b.driver.get(node.base() + "/dashboard/#trading");
        By cancelButton = By.cssSelector("#t-orders button[data-order='" + orderId + "']");
        eventually(BOUND, "the MCP order among the open orders", () -> !b.driver.findElements(cancelButton).isEmpty());
        eventually(BOUND, "the fill among the transactions", () -> !b.driver.findElements(
                By.cssSelector("#t-fills td[title='" + filled.get("order_id") + "']")).isEmpty());
        eventually(BOUND, "the position", () -> text(b, "t-positions").contains("ETH-USD"));
        String summary = text(b, "t-summary");
        assertTrue(summary.contains("P&L gross") && summary.contains("P&L net"), summary);
        // the node runs the live risk gate (role ledger): today's limit_enforcement counts the orders above
        eventually(BOUND, "today's limit_enforcement", () -> text(b, "t-limits").contains("trades attempted"));
        b.screenshot("trading");
        // found and clicked in one step: the table is re-rendered when the orders change
        b.js("document.querySelector(arguments[0]).click()", "#t-orders button[data-order='" + orderId + "']");
        eventually(BOUND, "the cancel acknowledged", () -> text(b, "t-orders-msg").equals("Cancel requested for " + orderId + "."));
        eventually(BOUND, "the order gone from the open orders", () -> b.driver.findElements(cancelButton).isEmpty());
        assertTrue(!node.get("/api/orders/open").contains(orderId), "the ledger no longer lists it as open");
    }

    private static void backtests(Browser b) throws Exception {
        b.driver.get(node.base() + "/dashboard/#backtests");
        eventually(BOUND, "the form's pairs", () -> !b.driver.findElements(By.cssSelector("#b-pair option")).isEmpty());
        new Select(b.driver.findElement(By.id("b-pair"))).selectByValue("BTC-USD");
        b.driver.findElement(By.id("b-start")).click();
        String started = eventuallyGet(BOUND, "the start acknowledged", () -> text(b, "b-msg"), t -> t.startsWith("Started"));
        String workflowId = started.split(" ")[1];
        eventually(BOUND, "the backtest listed", () -> !row(b, "b-list", workflowId).isEmpty());
        eventually(Duration.ofSeconds(120), "the backtest done with a report link", () ->
                row(b, "b-list", workflowId).contains("DONE")
                        && !b.driver.findElements(By.cssSelector("#b-list a[href='/backtests/" + workflowId + "/report.html']")).isEmpty());
        // a sweep started through MCP is listed with its state and progress, and links its stored ranked table when done
        Map<String, Object> sweep = node.call("run_sweep", Map.of("pair", "BTC-USD", "timeframe", "1h", "start", "2023-04-10",
                "end", "2023-04-13", "parameters", Map.of("rsi_max", List.of(60, 70)), "metric", "total_return"));
        String sweepId = String.valueOf(sweep.get("workflow_id"));
        eventually(Duration.ofSeconds(120), "the sweep listed as DONE with its result link", () ->
                row(b, "b-sweeps", sweepId).contains("DONE")
                        && !b.driver.findElements(By.cssSelector("#b-sweeps a[href='/api/sweeps/" + sweepId + "']")).isEmpty());
        assertTrue(node.get("/api/sweeps/" + sweepId).contains("\"ranked\""), "the stored result is served");
        b.screenshot("backtests");
        assertTrue(node.get("/backtests/" + workflowId + "/report.html").contains("<html"), "the report is served");
    }
}
