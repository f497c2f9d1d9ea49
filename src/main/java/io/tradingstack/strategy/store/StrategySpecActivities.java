package io.tradingstack.strategy.store;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

import java.util.List;

/**
 * The store workflow's side effects, done by the strategy store verticle over the bus. {@code save}
 * is idempotent on the spec's content; a spec that does not validate fails with its code and is not
 * retried.
 */
@ActivityInterface
public interface StrategySpecActivities {
    @ActivityMethod(name = "SaveStrategySpec")
    StoredSpec save(String specJson);

    @ActivityMethod(name = "DeleteStrategySpec")
    boolean delete(String market, String timeframe);

    @ActivityMethod(name = "LoadStrategySpecs")
    List<StoredSpec> load();
}
