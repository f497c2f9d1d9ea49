package io.tradingstack.mcp;

/** Server-to-client notifications during a tool call (progress when the client asked for it, logging). */
public interface ToolNotifier {
    ToolNotifier NONE = new ToolNotifier() {
        @Override
        public void progress(double progress, double total, String message) {
        }

        @Override
        public void info(String message) {
        }
    };

    void progress(double progress, double total, String message);

    void info(String message);
}
