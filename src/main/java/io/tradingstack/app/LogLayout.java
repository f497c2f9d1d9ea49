package io.tradingstack.app;

import io.tradingstack.bus.Json;
import io.tradingstack.runtime.Secrets;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The log layout: readable text by default, one JSON object per line with LOG_FORMAT=json.
 * Every line goes through {@link Secrets#redact(String)} so a secret can never be printed.
 */
public final class LogLayout extends LayoutBase<ILoggingEvent> {
    private static volatile boolean json = "json".equalsIgnoreCase(System.getenv("LOG_FORMAT"));
    private final PatternLayout text = new PatternLayout();
    private String pattern = "%d{HH:mm:ss.SSS} %-5level %-28logger{0} %msg%n%ex";

    /** Applies the validated configuration's format and level to the running logger context. */
    public static void configure(String format, String level) {
        json = "json".equals(format);
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        text.setContext(getContext());
        text.setPattern(pattern);
        text.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        String line = json ? jsonLine(event) : text.doLayout(event);
        return Secrets.redact(line);
    }

    private String jsonLine(ILoggingEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        out.put("level", event.getLevel().toString());
        out.put("logger", event.getLoggerName());
        out.put("thread", event.getThreadName());
        out.put("message", event.getFormattedMessage());
        if (!event.getMDCPropertyMap().isEmpty()) {
            out.put("mdc", event.getMDCPropertyMap());
        }
        if (event.getThrowableProxy() != null) {
            out.put("error", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        try {
            return Json.MAPPER.writeValueAsString(out) + CoreConstants.LINE_SEPARATOR;
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unloggable event\"}" + CoreConstants.LINE_SEPARATOR;
        }
    }
}
