package io.tradingstack.runtime;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.vertx.sqlclient.DatabaseException;

/**
 * Classifies PostgreSQL failures by cause. A statement the server refused for its data (SQLSTATE
 * classes 22 data exception, 23 integrity constraint, 42 syntax or access rule, 2200x/22021/22P05
 * encoding, ...) gives the same answer however often it is retried, so it becomes the non-retryable
 * LEDGER_DATA_REJECTED. Only unavailability (connection lost, server shutting down, out of resources,
 * serialization failure or deadlock) is LEDGER_STORAGE, which callers may retry on a bounded schedule.
 */
public final class SqlFailures {
    private SqlFailures() {
    }

    /** The SQLSTATE of a PostgreSQL error anywhere in the cause chain, or null. */
    public static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException pg) {
                return pg.getSqlState();
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** True when retrying cannot help: the server refused the data itself. */
    public static boolean isDataError(Throwable error) {
        String state = sqlState(error);
        return state != null && !retryableState(state);
    }

    /**
     * SQLSTATE classes that describe the server's condition, not the statement: 08 connection,
     * 40 transaction rollback (serialization, deadlock), 53 insufficient resources, 57 operator
     * intervention (shutdown), 58 system error, XX internal.
     */
    static boolean retryableState(String state) {
        String cls = state.length() >= 2 ? state.substring(0, 2) : state;
        return switch (cls) {
            case "08", "40", "53", "57", "58", "XX" -> true;
            default -> false;
        };
    }

    /** A coded failure for any error of a ledger PostgreSQL call. */
    public static CodedException coded(Throwable error) {
        return coded(error, ErrorCode.LEDGER_STORAGE);
    }

    /**
     * A coded failure for any error of a PostgreSQL call: the data refused (LEDGER_DATA_REJECTED),
     * a bug in our code ({@link ErrorCode#INTERNAL}, never retried), or else the database
     * unavailable ({@code unavailable}, which callers may retry on a bounded schedule).
     */
    public static CodedException coded(Throwable error, ErrorCode unavailable) {
        if (error instanceof CodedException c) {
            return c;
        }
        String state = sqlState(error);
        String message = String.valueOf(error.getMessage());
        if (state != null && !retryableState(state)) {
            return new CodedException(ErrorCode.LEDGER_DATA_REJECTED, "SQLSTATE " + state + ": " + message);
        }
        if (state == null && isBug(error)) {
            return new CodedException(ErrorCode.INTERNAL, error.getClass().getSimpleName() + ": " + message);
        }
        return new CodedException(unavailable, state == null ? message : "SQLSTATE " + state + ": " + message);
    }

    /**
     * A failure of our own code rather than of the database or the connection to it: retrying it
     * gives the same answer. (I/O, Vert.x and Netty failures, timeouts and closed pools are not.)
     */
    public static boolean isBug(Throwable error) {
        return error instanceof NullPointerException || error instanceof ClassCastException
                || error instanceof IllegalArgumentException || error instanceof IndexOutOfBoundsException
                || error instanceof ArithmeticException || error instanceof UnsupportedOperationException
                || error instanceof java.time.DateTimeException;
    }
}
