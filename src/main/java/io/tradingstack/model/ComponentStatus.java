package io.tradingstack.model;

/** The status of one component as reported by a system check. */
public record ComponentStatus(String component, String status, String detail) {
}
