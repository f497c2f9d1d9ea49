package io.tradingstack.ledger;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An in-memory double-entry book and the one implementation of the posting rules: the backtester
 * uses it directly, the PostgreSQL ledger persists the entries it produces. Balances are kept as
 * debit minus credit per account. It never posts an unbalanced entry and never lets cash or a
 * position go negative. Not thread-safe: one owner serializes access.
 */
public final class Portfolio {
    /** Decimals of amounts that need a division (cost basis removed on a partial sell, scrape). */
    public static final int SCALE = 8;

    private final String quote;
    private final BigDecimal scrapeFraction;
    private final Map<String, BigDecimal> balances = new TreeMap<>();
    private final Map<String, JournalEntry> byKey = new HashMap<>();
    private final Holds holds = new Holds();
    private long entries;

    /**
     * @param quoteCurrency        currency of every money account (e.g. USD)
     * @param profitScrapeFraction share in [0, 1] of each realized profit (net of the sell fee)
     *                             moved from cash to the reserve
     */
    public Portfolio(String quoteCurrency, BigDecimal profitScrapeFraction) {
        this.quote = Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        if (profitScrapeFraction == null || profitScrapeFraction.signum() < 0
                || profitScrapeFraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("profitScrapeFraction must be in [0, 1]");
        }
        this.scrapeFraction = profitScrapeFraction;
    }

    public String quoteCurrency() {
        return quote;
    }

    /** Funding: Dr cash, Cr funding. Idempotent on the key. */
    public JournalEntry fund(String idempotencyKey, BigDecimal amount, Instant time) {
        JournalEntry seen = byKey.get(idempotencyKey);
        if (seen != null) {
            return seen;
        }
        if (amount == null || amount.signum() <= 0) {
            throw new CodedException(ErrorCode.LEDGER_UNBALANCED, "funding amount must be > 0");
        }
        return post(new JournalEntry(idempotencyKey, time, "funding " + amount + " " + quote, List.of(
                Posting.debit(Accounts.CASH, quote, amount),
                Posting.credit(Accounts.FUNDING, quote, amount))));
    }

    /** The idempotency key of the entry a fill produces. */
    public static String fillKey(String fillId) {
        return "fill:" + fillId;
    }

    /**
     * Posts a fill; a fill id seen before returns the original entry and posts nothing.
     *
     * @throws CodedException ORDER_INSUFFICIENT_CASH, ORDER_INSUFFICIENT_HOLDINGS or ORDER_INVALID
     */
    public JournalEntry apply(Fill fill) {
        JournalEntry seen = byKey.get(fillKey(fill.fillId()));
        if (seen != null) {
            return seen;
        }
        JournalEntry entry = post(preview(fill));
        consumeHolds(fill, entry);
        return entry;
    }

    /** The entry a fill would produce now, without posting it; same checks as {@link #apply}. */
    public JournalEntry preview(Fill fill) {
        if (!quote.equals(Accounts.quote(fill.symbol()))) {
            throw new CodedException(ErrorCode.ORDER_INVALID, fill.symbol() + " is not quoted in " + quote);
        }
        return fill.side() == Side.BUY ? buyEntry(fill) : sellEntry(fill);
    }

    private JournalEntry buyEntry(Fill f) {
        BigDecimal cost = f.notional();
        BigDecimal needed = cost.add(f.fee());
        BigDecimal available = availableCash().add(holds.cashOf(f.orderId()));
        if (needed.compareTo(available) > 0) {
            throw new CodedException(ErrorCode.ORDER_INSUFFICIENT_CASH,
                    "buy needs " + needed + " " + quote + ", available " + available);
        }
        String base = Accounts.base(f.symbol());
        List<Posting> p = new ArrayList<>();
        p.add(Posting.debit(Accounts.holdings(f.symbol()), quote, cost));
        p.add(Posting.credit(Accounts.CASH, quote, cost));
        addFee(p, f.fee());
        p.add(Posting.debit(Accounts.position(f.symbol()), base, f.qty()));
        p.add(Posting.credit(Accounts.exchange(f.symbol()), base, f.qty()));
        return new JournalEntry(fillKey(f.fillId()), f.time(), describe(f), p);
    }

    private JournalEntry sellEntry(Fill f) {
        BigDecimal held = position(f.symbol());
        BigDecimal available = availableQty(f.symbol()).add(holds.qtyOf(f.orderId(), f.symbol()));
        if (f.qty().compareTo(available) > 0) {
            throw new CodedException(ErrorCode.ORDER_INSUFFICIENT_HOLDINGS,
                    "sell of " + f.qty() + " " + f.symbol() + ", available " + available);
        }
        BigDecimal holdingCost = balance(Accounts.holdings(f.symbol()));
        BigDecimal cost = f.qty().compareTo(held) == 0 ? holdingCost
                : holdingCost.multiply(f.qty()).divide(held, SCALE, RoundingMode.HALF_EVEN);
        BigDecimal proceeds = f.notional();
        BigDecimal pnl = proceeds.subtract(cost);
        String base = Accounts.base(f.symbol());
        List<Posting> p = new ArrayList<>();
        p.add(Posting.debit(Accounts.CASH, quote, proceeds));
        p.add(Posting.credit(Accounts.holdings(f.symbol()), quote, cost));
        if (pnl.signum() > 0) {
            p.add(Posting.credit(Accounts.REALIZED_PNL, quote, pnl));
        } else if (pnl.signum() < 0) {
            p.add(Posting.debit(Accounts.REALIZED_PNL, quote, pnl.negate()));
        }
        addFee(p, f.fee());
        BigDecimal scrape = scrapeOf(pnl.subtract(f.fee()));
        if (scrape.signum() > 0) {
            p.add(Posting.debit(Accounts.RESERVE, quote, scrape));
            p.add(Posting.credit(Accounts.CASH, quote, scrape));
        }
        p.add(Posting.debit(Accounts.exchange(f.symbol()), base, f.qty()));
        p.add(Posting.credit(Accounts.position(f.symbol()), base, f.qty()));
        return new JournalEntry(fillKey(f.fillId()), f.time(), describe(f), p);
    }

    /** Profit scraping takes a share of the trade's profit net of its sell fee, rounded down. */
    private BigDecimal scrapeOf(BigDecimal netProfit) {
        if (netProfit.signum() <= 0 || scrapeFraction.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return netProfit.multiply(scrapeFraction).setScale(SCALE, RoundingMode.DOWN);
    }

    private void addFee(List<Posting> p, BigDecimal fee) {
        if (fee.signum() > 0) {
            p.add(Posting.debit(Accounts.FEES, quote, fee));
            p.add(Posting.credit(Accounts.CASH, quote, fee));
        }
    }

    private static String describe(Fill f) {
        return f.side() + " " + f.qty().toPlainString() + " " + f.symbol() + " @ " + f.price().toPlainString()
                + " fee " + f.fee().toPlainString() + " (" + f.liquidity() + ", order " + f.orderId() + ")";
    }

    /**
     * Adds an entry produced earlier (by this class, e.g. read back from PostgreSQL) to the book.
     * Rejects unbalanced entries; a key seen before is ignored.
     */
    public JournalEntry restore(JournalEntry entry) {
        if (byKey.containsKey(entry.idempotencyKey())) {
            return byKey.get(entry.idempotencyKey());
        }
        return post(entry);
    }

    private JournalEntry post(JournalEntry entry) {
        if (!entry.balanced()) {
            throw new CodedException(ErrorCode.LEDGER_UNBALANCED, "entry " + entry.idempotencyKey()
                    + " does not balance: " + entry.imbalances());
        }
        for (Posting p : entry.postings()) {
            // old + signed, computed as old + debit or old - credit: the same exact value and
            // scale (balances start from signed(), of scale >= 0) with one BigDecimal, not two
            BigDecimal old = balances.get(p.account());
            if (old == null) {
                balances.put(p.account(), p.signed());
            } else {
                balances.put(p.account(), p.debit().signum() > 0 ? old.add(p.debit()) : old.subtract(p.credit()));
            }
        }
        byKey.put(entry.idempotencyKey(), entry);
        entries++;
        return entry;
    }

    private void consumeHolds(Fill fill, JournalEntry entry) {
        if (fill.side() == Side.BUY) {
            if (!holds.holdsCash(fill.orderId())) {
                return;
            }
            holds.useCash(fill.orderId(), entry.postings().stream().filter(p -> p.account().equals(Accounts.CASH))
                    .map(Posting::credit).reduce(BigDecimal.ZERO, BigDecimal::add));
        } else {
            holds.useQty(fill.orderId(), fill.qty());
        }
    }

    /** Sets aside cash for a resting buy order; its fills may use it, nothing else may. */
    public void holdCash(String orderId, BigDecimal amount) {
        if (amount.compareTo(availableCash()) > 0) {
            throw new CodedException(ErrorCode.ORDER_INSUFFICIENT_CASH,
                    "cannot reserve " + amount + " " + quote + ", available " + availableCash());
        }
        holds.holdCash(orderId, amount);
    }

    /** Sets aside a quantity for a resting sell order. */
    public void holdQty(String orderId, String symbol, BigDecimal qty) {
        if (qty.compareTo(availableQty(symbol)) > 0) {
            throw new CodedException(ErrorCode.ORDER_INSUFFICIENT_HOLDINGS,
                    "cannot reserve " + qty + " " + symbol + ", available " + availableQty(symbol));
        }
        holds.holdQty(orderId, symbol, qty);
    }

    /** Releases whatever an order still holds (cancelled, expired or completely filled). */
    public void release(String orderId) {
        holds.release(orderId);
    }

    public BigDecimal balance(String account) {
        return balances.getOrDefault(account, BigDecimal.ZERO);
    }

    /** Every account balance as debit minus credit. */
    public Map<String, BigDecimal> balances() {
        return new LinkedHashMap<>(balances);
    }

    /** Cash that can be traded (the reserve is a separate account and never part of it). */
    public BigDecimal cash() {
        return balance(Accounts.CASH);
    }

    /** Cash minus what resting buy orders hold. */
    public BigDecimal availableCash() {
        return cash().subtract(holds.totalCash());
    }

    public BigDecimal reserve() {
        return balance(Accounts.RESERVE);
    }

    public BigDecimal position(String symbol) {
        return balance(Accounts.position(symbol));
    }

    /** Position minus what resting sell orders hold. */
    public BigDecimal availableQty(String symbol) {
        return position(symbol).subtract(holds.totalQty(symbol));
    }

    /** Cost of the open position per unit (fees excluded), or zero when flat. */
    public BigDecimal averageCost(String symbol) {
        BigDecimal qty = position(symbol);
        return qty.signum() == 0 ? BigDecimal.ZERO
                : balance(Accounts.holdings(symbol)).divide(qty, SCALE, RoundingMode.HALF_EVEN);
    }

    /** Realized profit and loss before fees (credit balance of realized-pnl). */
    public BigDecimal realizedPnl() {
        return balance(Accounts.REALIZED_PNL).negate();
    }

    public BigDecimal fees() {
        return balance(Accounts.FEES);
    }

    public BigDecimal funding() {
        return balance(Accounts.FUNDING).negate();
    }

    /** Symbols with a non-zero position, sorted. */
    public List<String> openSymbols() {
        List<String> out = new ArrayList<>();
        balances.forEach((account, v) -> {
            if (account.startsWith("position:") && v.signum() != 0) {
                out.add(Accounts.symbolOf(account));
            }
        });
        return out;
    }

    /** Market value of a position at its mark, or at cost when no mark is given. */
    public BigDecimal marketValue(String symbol, Map<String, BigDecimal> marks) {
        BigDecimal mark = marks.get(symbol);
        return mark == null ? balance(Accounts.holdings(symbol)) : position(symbol).multiply(mark);
    }

    /** Cash + reserve + positions marked to market (at cost where no mark is given). */
    public BigDecimal equity(Map<String, BigDecimal> marks) {
        BigDecimal total = cash().add(reserve());
        for (String symbol : openSymbols()) {
            total = total.add(marketValue(symbol, marks));
        }
        return total;
    }

    public boolean contains(String idempotencyKey) {
        return byKey.containsKey(idempotencyKey);
    }

    public JournalEntry entry(String idempotencyKey) {
        return byKey.get(idempotencyKey);
    }

    public long entryCount() {
        return entries;
    }
}
