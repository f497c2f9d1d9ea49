package io.tradingstack.web;

import io.tradingstack.agents.BrokerChannel;
import io.tradingstack.agents.BrokerChats;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.AppConfig;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard's broker chat at {@value #PATH}: each WebSocket runs one broker chat
 * ({@link BrokerChats}, the {@code broker} command's logic, as an MCP client of this node) on a
 * worker thread. The page sends each line the user types as a text frame; the chat answers with JSON
 * frames {@code {"type":"line","text":…}} and {@code {"type":"prompt","text":…}} (waiting for a line,
 * e.g. "confirm? [y/N]"). The upgrade needs the session's CSRF token ({@code ?csrf=}), beside the
 * port's Host/Origin and token checks; at most {@value #MAX_CHATS} chats at once (WEB_BUSY beyond);
 * lines over {@value #MAX_LINE} characters are refused; a chat idle for {@link #IDLE_MINUTES} minutes ends.
 */
final class ChatSocket {
    static final String PATH = "/ws/chat";
    static final int MAX_CHATS = 4;
    static final int MAX_LINE = 2000;
    static final int IDLE_MINUTES = 30;
    /** Lines typed ahead of the chat (a queue bound, not a rate limit). */
    private static final int QUEUED_LINES = 8;
    private static final String GONE = "\u0000gone";

    private final AppConfig config;
    private final CsrfGuard csrf;
    private final WorkerExecutor workers;
    private final AtomicInteger open = new AtomicInteger();

    ChatSocket(AppConfig config, CsrfGuard csrf, WorkerExecutor workers) {
        this.config = config;
        this.csrf = csrf;
        this.workers = workers;
    }

    void handle(RoutingContext rc) {
        if (!csrf.valid(rc, rc.queryParams().get("csrf"))) {
            HttpAnswers.error(rc, ErrorCode.WEB_CSRF, "the chat needs this session's CSRF token as ?csrf= (GET /api/session)");
            return;
        }
        if (open.incrementAndGet() > MAX_CHATS) {
            open.decrementAndGet();
            HttpAnswers.error(rc, ErrorCode.WEB_BUSY, MAX_CHATS + " chats are open on this node; close one and retry");
            return;
        }
        rc.request().toWebSocket().onComplete(ar -> {
            if (ar.failed()) {
                open.decrementAndGet();
            } else {
                chat(ar.result());
            }
        });
    }

    private void chat(ServerWebSocket ws) {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>(QUEUED_LINES);
        AtomicBoolean closed = new AtomicBoolean();
        ws.textMessageHandler(text -> {
            if (text.length() > MAX_LINE) {
                send(ws, "line", "(a line has at most " + MAX_LINE + " characters)");
            } else if (!lines.offer(text)) {
                send(ws, "line", "(one moment: the broker is still answering)");
            }
        });
        ws.closeHandler(v -> {
            closed.set(true);
            lines.clear();
            lines.offer(GONE);
        });
        BrokerChannel channel = new BrokerChannel() {
            @Override
            public String readLine(String prompt) {
                send(ws, "prompt", prompt);
                try {
                    String line = lines.poll(IDLE_MINUTES, TimeUnit.MINUTES);
                    return line == null || line.equals(GONE) ? null : line;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }

            @Override
            public void println(String text) {
                send(ws, "line", text);
            }
        };
        workers.executeBlocking(() -> {
            BrokerChats.run(config, channel);
            return null;
        }, false).onComplete(done -> {
            open.decrementAndGet();
            if (!closed.get()) {
                ws.close();
            }
        });
    }

    private static void send(ServerWebSocket ws, String type, String text) {
        if (!ws.isClosed()) {
            ws.writeTextMessage(new JsonObject().put("type", type).put("text", text).encode());
        }
    }
}
