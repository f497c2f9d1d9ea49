package io.tradingstack.bus;

/** A failure that carries an {@link ErrorCode}; thrown by validation and mapped to replies. */
public class CodedException extends RuntimeException {
    private final ErrorCode code;

    public CodedException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
