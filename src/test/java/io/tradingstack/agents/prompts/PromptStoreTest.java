package io.tradingstack.agents.prompts;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.ledger.LedgerDb;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prompt store on a fresh migrated database of the shared embedded PostgreSQL: versions are
 * numbered with their diff, an identical create changes nothing, a rollback switches the version in
 * force, concurrent creates serialize, feedback goes from pending to consumed once, and a new store
 * on a new pool (a restart) reads back the same history.
 */
class PromptStoreTest {
    private static final String DEFAULT = "You are the execution agent.\nFollow the spec.\nNever exceed the risk limits.\n";
    private final LedgerDb db = LedgerDb.fresh();
    private Vertx vertx;
    private Pool pool;
    private PromptStore store;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        pool = db.pool(vertx, 4);
        store = new PromptStore(pool);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void versionsDiffsIdempotentCreatesRollbackAndARestart() throws Exception {
        PromptVersion v1 = await(store.current(new PromptMessages.Current("execution", DEFAULT), Instant.now()));
        assertEquals(1, v1.version());
        assertEquals("system", v1.author());
        assertEquals("", v1.diff());
        assertEquals(v1, await(store.current(new PromptMessages.Current("execution", "another default"), Instant.now())),
                "the stored version wins over the built-in text once seeded");

        String text2 = DEFAULT.replace("Follow the spec.", "Follow the spec; skip entries in high volatility.");
        PromptVersion v2 = await(store.create(new PromptChange("execution", text2, "judge", "too many losing entries",
                new BigDecimal("41.5")), Instant.now()));
        assertEquals(2, v2.version());
        assertEquals(0, new BigDecimal("41.5").compareTo(v2.score()));
        assertEquals("--- execution v1\n+++ execution v2\n@@ -1,3 +1,3 @@\n You are the execution agent.\n-Follow the spec.\n"
                + "+Follow the spec; skip entries in high volatility.\n Never exceed the risk limits.\n", v2.diff());
        assertEquals(v2, await(store.create(new PromptChange("execution", text2, "user", "again", null), Instant.now())),
                "the text in force again is a no-op answering it");

        PromptVersion back = await(store.rollback(new PromptRollback("execution", 1, "judge", "v2 scored worse"), Instant.now()));
        assertEquals(1, back.version());
        assertEquals(1, current().version());
        PromptVersion v3 = await(store.create(new PromptChange("execution", text2, "user", "I prefer it", null), Instant.now()));
        assertEquals(3, v3.version(), "the same text as v2 is a new version when v1 is in force");
        assertTrue(v3.diff().startsWith("--- execution v1\n+++ execution v3\n"), v3.diff());

        CodedException unknown = coded(store.rollback(new PromptRollback("execution", 9, "judge", "no such"), Instant.now()));
        assertEquals(ErrorCode.PROMPT_NOT_FOUND, unknown.code());
        assertEquals(ErrorCode.PROMPT_NOT_FOUND, coded(store.current(new PromptMessages.Current("judge", null), Instant.now())).code());
        assertEquals(3, current().version(), "refusals change nothing");

        PromptHistory before = await(store.history(new PromptMessages.HistoryQuery("execution", 10)));
        vertx.close().await(10, TimeUnit.SECONDS);
        open();
        PromptHistory after = await(store.history(new PromptMessages.HistoryQuery("execution", 10)));
        assertEquals(before, after);
        assertEquals(v3, after.current());
        assertEquals(List.of(3, 2, 1), after.versions().stream().map(PromptVersion::version).toList());
        assertEquals(List.of("create", "rollback", "create", "seed"), after.switches().stream().map(PromptSwitch::kind).toList());
        assertEquals(1, await(store.history(new PromptMessages.HistoryQuery("execution", 1))).versions().size());
    }

    @Test
    void concurrentCreatesGetDistinctConsecutiveVersions() throws Exception {
        List<Future<PromptVersion>> creates = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> creates.add(store.create(new PromptChange("judge", "prompt " + i, "user", "r" + i, null),
                Instant.now())));
        Future.all(creates).await(30, TimeUnit.SECONDS);
        assertEquals(IntStream.rangeClosed(1, 12).boxed().toList(),
                creates.stream().map(f -> f.result().version()).sorted().toList());
        PromptHistory h = await(store.history(new PromptMessages.HistoryQuery("judge", 50)));
        assertEquals(12, h.current().version(), "the last create is in force");
        assertEquals(12, h.switches().size());
    }

    @Test
    void feedbackIsPendingUntilConsumedOnce() throws Exception {
        Feedback a = await(store.addFeedback(new PromptMessages.FeedbackAdd("execution", "less ETH please", "user"), Instant.now()));
        Feedback b = await(store.addFeedback(new PromptMessages.FeedbackAdd("execution", "no trades after 20:00", "user"), Instant.now()));
        await(store.addFeedback(new PromptMessages.FeedbackAdd("judge", "be strict", "user"), Instant.now()));
        assertTrue(a.pending());
        assertEquals(List.of(a, b), pending("execution"));

        assertEquals(List.of(a.id()), await(store.consume(new PromptMessages.Consume(List.of(a.id()), io.tradingstack.bus.DurableNames.ExecutionAgent.ID), Instant.now())));
        assertEquals(List.of(b), pending("execution"));
        assertEquals(List.of(b.id()), await(store.consume(new PromptMessages.Consume(List.of(a.id(), b.id()), "execution-agent-2"),
                Instant.now())), "a consumed message is not consumed again");
        assertEquals(List.of(), pending("execution"));

        vertx.close().await(10, TimeUnit.SECONDS);
        open();
        assertEquals(1, pending("judge").size(), "pending feedback survives a restart");
        assertEquals(List.of(), pending("execution"));
        assertThrows(IllegalArgumentException.class, () -> new PromptMessages.FeedbackAdd("execution", " ", "user"));
        assertThrows(IllegalArgumentException.class, () -> new PromptChange("execution", "x", "robot", "why", null));
    }

    private List<Feedback> pending(String agent) throws Exception {
        return await(store.pending(new PromptMessages.PendingQuery(agent, 50)));
    }

    private PromptVersion current() throws Exception {
        return await(store.current(new PromptMessages.Current("execution", null), Instant.now()));
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.await(30, TimeUnit.SECONDS);
    }

    private static CodedException coded(Future<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS));
        return assertInstanceOf(CodedException.class, e.getCause());
    }
}
