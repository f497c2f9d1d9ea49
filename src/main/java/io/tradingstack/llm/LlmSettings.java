package io.tradingstack.llm;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigException;
import io.tradingstack.runtime.ConfigKey;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The llm package's configuration, read once from {@link AppConfig}. {@link #bound()} is the
 * longest a chat can take (two model calls, each with all its retries); it must fit the LLM
 * activity's start-to-close timeout, which start-up checks.
 */
public record LlmSettings(String provider, String baseUrl, String apiKey, String model, Duration timeout,
                          int maxRetries, Duration retryMaxWait, UsageMeter.Caps defaultCaps,
                          Map<String, UsageMeter.Caps> agentCaps, String pricesFile) {

    public LlmSettings {
        if (!provider.equals("openai") && !provider.equals("offline")) {
            throw new IllegalArgumentException("provider must be openai or offline");
        }
        agentCaps = Map.copyOf(agentCaps);
    }

    public static LlmSettings from(AppConfig config) {
        String key = config.openAiApiKey();
        String choice = config.get(ConfigKey.LLM_PROVIDER);
        String provider = choice.equals("auto") ? (key.isEmpty() ? "offline" : "openai") : choice;
        if (provider.equals("openai") && key.isEmpty()) {
            throw new ConfigException("Invalid configuration: LLM_PROVIDER=openai needs OPENAI_API_KEY "
                    + "(any non-empty value for servers that ignore it, such as Ollama)");
        }
        LlmSettings s = new LlmSettings(provider, config.get(ConfigKey.OPENAI_BASE_URL), key,
                config.get(ConfigKey.OPENAI_MODEL), Duration.ofSeconds(config.integer(ConfigKey.LLM_TIMEOUT_SECONDS)),
                config.integer(ConfigKey.LLM_MAX_RETRIES), Duration.ofSeconds(config.integer(ConfigKey.LLM_RETRY_MAX_WAIT_SECONDS)),
                new UsageMeter.Caps(config.integer(ConfigKey.LLM_MAX_CALLS_PER_DAY), config.integer(ConfigKey.LLM_MAX_TOKENS_PER_DAY)),
                agentCaps(config.get(ConfigKey.LLM_AGENT_CAPS)), config.get(ConfigKey.LLM_PRICES_FILE));
        if (s.bound().compareTo(LlmActivities.START_TO_CLOSE) > 0) {
            throw new ConfigException("Invalid configuration: LLM_TIMEOUT_SECONDS, LLM_MAX_RETRIES and "
                    + "LLM_RETRY_MAX_WAIT_SECONDS allow a chat of " + s.bound().toSeconds() + " s; expected at most "
                    + LlmActivities.START_TO_CLOSE.toSeconds() + " s (the LLM activity timeout)");
        }
        return s;
    }

    /** "judge=100/300000,broker=50/100000" (syntax checked by ConfigKey). */
    static Map<String, UsageMeter.Caps> agentCaps(String raw) {
        Map<String, UsageMeter.Caps> out = new LinkedHashMap<>();
        for (String pair : raw.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.trim().split("=");
            String[] limits = kv[1].split("/");
            out.put(kv[0], new UsageMeter.Caps(Long.parseLong(limits[0]), Long.parseLong(limits[1])));
        }
        return out;
    }

    /** Two calls (first answer and the repair round), each with every retry at the longest wait. */
    public Duration bound() {
        Duration oneCall = timeout.multipliedBy(maxRetries + 1L).plus(retryMaxWait.multipliedBy(maxRetries));
        return oneCall.multipliedBy(2).plusSeconds(10);
    }

    /** The configured provider; offline includes every installed {@link io.tradingstack.llm.offline.OfflineResponder}. */
    public LlmProvider newProvider() {
        return provider.equals("openai")
                ? new io.tradingstack.llm.openai.OpenAiProvider(baseUrl, apiKey, model, timeout)
                : io.tradingstack.llm.offline.OfflineProvider.installed();
    }

    /** A service with this configuration over {@code log}; fails when the price file is unusable. */
    public LlmService newService(CallLog log, java.time.Clock clock) {
        return newService(log, clock, io.tradingstack.runtime.Telemetry.noop());
    }

    /** As {@link #newService(CallLog, java.time.Clock)}, with a span per call to {@code telemetry}. */
    public LlmService newService(CallLog log, java.time.Clock clock, io.tradingstack.runtime.Telemetry telemetry) {
        PriceTable prices = PriceTable.load(pricesFile);
        return new LlmService(newProvider(), log, prices, new UsageMeter(defaultCaps, agentCaps, clock), retryPolicy(),
                clock, telemetry);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries, retryMaxWait, RetryPolicy.Sleeper.REAL);
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model + ", key="
                + (apiKey.isEmpty() ? "(none)" : "****") + "]";
    }
}
