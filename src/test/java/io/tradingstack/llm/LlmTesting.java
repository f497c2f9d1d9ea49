package io.tradingstack.llm;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Shared wiring of the llm tests: the real PostgreSQL of the test JVM, services, call-log rows, log capture. */
final class LlmTesting {
    private static Vertx vertx;
    private static Pool pool;

    private LlmTesting() {
    }

    static synchronized Pool pool() {
        if (pool == null) {
            vertx = Vertx.vertx();
            pool = TestInfra.postgres().pool(vertx, 4);
        }
        return pool;
    }

    /** A fresh agent name, so tests sharing the database do not share caps or cache entries. */
    static String agent(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static LlmService service(LlmProvider provider, UsageMeter.Caps caps, Map<String, UsageMeter.Caps> perAgent,
                              RetryPolicy retry) {
        return new LlmService(provider, new PgCallLog(pool()), PriceTable.load(""),
                new UsageMeter(caps, perAgent, Clock.systemUTC()), retry, Clock.systemUTC());
    }

    static RetryPolicy retries(int n) {
        return new RetryPolicy(n, Duration.ofSeconds(5), RetryPolicy.Sleeper.REAL);
    }

    static List<Row> rows(String agent) {
        try {
            List<Row> out = new ArrayList<>();
            pool().preparedQuery("SELECT *, (llm_calls.*)::text AS whole FROM llm_calls WHERE agent = $1 ORDER BY ts, attempt")
                    .execute(Tuple.of(agent)).await(10, TimeUnit.SECONDS).forEach(out::add);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Captures every log event (DEBUG and up, openai-java and OkHttp at TRACE) and stderr while open. */
    static final class LogCapture implements AutoCloseable {
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final Level rootLevel = root.getLevel();
        private final List<Logger> chatty = List.of((Logger) LoggerFactory.getLogger("com.openai"),
                (Logger) LoggerFactory.getLogger("okhttp3"), (Logger) LoggerFactory.getLogger("io.tradingstack.llm"));
        private final PrintStream stderr = System.err;
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        LogCapture() {
            appender.start();
            root.addAppender(appender);
            root.setLevel(Level.DEBUG);
            chatty.forEach(l -> l.setLevel(Level.TRACE));
            System.setErr(new PrintStream(new TeeStream(stderr, err), true));
        }

        String text() {
            StringBuilder out = new StringBuilder();
            for (ILoggingEvent e : appender.list) {
                out.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
                if (e.getThrowableProxy() != null) {
                    out.append(e.getThrowableProxy().getMessage()).append('\n');
                }
            }
            return out.append(err.toString(java.nio.charset.StandardCharsets.UTF_8)).toString();
        }

        @Override
        public void close() {
            System.setErr(stderr);
            root.detachAppender(appender);
            root.setLevel(rootLevel);
            chatty.forEach(l -> l.setLevel(null));
        }
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
