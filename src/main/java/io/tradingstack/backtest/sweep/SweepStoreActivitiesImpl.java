package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.BusBridge;
import io.vertx.core.Vertx;

/** Saves through the sweep store's endpoint (bounded bus request on the activity thread). */
public final class SweepStoreActivitiesImpl implements SweepStoreActivities {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SweepStoreActivitiesImpl.class);
    private final BusBridge bus;

    public SweepStoreActivitiesImpl(Vertx vertx) {
        this.bus = new BusBridge(vertx);
        Codecs.register(vertx, SweepMessages.TYPES);
    }

    @Override
    public void recordSweep(String sweepId, SweepRequest request, SweepProgress progress) {
        bus.request(Addresses.SWEEP_SAVE, new SweepMessages.Save(sweepId, Json.write(request), Json.write(progress)),
                SweepMessages.Saved.class);
        if (SweepProgress.DONE.equals(progress.state())) {
            LOG.info("Sweep {} done: {} runs ranked by {}, runs per worker {}", sweepId, progress.result().runs(),
                    progress.result().metric(), progress.result().runsByWorker());
        } else if (SweepProgress.FAILED.equals(progress.state())) {
            LOG.info("Sweep {} failed: {} {}", sweepId, progress.errorCode(), progress.error());
        } else {
            LOG.info("Sweep {} started: {} sets of {} on {}", sweepId, request.sets().size(), request.base().strategy(),
                    request.base().data());
        }
    }
}
