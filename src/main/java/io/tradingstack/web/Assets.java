package io.tradingstack.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Third-party browser code served from its webjar on the classpath (Apache ECharts for the charts),
 * under a stable path so the pages do not name the library's version.
 */
final class Assets {
    private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private Assets() {
    }

    static Handler<RoutingContext> echarts() {
        String path = "META-INF/resources/webjars/echarts/" + version(ECHARTS_POM) + "/dist/echarts.min.js";
        return rc -> rc.response().putHeader("content-type", "text/javascript; charset=utf-8")
                .putHeader("cache-control", "max-age=86400").sendFile(path);
    }

    /** The webjar's version from its Maven metadata (kept in the fat jar). */
    static String version(String pomProperties) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(pomProperties)) {
            if (in == null) {
                throw new IllegalStateException("missing " + pomProperties + " on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
