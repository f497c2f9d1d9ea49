package io.tradingstack.durable;

import io.tradingstack.model.ComponentStatus;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

import java.util.List;

@ActivityInterface
public interface SystemCheckActivities {
    @ActivityMethod
    List<ComponentStatus> componentStatuses();
}
