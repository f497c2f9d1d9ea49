package io.tradingstack.agents.judge;

/**
 * The documented parts of the judge's score (docs/agents.md "Judge score"): each is 0-100, or
 * undefined when the window holds no evidence for it (its weight then goes to the others).
 */
public enum ScoreComponent {
    /** Window return against JUDGE_RETURN_TARGET: 50 flat, 100 at +target, 0 at -target. */
    RETURNS("returns"),
    /** Max drawdown against JUDGE_DRAWDOWN_LIMIT: 100 without drawdown, 0 at the limit. */
    DRAWDOWN("drawdown"),
    /**
     * Share of the execution agent's intents the risk gate let through (all orders the gate decided
     * on when the agent placed none): 100 when none was blocked.
     */
    DECISIONS("decisions"),
    /** Share of the gross realized P&L fees left: 100 without fees, 0 when fees ate it all. */
    COSTS("costs"),
    /** Winning closed trades (after fees) among closed trades. */
    HIT_RATE("hit_rate"),
    /** Days without a loss among days with a P&L (at least two days). */
    CONSISTENCY("consistency");

    private final String key;

    ScoreComponent(String key) {
        this.key = key;
    }

    /** The name in JUDGE_WEIGHTS, in stored evaluations and in tool answers. */
    public String key() {
        return key;
    }

    public static ScoreComponent ofKey(String key) {
        for (ScoreComponent c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown score component " + key);
    }
}
