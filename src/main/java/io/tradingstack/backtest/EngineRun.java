package io.tradingstack.backtest;

import io.tradingstack.execution.PaperFillModel;
import io.tradingstack.features.FeatureEngine;
import io.tradingstack.ledger.Portfolio;
import io.tradingstack.model.Candle;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Side;
import io.tradingstack.risk.AccountSnapshot;
import io.tradingstack.risk.Direction;
import io.tradingstack.risk.RiskAdjustments;
import io.tradingstack.risk.RiskDecision;
import io.tradingstack.risk.RiskEngine;
import io.tradingstack.risk.TradeRequest;
import io.tradingstack.strategy.Signal;
import io.tradingstack.strategy.Strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state and loop of one backtest run; single-threaded and never reused. */
final class EngineRun {
    private static final int PROGRESS_EVERY = 8192;
    /** Keep this many bars in the feature engines; the fast path keeps no ta4j series. */
    private static final int MAX_BARS = 512;

    private final BacktestConfig config;
    private final List<Dataset> data;
    private final Strategy strategy;
    private final ProgressListener progress;
    private final Portfolio portfolio;
    private final PaperFillModel fills;
    private final RiskEngine risk;
    private final Book book;
    private final SeriesView[] views;
    private final int[] cursor;
    /** Close time of each series' next bar, Long.MAX_VALUE once it is exhausted. */
    private final long[] nextClose;
    private final List<List<Candle>> candles = new ArrayList<>();
    private final List<List<PendingOrder>> pending = new ArrayList<>();
    private final List<Fill> fillLog = new ArrayList<>();
    private final TradeBook trades = new TradeBook();
    private final EquityCurve curve;
    private final List<String> decisions = new ArrayList<>();
    private final OrderCounts orders = new OrderCounts();
    private final BigDecimal buyFactor;
    private final DayTracker days;
    private long sequence;
    private long currentClose = Long.MIN_VALUE;
    private long currentDay = Long.MIN_VALUE;

    EngineRun(BacktestConfig config, List<Dataset> data, String quote, Strategy strategy, ProgressListener progress,
              DayListener dayListener) {
        this.config = config;
        this.days = new DayTracker(dayListener);
        this.data = data;
        this.strategy = strategy;
        this.progress = progress;
        // distinct closes are at least the longest series (more when series are misaligned: it grows)
        this.curve = new EquityCurve(data.stream().mapToInt(d -> d.candles().size()).max().orElse(0) + 2);
        this.portfolio = new Portfolio(quote, BigDecimal.ZERO);
        this.fills = new PaperFillModel(config.feeBps(), config.feeBps(), config.slippageBps());
        this.buyFactor = BigDecimal.ONE.add(config.slippageBps().movePointLeft(4))
                .multiply(BigDecimal.ONE.add(config.feeBps().movePointLeft(4)));
        this.risk = new RiskEngine(config.limits(), config.costRate(), config.minNotional(), config.qtyScale());
        risk.setAdjustments(config.adjustments());
        risk.setCaps(config.caps());
        List<String> symbols = data.stream().map(Dataset::symbol).distinct().toList();
        this.book = new Book(portfolio, symbols);
        this.views = new SeriesView[data.size()];
        this.cursor = new int[data.size()];
        this.nextClose = new long[data.size()];
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Dataset d = data.get(i);
            views[i] = new SeriesView(i, d, FeatureEngine.of(d.symbol(), d.timeframe(), MAX_BARS, strategy.requiredFeatures()),
                    symbols.indexOf(d.symbol()), book);
            keys.add(d.symbol() + ":" + d.timeframe());
            candles.add(d.candles());
            nextClose[i] = closeAt(i, 0);
        }
        symbols.forEach(s -> pending.add(new ArrayList<>()));
        strategy.init(keys);
    }

    /** Reading a bar's time only when it becomes the series' next bar touches each candle once. */
    private long closeAt(int series, int index) {
        List<Candle> list = candles.get(series);
        if (index >= list.size()) {
            return Long.MAX_VALUE;
        }
        Candle c = list.get(index);
        return c.start().getEpochSecond() + c.granularitySec();
    }

    BacktestResult execute() {
        long total = data.stream().mapToLong(d -> d.candles().size()).sum();
        long t0 = System.nanoTime();
        long start = firstStart();
        portfolio.fund("initial-cash", config.initialCash(), Instant.ofEpochSecond(start));
        book.refresh();
        curve.cash(book.cashAndReserve());
        book.appendEquity(curve, start);
        long done = 0;
        int s;
        while ((s = nextSeries()) >= 0) {
            onBar(s, candles.get(s).get(cursor[s]));
            cursor[s]++;
            nextClose[s] = closeAt(s, cursor[s]);
            if (++done % PROGRESS_EVERY == 0) {
                progress.progress(done, total);
            }
        }
        book.appendEquity(curve, currentClose);
        if (days.active() && days.started()) {
            days.end(book.equity(), portfolio.fees(), trades.closed(), true);
        }
        progress.progress(done, total);
        pending.forEach(list -> orders.unfilledAtEnd += list.size());
        return result(done, System.nanoTime() - t0);
    }

    private long firstStart() {
        long min = Long.MAX_VALUE;
        for (Dataset d : data) {
            if (!d.candles().isEmpty()) {
                min = Math.min(min, d.candles().get(0).start().getEpochSecond());
            }
        }
        return min;
    }

    /** The series whose next bar closes first; ties go to the lower index (symbol, then timeframe). */
    private int nextSeries() {
        int best = -1;
        long bestClose = Long.MAX_VALUE;
        for (int i = 0; i < nextClose.length; i++) {
            long close = nextClose[i];
            if (close < bestClose) {
                bestClose = close;
                best = i;
            }
        }
        return best;
    }

    private void onBar(int s, Candle bar) {
        SeriesView view = views[s];
        long close = bar.start().getEpochSecond() + bar.granularitySec();
        if (close != currentClose) {
            if (currentClose != Long.MIN_VALUE) {
                book.appendEquity(curve, currentClose);
                if (days.active()) {
                    days.onClose(book.equity());
                }
            }
            currentClose = close;
        }
        long day = Math.floorDiv(close, 86_400L);
        long barDay = Math.floorDiv(bar.start().getEpochSecond(), 86_400L);
        if (days.active() && barDay != days.epochDay()) {
            dayChanged(barDay);
        }
        executePending(view.symbolIndex(), bar);
        book.mark(view.symbolIndex(), bar.close());
        view.advance(bar, cursor[s]);
        if (day != currentDay) {
            currentDay = day;
            risk.mark(Instant.ofEpochSecond(close), book.equity());
        }
        List<Signal> signals = strategy.onBar(view);
        for (int i = 0; i < signals.size(); i++) {
            handle(view, bar, close, signals.get(i));
        }
    }

    /** Ends the simulated day that was running (its listener may change the adjustments) and starts the next one. */
    private void dayChanged(long day) {
        BigDecimal equity = book.equity();
        if (days.started()) {
            RiskAdjustments next = days.end(equity, portfolio.fees(), trades.closed(), false);
            if (next != null) {
                risk.setAdjustments(next);
            }
        }
        days.begin(day, equity, portfolio.fees(), trades.closed().size());
    }

    private void handle(SeriesView view, Candle bar, long close, Signal signal) {
        int sym = view.symbolIndex();
        decisions.add(close + "|" + view.series() + "|" + signal.direction().key() + "|" + signal.reason());
        if (signal.direction() != Direction.EXIT && hasPendingEntry(sym)) {
            orders.pendingEntryConflict++;
            return;
        }
        BigDecimal position = book.position(sym);
        Side side = signal.side(position.signum());
        BigDecimal price = Prices.exact(bar.close());
        TradeRequest request = new TradeRequest(Instant.ofEpochSecond(close), view.symbol(), side, signal.direction(),
                price, signal.qty(), signal.stopDistance(), signal.emergency(), signal.triggerId(), signal.triggerCategory());
        AccountSnapshot account = new AccountSnapshot(book.equity(), book.cash(), position,
                position.abs().multiply(price), book.grossExposure());
        RiskDecision decision = risk.evaluate(request, account, strategy.limits());
        if (days.active()) {
            days.decided(decision.approved(), signal.direction() != Direction.EXIT, decision.qty());
        }
        if (decision.approved()) {
            pending.get(sym).add(new PendingOrder("o-" + (++sequence), sym, side, decision.qty(), close,
                    signal.direction() == Direction.EXIT));
            orders.submitted++;
        }
    }

    private boolean hasPendingEntry(int sym) {
        for (PendingOrder o : pending.get(sym)) {
            if (!o.exit()) {
                return true;
            }
        }
        return false;
    }

    /** Fills the symbol's orders decided before this bar opened, at its open (bid = ask = open). */
    private void executePending(int sym, Candle bar) {
        List<PendingOrder> list = pending.get(sym);
        if (list.isEmpty()) {
            return;
        }
        long open = bar.start().getEpochSecond();
        List<PendingOrder> later = new ArrayList<>();
        for (PendingOrder o : list) {
            if (o.decidedAt() > open) {
                later.add(o);
            } else {
                fill(o, bar);
            }
        }
        list.clear();
        list.addAll(later);
    }

    private void fill(PendingOrder o, Candle bar) {
        String symbol = book.symbol(o.symbol());
        BigDecimal open = Prices.exact(bar.open());
        BigDecimal qty = o.side() == Side.SELL ? o.qty().min(book.position(o.symbol())) : o.qty();
        if (o.side() == Side.BUY && !Affordability.affords(fills, buyFactor, book.cash(), open, qty)) {
            BigDecimal affordable = Affordability.maxBuyQty(fills, book.cash(), open, config.qtyScale());
            if (affordable.compareTo(qty) < 0) {
                qty = affordable;
                orders.resizedForCash++;
            }
        }
        if (qty.signum() <= 0 || qty.multiply(open).compareTo(config.minNotional()) < 0) {
            orders.rejectedAtFill++;
            return;
        }
        Fill fill = fills.marketFill("f-" + (++sequence), o.orderId(), symbol, o.side(), qty, open, open, bar.start());
        try {
            portfolio.apply(fill);
        } catch (io.tradingstack.bus.CodedException e) {
            orders.rejectedAtFill++;
            return;
        }
        book.refresh(o.symbol());
        curve.cash(book.cashAndReserve());
        fillLog.add(fill);
        trades.onFill(fill, book.position(o.symbol()));
        orders.filled++;
    }

    private BacktestResult result(long bars, long nanos) {
        Map<String, BigDecimal> positions = new LinkedHashMap<>();
        for (String s : portfolio.openSymbols()) {
            positions.put(s, portfolio.position(s));
        }
        BigDecimal equity = portfolio.equity(book.marks());
        return new BacktestResult(data, portfolio.quoteCurrency(), bars, List.copyOf(fillLog), List.copyOf(trades.closed()),
                trades.openCount(), curve, positions, portfolio.cash(), portfolio.reserve(), equity,
                portfolio.realizedPnl(), portfolio.fees(), risk.telemetry(), orders.toMap(), decisions, nanos);
    }
}
