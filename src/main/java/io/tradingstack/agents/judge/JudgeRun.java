package io.tradingstack.agents.judge;

/** The judge workflow's argument: its settings, and its memory when continued as new (null on a fresh start). */
public record JudgeRun(JudgeSettings settings, JudgeMemory memory, Double lastScore) {
}
