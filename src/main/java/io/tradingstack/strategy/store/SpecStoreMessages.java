package io.tradingstack.strategy.store;

import java.util.List;

/**
 * The records of the spec store's bus endpoints: save takes {@link Save} and answers the
 * {@link StoredSpec}; delete takes {@link Delete} and answers whether a spec was deactivated;
 * load (any body) answers {@link Active}.
 */
public final class SpecStoreMessages {
    public static final List<Class<? extends Record>> TYPES = List.of(Save.class, Delete.class, Active.class,
            StoredSpec.class);

    private SpecStoreMessages() {
    }

    /**
     * A spec as JSON text. Not checked here: the store validates it against this node's timeframes
     * and answers a coded rejection (STRATEGY_SPEC_INVALID) the workflow records.
     */
    public record Save(String specJson) {
        public Save {
            specJson = specJson == null ? "" : specJson;
        }
    }

    /** The market and timeframe whose active spec is deactivated (an unknown pair deactivates nothing). */
    public record Delete(String market, String timeframe) {
    }

    /** Every active spec, for the store workflow's rebuild. */
    public record Active(List<StoredSpec> specs) {
        public Active {
            specs = List.copyOf(specs);
        }
    }
}
