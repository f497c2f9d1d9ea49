package io.tradingstack.runtime;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one typed, validated configuration: defaults, then {@code conf/application.json}, then
 * environment variables, then CLI options; later sources win. Secrets are redacted in every
 * rendering of it.
 */
public final class AppConfig {
    private final Map<ConfigKey, Object> values;
    private final Map<ConfigKey, String> raw;
    private final JsonObject sections;

    private AppConfig(Map<ConfigKey, Object> values, Map<ConfigKey, String> raw, JsonObject sections) {
        this.values = values;
        this.raw = raw;
        this.sections = sections;
    }

    /** Read when present and no --config is given. */
    public static final Path DEFAULT_FILE = Path.of("conf", "application.json");

    /**
     * The configuration as the command line asks for it: the environment, {@code --config FILE} (which
     * must exist) or else the optional {@link #DEFAULT_FILE}, and the overrides.
     */
    public static AppConfig fromCommandLine(Path configOption, Map<String, String> overrides) {
        if (configOption != null && !Files.isRegularFile(configOption)) {
            throw new ConfigException("Invalid configuration: --config " + configOption + " does not exist or is not a file");
        }
        return load(System.getenv(), configOption != null ? configOption : DEFAULT_FILE, overrides);
    }

    /** Defaults only (plus overrides); used by tests and tools. */
    public static AppConfig defaults(Map<String, String> overrides) {
        return load(Map.of(), null, overrides);
    }

    /**
     * Builds the configuration. Unknown keys in the file or among the overrides are rejected;
     * environment variables are read only for known keys.
     */
    public static AppConfig load(Map<String, String> env, Path confFile, Map<String, String> overrides) {
        Map<ConfigKey, String> raw = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            raw.put(key, key.defaultValue());
        }
        JsonObject sections = new JsonObject();
        if (confFile != null && Files.exists(confFile)) {
            readFile(confFile, raw, sections);
        }
        for (ConfigKey key : ConfigKey.values()) {
            String v = env.get(key.name());
            if (v != null) {
                raw.put(key, v);
            }
        }
        overrides.forEach((name, value) -> raw.put(known(name, "command line"), value));
        Map<ConfigKey, Object> parsed = new EnumMap<>(ConfigKey.class);
        raw.forEach((key, value) -> parsed.put(key, key.parse(value)));
        AppConfig config = new AppConfig(parsed, raw, sections);
        config.checkCombinations();
        config.registerSecrets();
        return config;
    }

    private static void readFile(Path file, Map<ConfigKey, String> raw, JsonObject sections) {
        JsonObject json;
        try {
            json = new JsonObject(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("Invalid configuration file " + file + ": " + e.getMessage());
        }
        for (Map.Entry<String, Object> e : json) {
            if (e.getValue() instanceof JsonObject section) {
                sections.put(e.getKey(), section);
            } else {
                raw.put(known(e.getKey(), file.toString()), String.valueOf(e.getValue()));
            }
        }
    }

    private static ConfigKey known(String name, String source) {
        return ConfigKey.named(name).orElseThrow(() -> new ConfigException(
                "Unknown configuration key '" + name + "' in " + source + "; known keys: "
                        + String.join(", ", ConfigKey.names())));
    }

    private void checkCombinations() {
        if (!isLoopback(bindHost()) && mcpAuthToken().isEmpty()) {
            throw new ConfigException("Invalid configuration: BIND_HOST='" + bindHost()
                    + "' is not a loopback address, so MCP_AUTH_TOKEN must be set");
        }
        if (httpPort() == mcpPort()) {
            throw new ConfigException("Invalid configuration: HTTP_PORT and MCP_PORT are both " + httpPort()
                    + "; expected two different ports");
        }
    }

    private void registerSecrets() {
        for (ConfigKey key : ConfigKey.values()) {
            if (key.secret()) {
                Secrets.register(raw.get(key));
            }
        }
        PgUrl.parse(pgUrl()).ifPresent(url -> Secrets.register(url.password()));
        // Each decoded header value (and the credential after an auth scheme) may be printed alone.
        OtlpSettings.parseHeaders(get(ConfigKey.OTEL_EXPORTER_OTLP_HEADERS)).values().forEach(v -> {
            Secrets.register(v);
            Secrets.register(v.substring(v.indexOf(' ') + 1));
        });
    }

    public static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public String get(ConfigKey key) {
        return raw.get(key);
    }

    @SuppressWarnings("unchecked")
    private <T> T typed(ConfigKey key) {
        return (T) values.get(key);
    }

    public Path dataDir() {
        return Path.of(get(ConfigKey.DATA_DIR)).toAbsolutePath().normalize();
    }

    public String bindHost() {
        return typed(ConfigKey.BIND_HOST);
    }

    public int httpPort() {
        return typed(ConfigKey.HTTP_PORT);
    }

    public int mcpPort() {
        return typed(ConfigKey.MCP_PORT);
    }

    public String pgUrl() {
        return typed(ConfigKey.PG_URL);
    }

    public int pgPoolSize() {
        return typed(ConfigKey.PG_POOL_SIZE);
    }

    public String temporalAddress() {
        return typed(ConfigKey.TEMPORAL_ADDRESS);
    }

    public String temporalNamespace() {
        return typed(ConfigKey.TEMPORAL_NAMESPACE);
    }

    public String taskQueue() {
        return typed(ConfigKey.TASK_QUEUE);
    }

    public BigDecimal initialPortfolioBalance() {
        return typed(ConfigKey.INITIAL_PORTFOLIO_BALANCE);
    }

    public String marketSource() {
        return typed(ConfigKey.MARKET_SOURCE);
    }

    public List<String> marketSymbols() {
        return typed(ConfigKey.MARKET_SYMBOLS);
    }

    public double replaySpeed() {
        return typed(ConfigKey.REPLAY_SPEED);
    }

    public String openAiApiKey() {
        return typed(ConfigKey.OPENAI_API_KEY);
    }

    public String mcpAuthToken() {
        return typed(ConfigKey.MCP_AUTH_TOKEN);
    }

    public List<String> mcpTiers() {
        return typed(ConfigKey.MCP_TIERS);
    }

    public List<String> clusterMembers() {
        return typed(ConfigKey.CLUSTER_MEMBERS);
    }

    public int clusterPort() {
        return typed(ConfigKey.CLUSTER_PORT);
    }

    public BigDecimal decimal(ConfigKey key) {
        return typed(key);
    }

    public int integer(ConfigKey key) {
        return typed(key);
    }

    /** A verticle's optional config section from {@code conf/application.json}. */
    public JsonObject section(String name) {
        JsonObject s = sections.getJsonObject(name);
        return s == null ? new JsonObject() : s.copy();
    }

    /** Every key with secrets redacted: safe to log or serve. */
    public Map<String, String> redacted() {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k.name(), k.secret() && !v.isEmpty() ? "****" : v));
        out.put(ConfigKey.PG_URL.name(), PgUrl.parse(pgUrl()).map(PgUrl::redacted).orElse(""));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "AppConfig" + redacted();
    }
}
