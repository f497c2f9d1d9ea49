package io.tradingstack.strategy.spec;

import io.tradingstack.strategy.rules.CompiledRule;

/** A trigger with its rules compiled; {@code entry} is null for exit triggers, {@code exit} may be null. */
public record CompiledTrigger(Trigger trigger, CompiledRule entry, CompiledRule exit) {

    public String id() {
        return trigger.id();
    }
}
