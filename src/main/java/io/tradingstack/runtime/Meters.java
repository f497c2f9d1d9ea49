package io.tradingstack.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's metrics: one Prometheus registry that Vert.x (bus, HTTP server), the Temporal client
 * and worker, and the components write to, scraped at {@code /metrics} of HTTP_PORT. The names of
 * our own series live here, like bus addresses in {@code bus.Addresses}; Micrometer turns the dots
 * into underscores and adds {@code _total} to counters and {@code _seconds} to timers.
 */
public final class Meters implements AutoCloseable {
    /** Counter, tag symbol: validated ticks published on the bus. */
    public static final String MARKET_TICKS = "ts.market.ticks";
    /** Counter: raw messages received from the exchange feed. */
    public static final String MARKET_MESSAGES = "ts.market.messages";
    /** Counter, tag reason: feed messages dropped by validation. */
    public static final String MARKET_DROPPED = "ts.market.ticks.dropped";
    /** Timer with histogram, tags tool and outcome (ok or the error code's name): MCP tool calls. */
    public static final String MCP_CALLS = "ts.mcp.tool.calls";
    /** Counter, tags outcome (accepted, rejected, duplicate, recorded) and code: orders after pre-trade checks and holds. */
    public static final String ORDERS = "ts.orders";
    /** Counter, tags symbol, side, liquidity: fills recorded in the ledger. */
    public static final String FILLS = "ts.fills";
    /** Counter, tag result (posted, duplicate): fill postings asked of the ledger, each posted one a balanced journal entry. */
    public static final String LEDGER_POSTINGS = "ts.ledger.postings";
    /** Counter, tags agent and outcome (ok or the error code's name): LLM chat results. */
    public static final String LLM_CALLS = "ts.llm.calls";
    /** Counter, tags agent and kind (input, output): LLM tokens. */
    public static final String LLM_TOKENS = "ts.llm.tokens";
    /** Counter, tag agent: LLM cost in USD from the price table. */
    public static final String LLM_COST = "ts.llm.cost.usd";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private JvmGcMetrics gc;

    /** A registry without JVM series (tests build many contexts in one JVM). */
    public Meters() {
    }

    /** The node's registry with the JVM series: memory, GC, threads, classes, CPU, uptime. */
    public static Meters withJvm() {
        Meters m = new Meters();
        new ClassLoaderMetrics().bindTo(m.registry);
        new JvmMemoryMetrics().bindTo(m.registry);
        m.gc = new JvmGcMetrics();
        m.gc.bindTo(m.registry);
        new JvmThreadMetrics().bindTo(m.registry);
        new ProcessorMetrics().bindTo(m.registry);
        new UptimeMetrics().bindTo(m.registry);
        return m;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every series. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
