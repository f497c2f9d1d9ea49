package io.tradingstack.bus;

import io.tradingstack.model.Candle;
import io.tradingstack.model.ComponentStatus;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.Tick;
import io.vertx.core.Vertx;

import java.util.List;

/** Registers one {@link RecordCodec} per {@code model} record; a test keeps this list complete. */
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void registerAll(Vertx vertx) {
        for (Class<? extends Record> type : MODEL_TYPES) {
            try {
                vertx.eventBus().registerDefaultCodec((Class) type, new RecordCodec(type));
            } catch (IllegalStateException alreadyRegistered) {
                // a second Stack on the same Vert.x (tests) registers the same codecs again
            }
        }
    }
}
