package io.tradingstack.ledger;

/**
 * The chart of accounts. Money accounts are in the portfolio's quote currency; each traded symbol
 * also has a quantity pair in its base asset so that positions live in the journal too.
 *
 * <table>
 * <tr><th>account</th><th>currency</th><th>kind</th><th>normal side</th></tr>
 * <tr><td>cash</td><td>quote</td><td>asset</td><td>debit</td></tr>
 * <tr><td>reserve</td><td>quote</td><td>asset (scraped profit, never traded)</td><td>debit</td></tr>
 * <tr><td>holdings:SYM</td><td>quote</td><td>asset at cost</td><td>debit</td></tr>
 * <tr><td>fees</td><td>quote</td><td>expense</td><td>debit</td></tr>
 * <tr><td>realized-pnl</td><td>quote</td><td>income</td><td>credit</td></tr>
 * <tr><td>funding</td><td>quote</td><td>equity</td><td>credit</td></tr>
 * <tr><td>position:SYM</td><td>base</td><td>asset (quantity)</td><td>debit</td></tr>
 * <tr><td>exchange:SYM</td><td>base</td><td>counterparty of quantity</td><td>credit</td></tr>
 * </table>
 */
public final class Accounts {
    public static final String CASH = "cash";
    public static final String RESERVE = "reserve";
    public static final String FEES = "fees";
    public static final String REALIZED_PNL = "realized-pnl";
    public static final String FUNDING = "funding";

    private Accounts() {
    }

    public static String holdings(String symbol) {
        return "holdings:" + symbol;
    }

    public static String position(String symbol) {
        return "position:" + symbol;
    }

    public static String exchange(String symbol) {
        return "exchange:" + symbol;
    }

    /** The base asset of a {@code BASE-QUOTE} symbol. */
    public static String base(String symbol) {
        int dash = symbol.indexOf('-');
        if (dash <= 0 || dash == symbol.length() - 1) {
            throw new IllegalArgumentException("symbol must be BASE-QUOTE: " + symbol);
        }
        return symbol.substring(0, dash);
    }

    /** The quote currency of a {@code BASE-QUOTE} symbol. */
    public static String quote(String symbol) {
        base(symbol);
        return symbol.substring(symbol.indexOf('-') + 1);
    }

    /** The symbol of a per-symbol account, or null for a portfolio-wide one. */
    public static String symbolOf(String account) {
        int colon = account.indexOf(':');
        return colon < 0 ? null : account.substring(colon + 1);
    }
}
