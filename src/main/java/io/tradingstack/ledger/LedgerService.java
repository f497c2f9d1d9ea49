package io.tradingstack.ledger;

import io.tradingstack.model.Fill;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.SqlFailures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * What the ledger verticle binds to the bus: the PostgreSQL {@link Ledger} (posting, holds, order
 * closing), its {@link LedgerQueryService} and {@link EquitySampler}, with the failures coded
 * (unavailability retried, data errors and bugs not) and one INFO line per fill recorded.
 */
public final class LedgerService {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerService.class);
    private final Ledger ledger;
    private final LedgerQueryService queries;
    private final EquitySampler sampler;
    private Recovery.Report recovery;

    LedgerService(Ledger ledger, PriceSource prices, long sampleSeconds, Clock clock) {
        this.ledger = ledger;
        this.queries = new LedgerQueryService(ledger, prices, sampleSeconds, clock);
        this.sampler = new EquitySampler(ledger, prices, sampleSeconds);
    }

    /** The ledger of this node's configuration: quote currency of the first market, profit scraping, initial funding. */
    public static LedgerService configured(Pool pool, AppConfig config, PriceSource prices) {
        String quote = Accounts.quote(config.marketSymbols().get(0));
        BigDecimal scrape = config.decimal(ConfigKey.PROFIT_SCRAPE_PCT).movePointLeft(2);
        Ledger ledger = new Ledger(pool, quote, scrape, config.initialPortfolioBalance());
        return new LedgerService(ledger, prices, config.integer(ConfigKey.LEDGER_SAMPLE_SECONDS), Clock.systemUTC());
    }

    /** Loads the journal, funds a new ledger, and decides the orders a previous process left in flight. */
    public Future<Void> start() {
        return ledger.start().compose(v -> ledger.recover()).map(report -> {
            recovery = report;
            LOG.info("Ledger rebuilt from PostgreSQL; recovery: {} filled, {} cancelled, {} resting, {} holds released",
                    report.filled(), report.cancelled(), report.resting(), report.releasedHolds());
            return null;
        });
    }

    /** Posts a fill once (a repeated fill id answers the stored one with {@code duplicate}). */
    public Future<PostedFill> postFill(Fill fill) {
        return coded(ledger.postFill(fill)).onSuccess(posted -> {
            if (!posted.duplicate()) {
                Fill f = posted.fill();
                LOG.info("Fill {} of order {}: {} {} {} at {} fee {} ({}), entry {}, realized {}", f.fillId(), f.orderId(),
                        f.side(), f.qty().toPlainString(), f.symbol(), f.price().toPlainString(), f.fee().toPlainString(),
                        f.liquidity(), posted.entryId(), posted.realizedPnl().toPlainString());
            }
        });
    }

    public Future<ReserveReply> reserve(ReserveRequest request) {
        return coded(ledger.reserve(request.orders(), request.allOrNothing()).map(ReserveReply::new));
    }

    public Future<CloseOrder.Closed> closeOrder(CloseOrder close) {
        return coded(ledger.closeOrder(close.orderId(), close.status()).map(s -> new CloseOrder.Closed(close.orderId(), s)));
    }

    public Future<Object> query(LedgerQuery q) {
        return coded(queries.answer(q));
    }

    public EquitySampler sampler() {
        return sampler;
    }

    /** Entries, cash and what recovery decided at this start. */
    public Future<JsonObject> health() {
        return ledger.book().map(b -> HealthRegistry.up().put("entries", b.entryCount())
                .put("cash", PortfolioView.plain(b.cash()).toPlainString())
                .put("recovery", recovery == null ? null : recovery.toJson()));
    }

    private static <T> Future<T> coded(Future<T> f) {
        return f.recover(e -> Future.failedFuture(SqlFailures.coded(e)));
    }
}
