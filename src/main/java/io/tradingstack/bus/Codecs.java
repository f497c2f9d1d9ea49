package io.tradingstack.bus;

import io.tradingstack.model.Candle;
import io.tradingstack.model.ComponentStatus;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.Tick;
import io.vertx.core.Vertx;

import java.util.List;

/** Registers one {@link RecordCodec} per bus record: the {@code model} records (a test keeps this list complete) and each component's messages. */
public final class Codecs {
    /** Every record type of the {@code model} package. */
    public static final List<Class<? extends Record>> MODEL_TYPES = List.of(
            Tick.class,
            Candle.class,
            ComponentStatus.class,
            OrderIntent.class,
            Fill.class,
            FeatureVector.class);

    private Codecs() {
    }

    public static void registerAll(Vertx vertx) {
        register(vertx, MODEL_TYPES);
    }

    /**
     * Registers one codec per record type, once per Vert.x instance: the owning verticle registers
     * its messages when it starts, the launcher every component's (a clustered node may send what
     * another node handles).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void register(Vertx vertx, List<Class<? extends Record>> types) {
        for (Class<? extends Record> type : types) {
            try {
                vertx.eventBus().registerDefaultCodec((Class) type, new RecordCodec(type));
            } catch (IllegalStateException alreadyRegistered) {
                // registered by another verticle or a second Stack on the same Vert.x (tests)
            }
        }
    }
}
