package io.tradingstack.mcp;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowStub;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCP server's only door to Temporal: start, signal-with-start, signal, query and await, by
 * workflow type and id (untyped, so the server depends on workflow names, not on other components'
 * classes). The Temporal client blocks, so every call runs on the MCP worker pool, never on an event
 * loop. Temporal failures become {@link CodedException}s.
 */
public final class WorkflowGateway {
    private final WorkflowClient client;
    private final String taskQueue;
    private final WorkerExecutor executor;
    /** Singletons known to be running: saves a describe round trip on every query. */
    private final Map<String, String> running = new ConcurrentHashMap<>();

    public WorkflowGateway(WorkflowClient client, String taskQueue, WorkerExecutor executor) {
        this.client = client;
        this.taskQueue = taskQueue;
        this.executor = executor;
    }

    public String taskQueue() {
        return taskQueue;
    }

    /** Describe-then-start: starts the singleton {@code workflowId} when it is missing or closed. */
    public Future<Void> ensureRunning(String workflowId, String workflowType, Object... startArgs) {
        return blocking(() -> {
            ensureRunningNow(workflowId, workflowType, startArgs);
            return null;
        });
    }

    public <T> Future<T> query(String workflowId, String queryType, Class<T> resultClass, Object... args) {
        return query(workflowId, queryType, resultClass, resultClass, args);
    }

    public <T> Future<T> query(String workflowId, String queryType, Class<T> resultClass, Type genericType, Object... args) {
        return blocking(() -> client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
                .query(queryType, resultClass, genericType, args));
    }

    /** Starts the singleton if needed, then queries it. */
    public <T> Future<T> queryStarted(String workflowId, String workflowType, String queryType, Class<T> resultClass,
                                      Object... args) {
        return blocking(() -> {
            ensureRunningNow(workflowId, workflowType, new Object[0]);
            try {
                return client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
                        .query(queryType, resultClass, args);
            } catch (WorkflowNotFoundException e) {
                running.remove(workflowId);
                throw e;
            }
        });
    }

    /**
     * Starts the singleton if needed, then queries it until {@code ready} holds: a freshly started
     * workflow answers queries before its first activity has rebuilt its state from PostgreSQL.
     * Bounded: {@link ErrorCode#NOT_READY} after {@code timeout}.
     */
    public <T> Future<T> queryStartedWhen(String workflowId, String workflowType, String queryType, Class<T> resultClass,
                                          java.util.function.Predicate<T> ready, java.time.Duration timeout, Object... args) {
        return blocking(() -> {
            ensureRunningNow(workflowId, workflowType, new Object[0]);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                T answer;
                try {
                    answer = client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
                            .query(queryType, resultClass, args);
                } catch (WorkflowNotFoundException e) {
                    running.remove(workflowId);
                    throw e;
                } catch (WorkflowQueryException e) {
                    // a workflow still loading its state may refuse queries with NOT_READY: wait as for an empty answer
                    if (ErrorCode.of(e) != ErrorCode.NOT_READY) {
                        throw e;
                    }
                    answer = null;
                }
                if (answer != null && ready.test(answer)) {
                    return answer;
                }
                if (System.nanoTime() > deadline) {
                    throw new CodedException(ErrorCode.NOT_READY, workflowId + " has not loaded its state yet; try again");
                }
                Thread.sleep(50);
            }
        });
    }

    /**
     * Describe-then-start, then signal (the reference's pattern). Not signal-with-start: the embedded
     * test server records a signal-with-start to a running workflow without waking it. Returns the run id.
     */
    public Future<String> signalStarted(String workflowId, String workflowType, String signal, Object[] signalArgs,
                                        Object[] startArgs) {
        return blocking(() -> {
            String runId = ensureRunningNow(workflowId, workflowType, startArgs);
            try {
                client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty()).signal(signal, signalArgs);
            } catch (WorkflowNotFoundException closed) {
                running.remove(workflowId);
                runId = ensureRunningNow(workflowId, workflowType, startArgs);
                client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty()).signal(signal, signalArgs);
            }
            return runId;
        });
    }

    /** Starts the singleton if needed, then runs an update on it and returns the update's result. */
    public <T> Future<T> updateStarted(String workflowId, String workflowType, String update, Class<T> resultClass,
                                       Object[] startArgs, Object... args) {
        return blocking(() -> {
            ensureRunningNow(workflowId, workflowType, startArgs);
            try {
                return client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
                        .update(update, resultClass, args);
            } catch (WorkflowNotFoundException closed) {
                running.remove(workflowId);
                ensureRunningNow(workflowId, workflowType, startArgs);
                return client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
                        .update(update, resultClass, args);
            }
        });
    }

    public Future<Void> signal(String workflowId, String signal, Object... args) {
        return blocking(() -> {
            client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty()).signal(signal, args);
            return null;
        });
    }

    /** Starts a new workflow run and returns its run id. */
    public Future<String> start(String workflowId, String workflowType, Object... args) {
        return blocking(() -> client.newUntypedWorkflowStub(workflowType, options(workflowId)).start(args).getRunId());
    }

    /** Starts a workflow and waits for its result. */
    public <T> Future<T> execute(String workflowId, String workflowType, Class<T> resultClass, Object... args) {
        return blocking(() -> {
            WorkflowStub stub = client.newUntypedWorkflowStub(workflowType, options(workflowId));
            stub.start(args);
            return stub.getResult(resultClass);
        });
    }

    /** Runs a component's own client-side service (e.g. execution's OrderService) on the MCP worker pool. */
    public <T> Future<T> withClient(java.util.function.Function<WorkflowClient, T> action) {
        return blocking(() -> action.apply(client));
    }

    /** The run id of the running singleton, starting it first when it is missing or closed. */
    private String ensureRunningNow(String workflowId, String workflowType, Object[] startArgs) {
        String known = running.get(workflowId);
        if (known != null) {
            return known;
        }
        String runId = runningRunId(workflowId);
        if (runId == null) {
            try {
                runId = client.newUntypedWorkflowStub(workflowType, options(workflowId)).start(startArgs).getRunId();
            } catch (WorkflowExecutionAlreadyStarted raced) {
                // another caller started it between describe and start: the singleton exists, as wanted
                runId = raced.getExecution().getRunId();
            }
        }
        running.put(workflowId, runId);
        return runId;
    }

    private String runningRunId(String workflowId) {
        var description = describeOrNull(client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty()));
        return description != null && description.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
                ? description.getExecution().getRunId() : null;
    }

    /**
     * The code and message a closed, unsuccessful workflow ended with: its innermost coded
     * application failure's (the failure type is the code's name), else INTERNAL. Blocking.
     */
    static CodedException failureOf(WorkflowStub stub) {
        ErrorCode code = ErrorCode.INTERNAL;
        String message = "no failure recorded";
        try {
            stub.getResult(Object.class);
        } catch (WorkflowFailedException e) {
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                message = String.valueOf(t.getMessage());
                if (t instanceof io.temporal.failure.ApplicationFailure a) {
                    message = a.getOriginalMessage();
                    code = ErrorCode.named(a.getType()).orElse(code);
                }
            }
        }
        return new CodedException(code, message);
    }

    /** What Temporal knows of the stub's workflow; null when it does not know it. Blocking. */
    static io.temporal.client.WorkflowExecutionDescription describeOrNull(io.temporal.client.WorkflowStub stub) {
        try {
            return stub.describe();
        } catch (WorkflowNotFoundException e) {
            return null;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private WorkflowOptions options(String workflowId) {
        return WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(taskQueue).build();
    }

    private <T> Future<T> blocking(Callable<T> call) {
        return executor.executeBlocking(() -> {
            try {
                return call.call();
            } catch (RuntimeException e) {
                throw coded(e);
            }
        }, false);
    }

    static CodedException coded(RuntimeException e) {
        if (e instanceof CodedException c) {
            return c;
        }
        if (e instanceof WorkflowNotFoundException) {
            return new CodedException(ErrorCode.WORKFLOW_NOT_FOUND, "workflow not found: " + e.getMessage());
        }
        if (e instanceof WorkflowQueryException q && ErrorCode.of(q) == ErrorCode.NOT_READY) {
            return new CodedException(ErrorCode.NOT_READY, "not ready: " + rootMessage(q));
        }
        if (e instanceof WorkflowQueryException q) {
            return new CodedException(ErrorCode.WORKFLOW_NOT_FOUND, "query failed: " + rootMessage(q));
        }
        if (e instanceof WorkflowFailedException f) {
            return new CodedException(ErrorCode.INTERNAL, "workflow failed: " + rootMessage(f));
        }
        if (e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNAVAILABLE) {
            return new CodedException(ErrorCode.TEMPORAL_UNAVAILABLE, s.getMessage());
        }
        return new CodedException(ErrorCode.INTERNAL, rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
