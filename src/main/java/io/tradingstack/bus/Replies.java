package io.tradingstack.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/** Helpers to fail replies with an {@link ErrorCode} and to read the code back on the caller's side. */
public final class Replies {
    private Replies() {
    }

    public static void fail(Message<?> message, ErrorCode code, String detail) {
        message.fail(code.code(), detail);
    }

    /** Fails the message with the code of a {@link CodedException}, or INTERNAL for anything else. */
    public static void fail(Message<?> message, Throwable error) {
        if (error instanceof CodedException coded) {
            fail(message, coded.code(), coded.getMessage());
        } else {
            fail(message, ErrorCode.INTERNAL, String.valueOf(error.getMessage()));
        }
    }

    /** Replies with the answer once it completes, or fails the message with the answer's code (INTERNAL when it has none). */
    public static <T> void reply(Message<?> message, Future<T> answer) {
        answer.onComplete(ar -> {
            if (ar.succeeded()) {
                message.reply(ar.result());
            } else {
                fail(message, ar.cause());
            }
        });
    }

    /** The error code carried by a failed request, mapping transport failures to bus codes. */
    public static ErrorCode codeOf(Throwable error) {
        if (error instanceof CodedException coded) {
            return coded.code();
        }
        if (error instanceof ReplyException reply) {
            if (reply.failureType() == ReplyFailure.TIMEOUT) {
                return ErrorCode.BUS_TIMEOUT;
            }
            if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
                return ErrorCode.BUS_NO_HANDLER;
            }
            return ErrorCode.of(reply.failureCode()).orElse(ErrorCode.INTERNAL);
        }
        return ErrorCode.INTERNAL;
    }

    /** Turns a failed bus request into a {@link CodedException} so callers see one failure type. */
    public static <T> Future<T> coded(Future<T> request) {
        return request.recover(err -> Future.failedFuture(new CodedException(codeOf(err), err.getMessage())));
    }
}
