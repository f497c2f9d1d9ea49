package io.tradingstack.ledger;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.Side;
import io.tradingstack.runtime.SqlFailures;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The PostgreSQL ledger: the {@link Portfolio} posting rules applied to the journal tables. One
 * instance owns the writes of a database; operations are serialized in memory and, across nodes,
 * by a transaction-scoped advisory lock. The in-memory book mirrors what is committed and is
 * rebuilt from the database after any failure whose outcome is unknown.
 */
public final class Ledger {
    private static final long LOCK_KEY = 0x4C45444745520001L;
    private static final String FUNDING_KEY = "funding:initial";

    private final Pool pool;
    private final String quote;
    private final BigDecimal scrapeFraction;
    private final BigDecimal initialBalance;
    private final LedgerQueries queries;
    private Portfolio book;
    private long lastEntryId;
    private boolean dirty = true;
    private Future<?> tail = Future.succeededFuture();
    /** Fills committed in one transaction at most; bounds the transaction and the latency of its first fill. */
    private static final int MAX_BATCH = 128;
    private final java.util.Deque<Pending> queue = new java.util.ArrayDeque<>();
    private boolean flushScheduled;
    /** Fills to write one per transaction after the database refused the batch they were in. */
    private int isolate;

    public Ledger(Pool pool, String quoteCurrency, BigDecimal scrapeFraction, BigDecimal initialBalance) {
        this.pool = pool;
        this.quote = quoteCurrency;
        this.scrapeFraction = scrapeFraction;
        this.initialBalance = initialBalance;
        this.queries = new LedgerQueries(pool);
    }

    /** Loads the journal and funds a new ledger with the initial balance (once, idempotently). */
    public Future<Void> start() {
        return serial(() -> {
            if (book.entryCount() > 0 || initialBalance.signum() == 0) {
                return Future.succeededFuture();
            }
            // Built by a throwaway book so the live one changes only after the commit.
            JournalEntry funding = new Portfolio(quote, scrapeFraction).fund(FUNDING_KEY, initialBalance, Instant.now());
            return commit(funding, "funding", (c, id) -> Future.succeededFuture())
                    .<Void>map(id -> {
                        book.restore(funding);
                        return null;
                    })
                    .recover(err -> dirty ? reload() : Future.failedFuture(err));
        });
    }

    /**
     * Decides every order left in flight by a previous process (see {@link Recovery}) and rebuilds
     * the book from the result; call once at start, before any order is taken.
     */
    Future<Recovery.Report> recover() {
        return serial(() -> inTransaction(Recovery::run).onComplete(ar -> dirty = true));
    }

    public LedgerQueries queries() {
        return queries;
    }

    /** A read-only view of the book; callers must not keep it across operations. */
    public Future<Portfolio> book() {
        return serial(() -> Future.succeededFuture(book));
    }

    /**
     * Posts a fill once; a fill id seen before yields the stored fill with {@code duplicate = true}.
     * Fills arriving together are group-committed: applied in order to the book, written in one
     * transaction, and answered after the commit. No other operation runs in between; if the write
     * fails the book is rebuilt from the journal before the next operation.
     */
    public Future<PostedFill> postFill(Fill submitted) {
        // PostgreSQL keeps microseconds; the fill returned must equal the fill stored.
        Fill fill = new Fill(submitted.fillId(), submitted.orderId(), submitted.symbol(), submitted.side(), submitted.qty(),
                submitted.price(), submitted.fee(), submitted.liquidity(), submitted.time().truncatedTo(ChronoUnit.MICROS));
        Promise<PostedFill> promise = Promise.promise();
        queue.add(new Pending(fill, promise));
        scheduleFlush();
        return promise.future();
    }

    private record Pending(Fill fill, Promise<PostedFill> promise) {
    }

    private record Staged(Pending pending, JournalEntry entry, BigDecimal pnl, BigDecimal cashOut, OrderStatus[] status) {
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            serial(this::flush);
        }
    }

    private Future<Void> flush() {
        flushScheduled = false;
        int max = isolate > 0 ? 1 : MAX_BATCH;
        List<Pending> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < max) {
            batch.add(queue.poll());
        }
        isolate = Math.max(0, isolate - 1);
        if (!queue.isEmpty()) {
            scheduleFlush();
        }
        List<String> orderIds = batch.stream().map(p -> p.fill().orderId()).filter(java.util.Objects::nonNull).distinct().toList();
        return queries.openQuantities(orderIds).compose(open -> stageAndWrite(batch, open))
                .recover(err -> {
                    batch.forEach(p -> p.promise().tryFail(SqlFailures.coded(err)));
                    return Future.succeededFuture();
                });
    }

    /**
     * Applies the batch to the book and writes it. A fill of a closed order, or beyond what its order
     * still wants, is refused on its own (non-retryable). When the database refuses the data of a
     * batch, its fills are retried one per transaction, so one bad fill cannot fail the others.
     */
    private Future<Void> stageAndWrite(List<Pending> batch, Map<String, BigDecimal> open) {
        List<Staged> staged = new ArrayList<>();
        List<Pending> duplicates = new ArrayList<>();
        for (Pending p : batch) {
            if (book.contains(Portfolio.fillKey(p.fill().fillId()))) {
                duplicates.add(p);
                continue;
            }
            try {
                LedgerRules.consumeOrder(p.fill(), open);
                JournalEntry entry = book.apply(p.fill());
                staged.add(new Staged(p, entry, LedgerRules.realized(entry), LedgerRules.cashOut(entry), new OrderStatus[1]));
            } catch (CodedException e) {
                p.promise().fail(e);
            }
        }
        Future<long[]> write = staged.isEmpty() ? Future.succeededFuture(new long[0]) : writeFills(staged);
        return write.<Void>map(ids -> {
            staged.stream().filter(st -> st.status()[0] == OrderStatus.FILLED).forEach(st -> book.release(st.pending().fill().orderId()));
            for (int i = 0; i < staged.size(); i++) {
                Staged st = staged.get(i);
                st.pending().promise().complete(new PostedFill(st.pending().fill(), ids[i], false, st.pnl(), st.status()[0]));
            }
            return null;
        }).compose(v -> {
            List<Future<PostedFill>> lookups = new ArrayList<>();
            for (Pending d : duplicates) {
                lookups.add(queries.postedFill(d.fill().fillId(), true).onComplete(d.promise()));
            }
            return Future.join(lookups).<Void>mapEmpty().otherwiseEmpty();
        }).recover(err -> {
            dirty = dirty || !staged.isEmpty();
            if (SqlFailures.isDataError(err) && staged.size() > 1) {
                List<Pending> again = new ArrayList<>(staged.stream().map(Staged::pending).toList());
                again.addAll(duplicates);
                for (int k = again.size() - 1; k >= 0; k--) {
                    queue.addFirst(again.get(k));
                }
                isolate += again.size();
                scheduleFlush();
                return Future.succeededFuture();
            }
            staged.forEach(st -> st.pending().promise().tryFail(err));
            duplicates.forEach(d -> d.promise().tryFail(err));
            return Future.succeededFuture();
        });
    }

    /** Writes the staged entries in one transaction; returns their entry ids. */
    private Future<long[]> writeFills(List<Staged> staged) {
        List<JournalEntry> entries = staged.stream().map(Staged::entry).toList();
        List<Fill> fills = staged.stream().map(st -> st.pending().fill()).toList();
        return inTransaction(c -> LedgerSql.insertEntries(c, entries, "fill")
                .compose(ids -> LedgerSql.insertFills(c, fills, ids, staged.stream().map(Staged::pnl).toList())
                        .compose(v -> advanceOrders(c, staged))
                        .map(ids)))
                .onSuccess(ids -> lastEntryId = ids[ids.length - 1]);
    }

    /** Order fill counts and reservations, in fill order (several fills of one order may share a batch). */
    private static Future<Void> advanceOrders(SqlConnection c, List<Staged> staged) {
        Future<Void> chain = Future.succeededFuture();
        for (Staged st : staged) {
            Fill f = st.pending().fill();
            if (f.orderId() != null) {
                chain = chain.compose(v -> LedgerSql.advanceOrder(c, f, f.side() == Side.BUY ? st.cashOut() : BigDecimal.ZERO))
                        .map(status -> {
                            st.status()[0] = status;
                            return null;
                        });
            }
        }
        return chain;
    }

    /**
     * Records accepted orders and holds their funds. With {@code allOrNothing} one rejection
     * rejects the whole batch and nothing is written.
     */
    public Future<List<ReserveResult>> reserve(List<OrderRequest> requests, boolean allOrNothing) {
        return serial(() -> queries.existingOrders(requests).compose(existing -> {
            List<ReserveResult> results = new ArrayList<>();
            List<OrderRequest> accepted = new ArrayList<>();
            for (OrderRequest r : requests) {
                LedgerQueries.Existing original = existing.get(r.orderId()) != null ? existing.get(r.orderId())
                        : r.clientOrderId() == null ? null : existing.get("client:" + r.clientOrderId());
                if (original != null) {
                    results.add(LedgerRules.seenBefore(r, original));
                    continue;
                }
                try {
                    hold(r);
                    accepted.add(r);
                    results.add(new ReserveResult(r.orderId(), ReserveResult.Outcome.ACCEPTED, null, null));
                } catch (CodedException e) {
                    results.add(new ReserveResult(r.orderId(), ReserveResult.Outcome.REJECTED, e.code(), e.getMessage()));
                }
            }
            boolean anyRejected = results.stream().anyMatch(ReserveResult::rejected);
            if (allOrNothing && anyRejected) {
                accepted.forEach(r -> book.release(r.orderId()));
                return Future.succeededFuture(LedgerRules.batchRejected(results));
            }
            if (accepted.isEmpty()) {
                return Future.succeededFuture(results);
            }
            return inTransaction(c -> LedgerSql.insertOrders(c, accepted))
                    .map(v -> results)
                    .onFailure(err -> accepted.forEach(r -> book.release(r.orderId())));
        }));
    }

    private void hold(OrderRequest r) {
        if (r.side() == Side.BUY) {
            book.holdCash(r.orderId(), r.holdCash());
        } else {
            book.holdQty(r.orderId(), r.symbol(), r.holdQty());
        }
    }

    /** Closes an order (CANCELLED or FILLED) and releases what it still holds. */
    public Future<OrderStatus> closeOrder(String orderId, OrderStatus status) {
        return serial(() -> inTransaction(c -> LedgerSql.closeOrder(c, orderId, status))
                .map(finalStatus -> {
                    book.release(orderId);
                    return finalStatus;
                }));
    }

    private Future<Long> commit(JournalEntry entry, String kind, BiFunction<SqlConnection, Long, Future<?>> extra) {
        return inTransaction(c -> LedgerSql.insertEntry(c, entry, kind)
                .compose(id -> extra.apply(c, id).map(id)))
                .onSuccess(id -> lastEntryId = id);
    }

    /** A transaction holding the ledger lock, failing with LEDGER_STORAGE when another writer got ahead. */
    private <T> Future<T> inTransaction(java.util.function.Function<SqlConnection, Future<T>> work) {
        return pool.withTransaction(c -> c.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                        .compose(v -> c.query("SELECT COALESCE(MAX(id), 0) AS id FROM journal_entries").execute())
                        .compose(rows -> {
                            long head = rows.iterator().next().getLong("id");
                            if (head != lastEntryId) {
                                dirty = true;
                                return Future.failedFuture(new CodedException(ErrorCode.LEDGER_STORAGE,
                                        "journal moved on under this node (head " + head + ", known " + lastEntryId + ")"));
                            }
                            return work.apply(c);
                        }))
                .recover(err -> {
                    if (err instanceof CodedException) {
                        return Future.failedFuture(err);
                    }
                    // Unknown outcome or a concurrent writer: rebuild the book from the journal before the next write.
                    dirty = true;
                    return Future.failedFuture(SqlFailures.coded(err));
                });
    }

    private Future<Void> reload() {
        return queries.loadJournal(quote, scrapeFraction).map(loaded -> {
            book = loaded.book();
            lastEntryId = loaded.lastEntryId();
            dirty = false;
            return null;
        });
    }

    /** Runs operations one at a time, reloading the book first when a previous outcome is unknown. */
    private <T> Future<T> serial(Supplier<Future<T>> op) {
        Promise<T> result = Promise.promise();
        tail = tail.transform(ignored -> {
            Future<T> f;
            try {
                f = (dirty ? reload() : Future.<Void>succeededFuture()).compose(v -> op.get());
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            f.onComplete(result);
            return f.transform(x -> Future.succeededFuture());
        });
        return result.future();
    }
}
