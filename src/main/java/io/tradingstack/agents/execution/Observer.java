package io.tradingstack.agents.execution;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.features.CandleHistory;
import io.tradingstack.ledger.LedgerQuery;
import io.tradingstack.ledger.PortfolioStatus;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.BusBridge;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.rules.Frame;
import io.tradingstack.strategy.rules.PositionState;
import io.tradingstack.strategy.spec.CompiledSpec;
import io.tradingstack.strategy.spec.OpenTrade;
import io.tradingstack.strategy.spec.SpecDecision;
import io.tradingstack.strategy.store.SpecStoreMessages;
import io.tradingstack.strategy.store.StoredSpec;

import io.tradingstack.execution.RiskMessages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent sees on a nudge, read over the bus: the active specs (strategy store), the
 * portfolio (ledger STATUS), and per symbol the bars of its spec's timeframe the features engine
 * holds. The spec's pure signal function decides on the last closed bar with the real position,
 * exactly as the backtester would; the proposal is sized at the current equity.
 */
final class Observer {
    /** Bars handed to the frame builder: enough for the long indicators and the coarser timeframes. */
    static final int BARS = 400;
    private final BusBridge bus;
    private final List<String> timeframes;

    Observer(BusBridge bus, AppConfig config) {
        this.bus = bus;
        this.timeframes = Arrays.stream(config.get(ConfigKey.FEATURES_TIMEFRAMES).split(",")).map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
    }

    Observation.Batch observe(ObserveRequest request) {
        List<StoredSpec> specs = bus.request(Addresses.STRATEGY_LOAD, "", SpecStoreMessages.Active.class).specs();
        PortfolioStatus status = bus.request(Addresses.LEDGER_QUERY, LedgerQuery.of(LedgerQuery.Kind.STATUS), PortfolioStatus.class);
        Map<String, Object> limits = bus.request(Addresses.RISK_ENFORCEMENT, new RiskMessages.EnforcementQuery(null),
                RiskMessages.Enforcement.class).limits();
        BuyCap cap = BuyCap.of(status, limits);
        List<Observation> out = new ArrayList<>();
        for (String symbol : request.symbols()) {
            out.add(readable(symbol, () -> symbol(symbol, specs, status, cap, request.openTrades().get(symbol))));
        }
        Map<String, Object> portfolio = new LinkedHashMap<>();
        portfolio.put("cash", status.cash());
        portfolio.put("available_cash", status.availableCash());
        portfolio.put("equity", status.equity());
        portfolio.put("positions", status.positions().stream().map(p -> Map.of("symbol", p.symbol(), "qty", p.qty())).toList());
        return new Observation.Batch(out, portfolio, status.equity());
    }

    /** One symbol that cannot be read (its bars, its spec) is recorded as unusable; the others are still decided. */
    private static Observation readable(String symbol, java.util.function.Supplier<Observation> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return Observation.unusable(symbol, ErrorCode.of(e).name() + ": " + e.getMessage());
        }
    }

    private Observation symbol(String symbol, List<StoredSpec> specs, PortfolioStatus status, BuyCap cap, OpenTrade open) {
        StoredSpec stored = specs.stream().filter(s -> s.market().equals(symbol))
                .max(Comparator.comparing(StoredSpec::storedAt, Comparator.nullsFirst(Comparator.naturalOrder()))).orElse(null);
        if (stored == null) {
            return Observation.unusable(symbol, ErrorCode.EXECUTION_NO_SPEC.name() + ": no active strategy spec for " + symbol);
        }
        CompiledSpec compiled = StrategySpecs.compile(stored.spec(), timeframes);
        CandleHistory h = bus.request(Addresses.FEATURES_CANDLES, new CandleHistory.Request(symbol, stored.timeframe(), BARS),
                CandleHistory.class);
        if (h.candles().size() < 2) {
            return Observation.unusable(symbol, ErrorCode.EXECUTION_NO_MARKET_DATA.name() + ": " + h.candles().size() + " closed " + stored.timeframe()
                    + " bars of " + symbol + " so far");
        }
        PortfolioStatus.Position pos = status.positions().stream().filter(p -> p.symbol().equals(symbol)).findFirst().orElse(null);
        BigDecimal qty = pos == null || pos.qty() == null ? BigDecimal.ZERO : pos.qty();
        BigDecimal available = pos == null || pos.availableQty() == null ? BigDecimal.ZERO : pos.availableQty();
        PositionState side = qty.signum() > 0 ? PositionState.LONG : PositionState.FLAT;
        List<Frame> frames = StrategySpecs.frames(compiled, h.candles(), side);
        Frame current = frames.get(frames.size() - 1);
        SpecDecision d = StrategySpecs.decide(compiled, current, frames.get(frames.size() - 2),
                side == PositionState.LONG && open != null && open.side() == side ? open : null);
        double last = h.open() != null ? h.open().close() : h.candles().get(h.candles().size() - 1).close();
        BigDecimal price = BigDecimal.valueOf(last);
        Map<String, Object> features = current.base() == null ? Map.of() : plain(current.base());
        String bar = String.valueOf(current.time());
        Map<String, Object> digestOf = new LinkedHashMap<>();
        digestOf.put("spec", stored.specId() + "@" + stored.version());
        digestOf.put("bar", bar);
        digestOf.put("price", price.toPlainString());
        digestOf.put("qty", qty.toPlainString());
        digestOf.put("features", features);
        return new Observation(symbol, price, bar, stored.specId(), stored.version(), stored.timeframe(),
                proposal(d, status.equity(), available, cap.notional(symbol), price), d.evaluation().toMap(), features, qty, available, null,
                sha256(Json.write(digestOf)));
    }

    /**
     * The spec's decision as an order proposal: entries sized at the equity by the spec's rule and
     * capped at {@code maxNotional} (what the cash and the risk gate's exposure limits leave, since
     * the gate refuses rather than shrinks an order), exits of the whole available position.
     */
    private static String category(SpecDecision d) {
        return d.category() == null ? null : d.category().key();
    }

    static Proposal proposal(SpecDecision d, BigDecimal equity, BigDecimal available, BigDecimal maxNotional, BigDecimal price) {
        return switch (d.action()) {
            case ENTER_LONG -> {
                BigDecimal qty = d.quantity(equity);
                String reason = d.reason();
                BigDecimal most = maxNotional.divide(price, 8, RoundingMode.DOWN);
                if (qty != null && qty.compareTo(most) > 0) {
                    qty = most;
                    reason = reason + ":capped_by_cash_or_exposure";
                }
                yield qty == null || qty.signum() <= 0 ? Proposal.hold(reason + ":no_size")
                        : new Proposal("buy", reason, d.triggerId(), qty, d.stopPrice(), d.takeProfitPrice(), false, category(d));
            }
            case EXIT -> available.signum() > 0
                    ? new Proposal("sell", d.reason(), d.triggerId(), available, null, null, d.emergency(), category(d))
                    : Proposal.hold(d.reason() + ":nothing_available");
            case ENTER_SHORT -> Proposal.hold(d.reason() + ":no_shorts_on_spot");
            case HOLD -> Proposal.hold(d.reason());
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Object value) {
        try {
            return Json.MAPPER.readValue(Json.write(value), Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("features are not JSON", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
