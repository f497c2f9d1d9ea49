package io.tradingstack.llm;

import io.tradingstack.bus.Codecs;
import io.vertx.core.Vertx;

import java.util.List;

/** Bus codecs of the llm records (JSON across a cluster, by reference locally). */
final class LlmCodecs {
    static final List<Class<? extends Record>> TYPES = List.of(LlmCall.class, LlmResult.class, LlmUsageReport.class);

    private LlmCodecs() {
    }

    /** Once per Vert.x instance: the verticle and the activity of one node both call this. */
    static void register(Vertx vertx) {
        Codecs.register(vertx, TYPES);
    }
}
