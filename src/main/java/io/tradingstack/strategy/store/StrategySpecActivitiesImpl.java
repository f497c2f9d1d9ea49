package io.tradingstack.strategy.store;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.runtime.BusBridge;
import io.tradingstack.strategy.plan.PlannerPrompt;
import io.tradingstack.strategy.rules.RuleEnvironment;
import io.vertx.core.Vertx;

import java.util.List;

/** Delegates to the {@link StrategyStoreVerticle} over the bus. */
public final class StrategySpecActivitiesImpl implements StrategySpecActivities {
    private final BusBridge bus;

    public StrategySpecActivitiesImpl(Vertx vertx) {
        this.bus = new BusBridge(vertx);
        Codecs.register(vertx, SpecStoreMessages.TYPES);
        // built where the worker is registered (a blocking thread): the store workflow plans on this worker
        PlannerPrompt.warmUp(RuleEnvironment.defaultTimeframes());
    }

    @Override
    public StoredSpec save(String specJson) {
        return bus.request(Addresses.STRATEGY_SAVE, new SpecStoreMessages.Save(specJson), StoredSpec.class);
    }

    @Override
    public boolean delete(String market, String timeframe) {
        return bus.request(Addresses.STRATEGY_DELETE, new SpecStoreMessages.Delete(market, timeframe), Boolean.class);
    }

    @Override
    public List<StoredSpec> load() {
        return bus.request(Addresses.STRATEGY_LOAD, "", SpecStoreMessages.Active.class).specs();
    }
}
