package io.tradingstack.strategy.spec;

import io.tradingstack.bus.CodedException;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be used, with every problem found; the code is the first problem's. */
public final class SpecException extends CodedException {
    private final List<Problem> problems;

    public SpecException(List<Problem> problems) {
        super(problems.get(0).code(), problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
