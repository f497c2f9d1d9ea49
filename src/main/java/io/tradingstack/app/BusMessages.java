package io.tradingstack.app;

import io.tradingstack.agents.prompts.PromptMessages;
import io.tradingstack.bus.Codecs;
import io.tradingstack.execution.ExecutionMessages;
import io.tradingstack.execution.RiskMessages;
import io.tradingstack.features.CandleHistory;
import io.tradingstack.features.MetricsRequest;
import io.tradingstack.ledger.LedgerMessages;
import io.tradingstack.market.SetSymbols;
import io.tradingstack.runtime.WorkflowState;
import io.tradingstack.strategy.store.SpecStoreMessages;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every component's bus message records. The launcher registers their codecs on every node, so a
 * clustered node can send what only another node handles; each owning verticle also registers its
 * own when it starts (tests deploy verticles alone).
 */
public final class BusMessages {
    public static final List<Class<? extends Record>> ALL = Stream.of(Codecs.MODEL_TYPES, LedgerMessages.TYPES,
            ExecutionMessages.TYPES, RiskMessages.TYPES, SpecStoreMessages.TYPES, SetSymbols.MESSAGES, WorkflowState.MESSAGES,
            CandleHistory.MESSAGES, MetricsRequest.MESSAGES, PromptMessages.TYPES,
            io.tradingstack.agents.execution.DecisionMessages.TYPES, io.tradingstack.agents.judge.JudgeMessages.TYPES,
            io.tradingstack.backtest.sweep.SweepMessages.TYPES)
            .flatMap(List::stream).toList();

    private BusMessages() {
    }

    public static void register(Vertx vertx) {
        Codecs.register(vertx, ALL);
    }
}
