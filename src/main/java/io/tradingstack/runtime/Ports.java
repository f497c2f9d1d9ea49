package io.tradingstack.runtime;

/** Bind failures that name the configuration key, the address and the port, in one line. */
public final class Ports {
    private Ports() {
    }

    public static IllegalStateException bindFailure(String key, String host, int port, Throwable cause) {
        String why = cause instanceof java.net.BindException || String.valueOf(cause.getMessage()).contains("in use")
                ? "the port is already in use (another node or program?)" : String.valueOf(cause.getMessage());
        return new IllegalStateException(key + "=" + port + ": cannot listen on " + host + ":" + port + ": " + why, cause);
    }
}
