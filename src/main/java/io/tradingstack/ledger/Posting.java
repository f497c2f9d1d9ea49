package io.tradingstack.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a journal entry: exactly one of {@code debit} and {@code credit} is positive, the
 * other is zero. Amounts are in {@code currency}: the quote currency for money accounts, the
 * base asset (e.g. BTC) for position quantity accounts. See {@link Accounts} for the chart.
 */
public record Posting(String account, String currency, BigDecimal debit, BigDecimal credit) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
        if (debit == null || credit == null || debit.signum() < 0 || credit.signum() < 0) {
            throw new IllegalArgumentException("debit and credit must be >= 0");
        }
        if ((debit.signum() == 0) == (credit.signum() == 0)) {
            throw new IllegalArgumentException("exactly one of debit and credit must be > 0");
        }
    }

    public static Posting debit(String account, String currency, BigDecimal amount) {
        return new Posting(account, currency, amount, BigDecimal.ZERO);
    }

    public static Posting credit(String account, String currency, BigDecimal amount) {
        return new Posting(account, currency, BigDecimal.ZERO, amount);
    }

    /** Debit minus credit: the effect on a debit-normal (asset, expense) account balance. */
    public BigDecimal signed() {
        return debit.subtract(credit);
    }
}
