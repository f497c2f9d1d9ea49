package io.tradingstack.market.replay;

/**
 * Maps the exchange's step counter (one step = one second of recorded time = one trade per
 * product) to a position in the recorded data. Replay begins {@code startMinute} minutes into the
 * data so the REST candles have history before "now"; at the end it loops back there or stops.
 */
public final class ReplayTimeline {
    private final int minutes;
    private final int startMinute;
    private final boolean loop;

    public ReplayTimeline(int minutes, int startMinute, boolean loop) {
        if (startMinute < 0 || startMinute >= minutes) {
            throw new IllegalArgumentException("start minute outside the data");
        }
        this.minutes = minutes;
        this.startMinute = startMinute;
        this.loop = loop;
    }

    public int startMinute() {
        return startMinute;
    }

    /** Steps in one pass from the start minute to the end of the data. */
    public long stepsPerPass() {
        return (long) (minutes - startMinute) * TradeSynthesizer.TRADES_PER_CANDLE;
    }

    /** Position in seconds from the first recorded row, or -1 once a non-looping replay has ended. */
    public long position(long step) {
        if (step < 0) {
            return -1;
        }
        long pass = stepsPerPass();
        if (step >= pass && !loop) {
            return -1;
        }
        return (long) startMinute * TradeSynthesizer.TRADES_PER_CANDLE + step % pass;
    }

    public boolean ended(long step) {
        return position(step) < 0;
    }
}
