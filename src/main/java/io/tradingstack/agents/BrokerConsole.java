package io.tradingstack.agents;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the broker chat reads and writes: a terminal with line editing and history (JLine), or,
 * when input is piped, plain lines (each echoed after its prompt, so a scripted session's output
 * reads like the conversation it was).
 */
interface BrokerConsole extends AutoCloseable {

    /** The next line after showing {@code prompt}; null at the end of the input. */
    String readLine(String prompt);

    void println(String text);

    @Override
    void close();

    /** JLine on an interactive terminal (history in {@code historyFile}), plain lines otherwise. */
    static BrokerConsole system(Path historyFile) {
        if (System.console() == null) {
            return new Piped(System.in, System.out);
        }
        try {
            return new Interactive(TerminalBuilder.builder().system(true).build(), historyFile);
        } catch (IOException e) {
            return new Piped(System.in, System.out);
        }
    }

    /** Piped input: no terminal, no editing; the line read is echoed after the prompt. */
    final class Piped implements BrokerConsole {
        private final BufferedReader in;
        private final PrintStream out;

        Piped(InputStream in, PrintStream out) {
            this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.out = out;
        }

        @Override
        public String readLine(String prompt) {
            try {
                String line = in.readLine();
                out.println(prompt + (line == null ? "" : line));
                out.flush();
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void println(String text) {
            out.println(text);
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /** A terminal: line editing, history kept in a file across sessions; Ctrl-C clears the line, Ctrl-D ends. */
    final class Interactive implements BrokerConsole {
        private final Terminal terminal;
        private final LineReader reader;

        Interactive(Terminal terminal, Path historyFile) {
            this.terminal = terminal;
            this.reader = LineReaderBuilder.builder().terminal(terminal).appName("trading-stack broker")
                    .variable(LineReader.HISTORY_FILE, historyFile).build();
        }

        @Override
        public String readLine(String prompt) {
            while (true) {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    terminal.writer().println("(Ctrl-D or \"exit\" ends the chat)");
                } catch (EndOfFileException e) {
                    return null;
                }
            }
        }

        @Override
        public void println(String text) {
            terminal.writer().println(text);
            terminal.flush();
        }

        @Override
        public void close() {
            try {
                reader.getHistory().save();
                terminal.close();
            } catch (IOException e) {
                // the history file is a convenience: a chat never fails for it
            }
        }
    }
}
