package io.tradingstack.llm;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.tradingstack.llm.local.LocalOpenAiServer;
import io.tradingstack.llm.local.ScriptedReply;
import io.tradingstack.llm.offline.OfflineProvider;
import io.tradingstack.llm.openai.OpenAiProvider;
import io.tradingstack.runtime.OtlpSettings;
import io.tradingstack.runtime.Telemetry;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.OtlpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tradingstack.testing.OtlpReceiver.integer;
import static io.tradingstack.testing.OtlpReceiver.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every LLM call is a GenAI span on a real OTLP/HTTP endpoint: the offline provider and openai-java
 * against the local OpenAI-compatible server. Content only when enabled; neither the API key nor the
 * exporter's Authorization value in any exported byte; tracing off exports nothing.
 */
class LlmTracesTest {
    private static final String KEY = "sk-trace-test-7c1e93a0d5";
    private static final String OTLP_TOKEN = "otlp-secret-5f2a8b9e";
    private static final UsageMeter.Caps WIDE = new UsageMeter.Caps(1000, 1_000_000);
    private static LocalOpenAiServer openAi;
    private static OtlpReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        openAi = LocalOpenAiServer.start();
        receiver = OtlpReceiver.start();
    }

    @AfterAll
    static void stop() throws Exception {
        openAi.close();
        receiver.close();
    }

    private static LlmService service(LlmProvider provider, Telemetry telemetry) {
        return new LlmService(provider, new PgCallLog(LlmTesting.pool()), PriceTable.load(""),
                new UsageMeter(WIDE, Map.of(), Clock.systemUTC()), LlmTesting.retries(0), Clock.systemUTC(), telemetry);
    }

    private static Telemetry exporting(String service, boolean content) {
        return Telemetry.start(new OtlpSettings(receiver.url(""), Map.of("Authorization", "Bearer " + OTLP_TOKEN),
                service, content));
    }

    private static OpenAiProvider openAiProvider() {
        return new OpenAiProvider(openAi.baseUrl(), KEY, "gpt-4o-mini", Duration.ofSeconds(10));
    }

    @Test
    void callsBecomeGenAiSpansWithContentOnlyWhenEnabled() {
        String quiet = LlmTesting.agent("untraced");
        Telemetry off = Telemetry.start(new OtlpSettings("", Map.of("Authorization", "x-never"), "off", true));
        assertSame(Telemetry.noop(), off, "no endpoint: the no-op tracer, no exporter thread");
        assertTrue(service(OfflineProvider.installed(), off).chat(LlmRequest.builder(quiet, "chat").user("hi").build()).ok());

        String agent = LlmTesting.agent("traced");
        Telemetry plain = exporting("llm-plain", false);
        Telemetry content = exporting("llm-content", true);
        assertNotSame(Telemetry.noop(), plain);
        openAi.enqueue(ScriptedReply.text("PLAIN-ANSWER-31").withUsage(12, 5),
                ScriptedReply.error(400, "unsupported parameter"),
                ScriptedReply.text("CONTENT-ANSWER-43").withUsage(7, 3));
        LlmResult ok = service(openAiProvider(), plain).chat(LlmRequest.builder(agent, "review").promptVersion("v7")
                .user("PLAIN-PROMPT-30").build());
        LlmResult refused = service(openAiProvider(), plain).chat(LlmRequest.builder(agent, "review").user("again").build());
        LlmResult shown = service(openAiProvider(), content).chat(LlmRequest.builder(agent, "chat").user("CONTENT-PROMPT-42").build());
        LlmResult offline = service(OfflineProvider.installed(), plain).chat(LlmRequest.builder(agent, "chat").user("hello").build());
        assertTrue(ok.ok() && shown.ok() && offline.ok(), ok + " " + shown + " " + offline);
        assertFalse(refused.ok());
        plain.close();
        content.close();

        List<Span> spans = Eventually.eventuallyGet(Duration.ofSeconds(30), "4 LLM spans exported",
                () -> receiver.spans().stream().filter(s -> agent.equals(string(s, "ts.agent"))).toList(), l -> l.size() == 4);
        Span first = named(spans, "chat gpt-4o-mini", "review", Status.StatusCode.STATUS_CODE_UNSET);
        assertEquals("chat", string(first, "gen_ai.operation.name"));
        assertEquals("openai", string(first, "gen_ai.provider.name"));
        assertEquals("openai", string(first, "gen_ai.system"));
        assertEquals("gpt-4o-mini", string(first, "gen_ai.request.model"));
        assertEquals("gpt-4o-mini", string(first, "gen_ai.response.model"));
        assertEquals(12, integer(first, "gen_ai.usage.input_tokens"));
        assertEquals(5, integer(first, "gen_ai.usage.output_tokens"));
        assertEquals("stop", OtlpReceiver.attribute(first, "gen_ai.response.finish_reasons").orElseThrow()
                .getArrayValue().getValues(0).getStringValue());
        assertEquals("v7", string(first, "ts.prompt.version"));
        assertEquals(agent + ".review", string(first, "ts.prompt.name"));
        assertEquals(ok.costUsd().toPlainString(), string(first, "ts.llm.cost_usd"));
        assertFalse(OtlpReceiver.attribute(first, "ts.llm.cache_hit").orElseThrow().getBoolValue());
        assertEquals(0, first.getEventsCount(), "no content unless OTEL_CAPTURE_CONTENT=true");

        Span failed = named(spans, "chat gpt-4o-mini", "review", Status.StatusCode.STATUS_CODE_ERROR);
        assertEquals("LLM_BAD_REQUEST", string(failed, "error.type"));
        assertEquals("LLM_BAD_REQUEST", failed.getStatus().getMessage());

        Span withContent = named(spans, "chat gpt-4o-mini", "chat", Status.StatusCode.STATUS_CODE_UNSET);
        assertEquals(List.of("gen_ai.content.prompt", "gen_ai.content.completion"),
                withContent.getEventsList().stream().map(Span.Event::getName).toList());
        assertTrue(withContent.getEvents(0).getAttributes(0).getValue().getStringValue().contains("CONTENT-PROMPT-42"));
        assertEquals("CONTENT-ANSWER-43", withContent.getEvents(1).getAttributes(0).getValue().getStringValue());

        Span rules = named(spans, "chat " + OfflineProvider.MODEL, "chat", Status.StatusCode.STATUS_CODE_UNSET);
        assertEquals("offline", string(rules, "gen_ai.provider.name"));
        assertEquals("chat", string(rules, "gen_ai.operation.name"));

        String bytes = receiver.allBytes();
        assertTrue(bytes.contains("CONTENT-PROMPT-42"), "the decoder sees the text it checks for");
        assertFalse(bytes.contains("PLAIN-PROMPT-30") || bytes.contains("PLAIN-ANSWER-31"), "content left a plain span");
        assertFalse(bytes.contains(KEY), "the API key was exported");
        assertFalse(bytes.contains(OTLP_TOKEN), "the exporter's credential was exported");
        assertTrue(receiver.requests().stream().allMatch(r -> ("Bearer " + OTLP_TOKEN).equals(r.headers().get("authorization"))),
                "every export carries the configured header");
        assertTrue(receiver.serviceNames().containsAll(List.of("llm-plain", "llm-content")), receiver.serviceNames().toString());
        assertTrue(receiver.spans().stream().noneMatch(s -> quiet.equals(string(s, "ts.agent"))), "tracing off exported a span");
    }

    private static Span named(List<Span> spans, String name, String task, Status.StatusCode status) {
        return spans.stream().filter(s -> s.getName().equals(name) && task.equals(string(s, "ts.task"))
                        && s.getStatus().getCode() == status).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " task " + task + " " + status + " in " + spans));
    }
}
