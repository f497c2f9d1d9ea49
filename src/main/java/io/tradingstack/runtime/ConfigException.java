package io.tradingstack.runtime;

/** A configuration value that cannot be used; the message is the one line shown to the operator. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    ConfigException(ConfigKey key, String raw, String accepted) {
        super("Invalid configuration: " + key.name() + "=" + (key.secret() ? "****" : "'" + raw + "'")
                + " is not accepted; expected " + accepted);
    }
}
