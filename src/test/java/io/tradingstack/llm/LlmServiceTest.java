package io.tradingstack.llm;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.offline.OfflineProvider;
import io.tradingstack.llm.offline.OfflineReply;
import io.tradingstack.llm.offline.OfflineResponder;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service over the offline provider and the real call log: determinism cache, idempotent
 * retries, daily caps (also across a restart), the repair round, and usage per agent.
 */
class LlmServiceTest {
    private static final ResponseSchema PLAN = new ResponseSchema("plan", Map.of("type", "object",
            "properties", Map.of("bias", Map.of("type", "string", "enum", List.of("long", "flat")),
                    "size_pct", Map.of("type", "number", "minimum", 0, "maximum", 100)),
            "required", List.of("bias", "size_pct")), false);
    private static final UsageMeter.Caps WIDE = new UsageMeter.Caps(1000, 1_000_000);

    /** Counts its answers, so a test sees whether the model was called. */
    private static final class Counting implements OfflineResponder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Set<String> tasks() {
            return Set.of("plan");
        }

        @Override
        public OfflineReply respond(LlmRequest request) {
            calls.incrementAndGet();
            Object rsi = request.context().get("rsi_14");
            boolean oversold = rsi instanceof Number n && n.doubleValue() < 30;
            return OfflineReply.json(Map.of("bias", oversold ? "long" : "flat", "size_pct", oversold ? 25 : 0));
        }
    }

    private static LlmRequest plan(String agent, double rsi, boolean deterministic) {
        return LlmRequest.builder(agent, "plan").user("plan the day").context("rsi_14", rsi)
                .responseSchema(PLAN).deterministic(deterministic).build();
    }

    @Test
    void identicalDeterministicRequestsAreAnsweredFromTheRecord() {
        Counting model = new Counting();
        LlmService service = LlmTesting.service(new OfflineProvider(List.of(model)), WIDE, Map.of(), LlmTesting.retries(0));
        String agent = LlmTesting.agent("strategist");
        LlmResult first = service.chat(plan(agent, 25, true));
        LlmResult again = service.chat(plan(agent, 25.0, true));
        assertTrue(first.ok() && again.ok());
        assertEquals("long", first.structured().get("bias"), "oversold: the rules go long");
        assertEquals(25, ((Number) first.structured().get("size_pct")).intValue());
        assertEquals(first.structured(), again.structured());
        assertEquals(1, model.calls.get(), "the second answer came from the record");
        assertTrue(again.cached());
        assertEquals(0, again.modelCalls());

        service.chat(plan(agent, 25, false));
        assertEquals(2, model.calls.get(), "without the flag the model is asked");
        service.chat(plan(agent, 45, true));
        assertEquals(3, model.calls.get(), "another context is another request");

        List<Row> rows = LlmTesting.rows(agent);
        assertEquals(List.of("OK", "CACHE_HIT", "OK", "OK"), rows.stream().map(r -> r.getString("status")).toList());
        assertEquals(rows.get(0).getUUID("id"), rows.get(1).getUUID("cached_from"));
        assertFalse(rows.get(1).getBoolean("model_called"));
        LlmUsageReport.AgentUsage usage = usageOf(service, agent);
        assertEquals(3, usage.calls());
        assertEquals(1, usage.cacheHits());
    }

    @Test
    void aRetriedCallKeyGetsTheStoredAnswer() {
        Counting model = new Counting();
        LlmService service = LlmTesting.service(new OfflineProvider(List.of(model)), WIDE, Map.of(), LlmTesting.retries(0));
        String agent = LlmTesting.agent("exec");
        String key = "wf-1/run-1/" + agent;
        LlmResult first = service.chat(plan(agent, 20, false), key, null);
        LlmResult retried = service.chat(plan(agent, 20, false), key, null);
        assertEquals(first.callId(), retried.callId());
        assertEquals(1, model.calls.get());
        assertEquals(1, LlmTesting.rows(agent).size());
    }

    @Test
    void dailyCapsReturnACodedResultAndSurviveARestart() {
        String agent = LlmTesting.agent("judge");
        Map<String, UsageMeter.Caps> caps = Map.of(agent, new UsageMeter.Caps(2, 1_000_000));
        LlmService service = LlmTesting.service(new OfflineProvider(List.of(new Counting())), WIDE, caps, LlmTesting.retries(0));
        assertTrue(service.chat(plan(agent, 20, false)).ok());
        assertTrue(service.chat(plan(agent, 21, false)).ok());
        LlmResult refused = service.chat(plan(agent, 22, false));
        assertEquals(ErrorCode.LLM_CAP_REACHED, refused.code());
        assertEquals(0, refused.modelCalls());
        assertTrue(refused.message().contains("2 of 2"), refused.message());
        assertTrue(usageOf(service, agent).capReached());
        assertTrue(service.chat(plan(LlmTesting.agent("other"), 22, false)).ok(), "caps are per agent");

        LlmService restarted = LlmTesting.service(new OfflineProvider(List.of(new Counting())), WIDE, caps, LlmTesting.retries(0));
        assertEquals(ErrorCode.LLM_CAP_REACHED, restarted.chat(plan(agent, 23, false)).code(), "the day's count is read back");
        LlmUsageReport.AgentUsage usage = usageOf(restarted, agent);
        assertEquals(2, usage.calls());
        assertEquals(2, usage.refused());
        assertEquals(List.of("OK", "OK", "LLM_CAP_REACHED", "LLM_CAP_REACHED"),
                LlmTesting.rows(agent).stream().map(r -> r.getString("status")).toList());
    }

    @Test
    void theTokenCapStopsTheNextCall() {
        String agent = LlmTesting.agent("broker");
        LlmService service = LlmTesting.service(new OfflineProvider(List.of()), WIDE,
                Map.of(agent, new UsageMeter.Caps(100, 10)), LlmTesting.retries(0));
        LlmResult first = service.chat(LlmRequest.builder(agent, "chat").user("a question long enough to cost tokens").build());
        assertTrue(first.ok());
        assertTrue(first.usage().total() >= 10);
        assertEquals(ErrorCode.LLM_CAP_REACHED, service.chat(LlmRequest.builder(agent, "chat").user("again").build()).code());
    }

    @Test
    void offlineAnswersGoThroughTheSameRepairRound() {
        // Answers badly until it is told what was wrong: the repair round reaches offline rules too.
        OfflineResponder learner = new OfflineResponder() {
            @Override
            public Set<String> tasks() {
                return Set.of("plan");
            }

            @Override
            public OfflineReply respond(LlmRequest request) {
                boolean repairing = request.lastUserText().startsWith(RepairPrompt.HEADING);
                return repairing ? OfflineReply.json(Map.of("bias", "flat", "size_pct", 0)) : OfflineReply.text("flat, no position");
            }
        };
        String agent = LlmTesting.agent("strategist");
        LlmService service = LlmTesting.service(new OfflineProvider(List.of(learner)), WIDE, Map.of(), LlmTesting.retries(0));
        LlmResult r = service.chat(plan(agent, 50, false));
        assertTrue(r.ok(), r.message());
        assertTrue(r.repaired());
        assertEquals(2, r.modelCalls());
        assertEquals("flat", r.structured().get("bias"));
        assertEquals(List.of("LLM_BAD_RESPONSE", "OK"), LlmTesting.rows(agent).stream().map(x -> x.getString("status")).toList());

        OfflineResponder stubborn = new OfflineResponder() {
            @Override
            public Set<String> tasks() {
                return Set.of("plan");
            }

            @Override
            public OfflineReply respond(LlmRequest request) {
                return OfflineReply.json(Map.of("bias", "short"));
            }
        };
        LlmResult bad = LlmTesting.service(new OfflineProvider(List.of(stubborn)), WIDE, Map.of(), LlmTesting.retries(0))
                .chat(plan(agent, 50, false));
        assertEquals(ErrorCode.LLM_BAD_RESPONSE, bad.code());
        assertNull(bad.response(), "no silent default");
    }

    @Test
    void aStreamedOfflineAnswerArrivesWordByWord() {
        String agent = LlmTesting.agent("broker");
        LlmService service = LlmTesting.service(new OfflineProvider(List.of()), WIDE, Map.of(), LlmTesting.retries(0));
        StringBuilder streamed = new StringBuilder();
        AtomicInteger pieces = new AtomicInteger();
        LlmResult r = service.chat(LlmRequest.builder(agent, "chat").user("how are markets today").build(), d -> {
            pieces.incrementAndGet();
            streamed.append(d);
        });
        assertEquals(r.text(), streamed.toString());
        assertTrue(pieces.get() > 3);
    }

    private static LlmUsageReport.AgentUsage usageOf(LlmService service, String agent) {
        LlmUsageReport report = service.usage();
        assertEquals("offline", report.provider());
        return report.agents().stream().filter(a -> a.agent().equals(agent)).findFirst().orElseThrow();
    }
}
