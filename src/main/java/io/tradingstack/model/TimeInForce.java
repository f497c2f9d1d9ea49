package io.tradingstack.model;

/** GTC rests until filled or cancelled; IOC fills what it can now and cancels the rest. */
public enum TimeInForce {
    GTC, IOC
}
