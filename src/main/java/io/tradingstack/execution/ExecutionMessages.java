package io.tradingstack.execution;

import java.util.List;

/** The records of the execution component's bus endpoints, each with a codec. */
public final class ExecutionMessages {
    public static final List<Class<? extends Record>> TYPES = List.of(WatchOrder.class);

    private ExecutionMessages() {
    }
}
