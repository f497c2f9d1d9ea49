package io.tradingstack.llm;

import io.opentelemetry.api.trace.Span;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link Llm} every caller uses: answers from the call log when determinism is asked for,
 * checks the agent's daily caps, calls the provider with bounded retries, validates the answer,
 * makes one repair round when it is unusable, and records every call with its tokens, cost and
 * latency. Blocking: run it on an activity, worker or CLI thread, never on an event loop.
 */
public final class LlmService implements Llm {
    private static final Logger LOG = LoggerFactory.getLogger(LlmService.class);
    private final LlmProvider provider;
    private final CallLog log;
    private final PriceTable prices;
    private final UsageMeter meter;
    private final RetryPolicy retry;
    private final Clock clock;
    private final LlmTracing tracing;

    public LlmService(LlmProvider provider, CallLog log, PriceTable prices, UsageMeter meter, RetryPolicy retry, Clock clock) {
        this(provider, log, prices, meter, retry, clock, Telemetry.noop());
    }

    /** @param telemetry where each call's span goes ({@link Telemetry#noop()}: none) */
    public LlmService(LlmProvider provider, CallLog log, PriceTable prices, UsageMeter meter, RetryPolicy retry, Clock clock,
                      Telemetry telemetry) {
        this.tracing = new LlmTracing(telemetry);
        this.provider = provider;
        this.log = log;
        this.prices = prices;
        this.meter = meter;
        this.retry = retry;
        this.clock = clock;
        seedToday();
    }

    public LlmProvider provider() {
        return provider;
    }

    @Override
    public LlmResult chat(LlmRequest request) {
        return chat(request, null, null);
    }

    @Override
    public LlmResult chat(LlmRequest request, StreamListener listener) {
        return chat(request, null, listener);
    }

    /**
     * As {@link #chat(LlmRequest)}; {@code callKey} (may be null) identifies the logical call across
     * retries of an activity, so a retry returns the answer its first attempt stored.
     */
    public LlmResult chat(LlmRequest request, String callKey, StreamListener listener) {
        String model = request.model() != null ? request.model() : provider.defaultModel();
        Span span = tracing.start(request, provider.name(), model);
        try {
            LlmResult result = answer(request, model, callKey, listener);
            tracing.end(span, result);
            return result;
        } catch (RuntimeException e) {
            tracing.crashed(span);
            throw e;
        }
    }

    private LlmResult answer(LlmRequest request, String model, String callKey, StreamListener listener) {
        long start = System.nanoTime();
        Call call = new Call(request, model, Canonical.requestHash(request, provider.name(), model), callKey, start);
        Optional<LlmResult> stored = callKey == null ? Optional.empty() : lookup(() -> log.answerForKey(callKey))
                .map(a -> ok(call, a.id(), a.response(), TokenUsage.NONE, BigDecimal.ZERO, 0, true, false));
        if (stored.isPresent()) {
            return stored.get();
        }
        if (request.deterministic()) {
            Optional<CallLog.Answer> cached = lookup(() -> log.answerFor(call.hash));
            if (cached.isPresent()) {
                return cacheHit(call, cached.get(), listener);
            }
        }
        return fresh(call, listener);
    }

    private LlmResult fresh(Call call, StreamListener listener) {
        Attempt first = attempt(call, call.request, 1, listener);
        if (first.failure != null || first.problems.isEmpty()) {
            return finish(call, first, List.of(first), false);
        }
        LOG.info("LLM answer for agent {} task {} unusable ({} problem(s)); one repair round", call.request.agent(),
                call.request.task(), first.problems.size());
        Attempt second = attempt(call, RepairPrompt.repair(call.request, first.response, first.problems), 2, null);
        if (second.failure == null && !second.problems.isEmpty()) {
            return finish(call, second.failed(ErrorCode.LLM_BAD_RESPONSE, "unusable after one repair round: "
                    + String.join("; ", second.problems)), List.of(first, second), true);
        }
        return finish(call, second, List.of(first, second), true);
    }

    /** One model call (with its retries), checked and recorded. */
    private Attempt attempt(Call call, LlmRequest request, int number, StreamListener listener) {
        long start = System.nanoTime();
        Optional<String> refusal = meter.reserve(request.agent());
        if (refusal.isPresent()) {
            return record(call, number, false, Attempt.failure(ErrorCode.LLM_CAP_REACHED, refusal.get(), start));
        }
        Attempt a;
        try {
            LlmResponse response = withRetries(request, call.model, listener);
            BigDecimal cost = prices.cost(response.model(), response.usage());
            meter.used(request.agent(), response.usage(), cost, prices.priceOf(response.model()).isPresent());
            a = new Attempt(response, OutputCheck.problems(request, response), null, null, response.usage(), cost, start);
        } catch (ProviderException e) {
            a = fromProvider(e, start);
        }
        return record(call, number, true, a);
    }

    private LlmResponse withRetries(LlmRequest request, String model, StreamListener listener) throws ProviderException {
        Tracking tracking = listener == null ? null : new Tracking(listener);
        for (int n = 1; ; n++) {
            try {
                return provider.complete(request, model, tracking);
            } catch (ProviderException e) {
                if (e.kind() != ProviderException.Kind.RETRYABLE || (tracking != null && tracking.started)) {
                    throw e;
                }
                Duration wait = retry.delay(n, e.retryAfter()).orElseThrow(() -> gaveUp(e));
                LOG.info("LLM {} for agent {}: {}; retry {} of {} in {} ms", provider.name(), request.agent(),
                        e.getMessage(), n, retry.maxRetries(), wait.toMillis());
                sleep(wait, e);
            }
        }
    }

    private ProviderException gaveUp(ProviderException e) {
        String why = e.retryAfter() != null && e.retryAfter().compareTo(retry.maxWait()) > 0
                ? "the server asked to wait " + e.retryAfter().toSeconds() + " s, longer than " + retry.maxWait().toSeconds() + " s"
                : "gave up after " + retry.maxRetries() + " retries";
        return new ProviderException(ProviderException.Kind.RETRYABLE, e.status(), e.retryAfter(), why + ": " + e.getMessage(), e);
    }

    private void sleep(Duration wait, ProviderException cause) throws ProviderException {
        try {
            retry.sleeper().sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.RETRYABLE, cause.status(), null, "interrupted while waiting to retry", ie);
        }
    }

    private static Attempt fromProvider(ProviderException e, long start) {
        return switch (e.kind()) {
            case MALFORMED -> new Attempt(null, List.of("the endpoint's answer was not a readable chat completion: "
                    + e.getMessage()), null, null, TokenUsage.NONE, BigDecimal.ZERO, start);
            case REFUSED -> Attempt.failure(ErrorCode.LLM_BAD_REQUEST, "the endpoint refused the request: " + e.getMessage(), start);
            case UNAUTHORIZED -> Attempt.failure(ErrorCode.LLM_UNAVAILABLE,
                    "the endpoint refused the credentials (check OPENAI_API_KEY): " + e.getMessage(), start);
            case RETRYABLE -> Attempt.failure(ErrorCode.LLM_UNAVAILABLE, e.getMessage(), start);
        };
    }

    private Attempt record(Call call, int number, boolean modelCalled, Attempt a) {
        ErrorCode code = a.failure != null ? a.failure : a.problems.isEmpty() ? null : ErrorCode.LLM_BAD_RESPONSE;
        String status = code == null ? CallRecord.OK : code.name();
        String message = a.failure != null ? a.message : a.problems.isEmpty() ? null : String.join("; ", a.problems);
        UUID id = UUID.randomUUID();
        String model = a.response != null ? a.response.model() : call.model;
        append(new CallRecord(id, clock.instant(), call.request.agent(), call.request.task(), call.key, call.hash,
                provider.name(), model, call.request.promptVersion(), number, modelCalled, a.usage, a.cost,
                a.latencyMs(), status, code == null ? null : Integer.valueOf(code.code()), message, null, a.response));
        return a.withId(id);
    }

    private LlmResult finish(Call call, Attempt last, List<Attempt> all, boolean repaired) {
        TokenUsage usage = all.stream().map(a -> a.usage).reduce(TokenUsage.NONE, TokenUsage::plus);
        BigDecimal cost = all.stream().map(a -> a.cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        int calls = (int) all.stream().filter(a -> a.failure != ErrorCode.LLM_CAP_REACHED).count();
        LlmResult result = last.failure != null
                ? new LlmResult(last.id.toString(), last.failure, last.message, null, null, provider.name(), call.model,
                usage, cost, elapsedMs(call.start), calls, false, repaired)
                : ok(call, last.id, last.response, usage, cost, calls, false, repaired);
        logOutcome(call, result);
        return result;
    }

    private LlmResult cacheHit(Call call, CallLog.Answer answer, StreamListener listener) {
        UUID id = UUID.randomUUID();
        append(new CallRecord(id, clock.instant(), call.request.agent(), call.request.task(), call.key, call.hash,
                provider.name(), answer.response().model(), call.request.promptVersion(), 0, false, TokenUsage.NONE,
                BigDecimal.ZERO, elapsedMs(call.start), CallRecord.CACHE_HIT, null, null, answer.id(), null));
        meter.cacheHit(call.request.agent());
        if (listener != null && !answer.response().text().isEmpty()) {
            listener.onText(answer.response().text());
        }
        return ok(call, id, answer.response(), TokenUsage.NONE, BigDecimal.ZERO, 0, true, false);
    }

    private LlmResult ok(Call call, UUID id, LlmResponse response, TokenUsage usage, BigDecimal cost, int calls,
                         boolean cached, boolean repaired) {
        return new LlmResult(id.toString(), null, null, response, OutputCheck.structured(call.request, response),
                provider.name(), response.model(), usage, cost, elapsedMs(call.start), calls, cached, repaired);
    }

    private void logOutcome(Call call, LlmResult r) {
        if (r.ok()) {
            LOG.debug("LLM agent={} task={} model={} calls={} tokens={}/{} cost={} ms={}", call.request.agent(),
                    call.request.task(), r.model(), r.modelCalls(), r.usage().inputTokens(), r.usage().outputTokens(),
                    r.costUsd().toPlainString(), r.latencyMs());
        } else {
            LOG.warn("LLM agent={} task={} failed {} ({}): {}", call.request.agent(), call.request.task(), r.code().name(),
                    r.code().code(), r.message());
        }
    }

    /** Usage of the current UTC day per agent, with the caps in force. */
    public LlmUsageReport usage() {
        return new LlmUsageReport(meter.currentDay().toString(), provider.name(), provider.defaultModel(),
                provider.endpoint(), meter.snapshot(), meter.total());
    }

    private void seedToday() {
        Instant dayStart = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            log.totalsSince(dayStart).forEach((agent, t) ->
                    meter.seed(agent, t.calls(), t.cacheHits(), t.refused(), t.usage(), t.costUsd()));
        } catch (RuntimeException e) {
            LOG.warn("LLM usage of today could not be read from the call log: {}", e.getMessage());
        }
    }

    private void append(CallRecord record) {
        try {
            log.append(record);
        } catch (RuntimeException e) {
            LOG.warn("LLM call {} could not be recorded: {}", record.id(), e.getMessage());
        }
    }

    private static <T> Optional<T> lookup(java.util.function.Supplier<Optional<T>> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            LOG.warn("LLM call log lookup failed, answering without it: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static long elapsedMs(long startNanos) {
        return Math.max(0, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private record Call(LlmRequest request, String model, String hash, String key, long start) {
    }

    /** One model call's outcome: a response (with its problems, empty when usable) or a coded failure. */
    private record Attempt(LlmResponse response, List<String> problems, ErrorCode failure, String message,
                           TokenUsage usage, BigDecimal cost, long start, UUID id) {
        Attempt(LlmResponse response, List<String> problems, ErrorCode failure, String message, TokenUsage usage,
                BigDecimal cost, long start) {
            this(response, problems, failure, message, usage, cost, start, null);
        }

        static Attempt failure(ErrorCode code, String message, long start) {
            return new Attempt(null, List.of(), code, message, TokenUsage.NONE, BigDecimal.ZERO, start);
        }

        Attempt withId(UUID newId) {
            return new Attempt(response, problems, failure, message, usage, cost, start, newId);
        }

        Attempt failed(ErrorCode code, String why) {
            return new Attempt(response, problems, code, why, usage, cost, start, id);
        }

        long latencyMs() {
            return elapsedMs(start);
        }
    }

    /** Remembers whether text reached the caller: a stream that failed midway is not retried (no duplicate text). */
    private static final class Tracking implements StreamListener {
        private final StreamListener delegate;
        private boolean started;

        Tracking(StreamListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onText(String delta) {
            started = true;
            delegate.onText(delta);
        }
    }
}
