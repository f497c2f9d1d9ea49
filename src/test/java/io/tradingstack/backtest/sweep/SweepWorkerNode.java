package io.tradingstack.backtest.sweep;

import io.tradingstack.app.WorkflowRegistry;
import io.tradingstack.runtime.TemporalRuntime;
import io.temporal.worker.WorkerFactory;

/**
 * The second node of the two-JVM sweep test, started as its own process: it connects to the test's
 * Temporal service on loopback and polls the sweep runs queue with the production registration,
 * then prints its worker identity and waits until the test ends it.
 */
public final class SweepWorkerNode {
    public static void main(String[] args) throws Exception {
        String address = args[0];
        String taskQueue = args[1];
        int slots = Integer.parseInt(args[2]);
        TemporalRuntime temporal = TemporalRuntime.start(address, "default");
        WorkerFactory factory = WorkerFactory.newInstance(temporal.client());
        WorkflowRegistry.registerSweepRuns(factory, taskQueue, slots);
        factory.start();
        System.out.println("SWEEP-NODE-READY " + temporal.client().getOptions().getIdentity());
        System.out.flush();
        Thread.currentThread().join();
    }
}
