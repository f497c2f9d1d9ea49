package io.tradingstack.llm;

import io.tradingstack.bus.RecordCodec;
import io.vertx.core.Vertx;

import java.util.List;

/** Bus codecs of the llm records (JSON across a cluster, by reference locally). */
final class LlmCodecs {
    static final List<Class<? extends Record>> TYPES = List.of(LlmCall.class, LlmResult.class, LlmUsageReport.class);

    private LlmCodecs() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void register(Vertx vertx) {
        for (Class<? extends Record> type : TYPES) {
            try {
                vertx.eventBus().registerDefaultCodec((Class) type, new RecordCodec(type));
            } catch (IllegalStateException alreadyRegistered) {
                // the verticle and the activity of one node both register
            }
        }
    }
}
