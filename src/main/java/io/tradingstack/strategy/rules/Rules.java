package io.tradingstack.strategy.rules;

import io.tradingstack.bus.ErrorCode;

/**
 * Entry point of the rule language: {@link #compile} parses, type-checks and compiles a rule once.
 * Every refusal is a {@link RuleException} with a code; nothing else escapes, whatever the input.
 */
public final class Rules {
    private Rules() {
    }

    public static CompiledRule compile(String source, RuleEnvironment env) {
        try {
            Node root = Parser.parse(source);
            TypeChecker checker = new TypeChecker(env);
            checker.checkRule(root);
            Compiler compiler = new Compiler(checker.refs(), checker.types());
            return new CompiledRule(source, compiler.cond(root), checker.names(), checker.timeframes(), usesPrevious(root));
        } catch (RuleException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a defect of ours, never the user's input: still a coded refusal rather than a crash
            throw new RuleException(ErrorCode.STRATEGY_RULE_SYNTAX, 0, "rule could not be compiled: " + e);
        }
    }

    private static boolean usesPrevious(Node n) {
        if (n instanceof Node.Cross) {
            return true;
        }
        if (n instanceof Node.Logic x) {
            return usesPrevious(x.left()) || usesPrevious(x.right());
        }
        return n instanceof Node.Not x && usesPrevious(x.operand());
    }
}
