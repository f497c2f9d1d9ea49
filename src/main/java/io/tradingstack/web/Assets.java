package io.tradingstack.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Third-party browser code served from its webjar on the classpath (Apache ECharts for the charts),
 * under a stable path so the pages do not name the library's version. The file is read once, on a
 * worker thread at start: serving it from inside a jar would otherwise extract it on the event loop.
 */
final class Assets {
    private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private Assets() {
    }

    /** The handler of the ECharts bundle, once its bytes are loaded. */
    static Future<Handler<RoutingContext>> echarts(Vertx vertx) {
        String path = "META-INF/resources/webjars/echarts/" + version(ECHARTS_POM) + "/dist/echarts.min.js";
        return vertx.executeBlocking(() -> read(path), false).map(bytes -> rc -> rc.response()
                .putHeader("content-type", "text/javascript; charset=utf-8")
                .putHeader("cache-control", "max-age=86400").end(bytes));
    }

    private static Buffer read(String resource) throws IOException {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource + " on the classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        }
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
