package io.tradingstack.web;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Replies;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON answers of the dashboard's API: a body, or {@code {error, code, message}} with a status that fits the code. */
final class HttpAnswers {
    private HttpAnswers() {
    }

    static void json(RoutingContext rc, int status, Object body) {
        rc.response().setStatusCode(status).putHeader("content-type", "application/json")
                .putHeader("cache-control", "no-store").end(Json.write(body));
    }

    static void error(RoutingContext rc, ErrorCode code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code.name());
        body.put("code", code.code());
        body.put("message", message);
        json(rc, status(code), body);
    }

    /** Answers with the future's value, or its code when it failed. */
    static void reply(RoutingContext rc, Future<?> answer) {
        answer.onComplete(ar -> {
            if (ar.succeeded()) {
                json(rc, 200, ar.result());
            } else {
                error(rc, Replies.codeOf(ar.cause()), String.valueOf(ar.cause().getMessage()));
            }
        });
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case BUS_NO_HANDLER, ORDER_NOT_FOUND, BACKTEST_NOT_FOUND, ORDER_NOT_CANCELLABLE, WORKFLOW_NOT_FOUND, WEB_NOT_AVAILABLE -> 404;
            case WEB_BAD_REQUEST, BACKTEST_BAD_ARGUMENTS, FEATURES_BAD_PARAMETER, BUS_BAD_MESSAGE -> 400;
            case WEB_CSRF -> 403;
            case INTERNAL -> 500;
            default -> code.retryable() || code == ErrorCode.NOT_READY || code == ErrorCode.FEATURES_NOT_WARM ? 503 : 422;
        };
    }
}
