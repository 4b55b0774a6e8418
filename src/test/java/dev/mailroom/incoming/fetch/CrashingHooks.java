package dev.mailroom.incoming.fetch;

import java.util.concurrent.atomic.AtomicReference;

/** Makes the next poll die at a chosen point, once, as a killed process would. */
class CrashingHooks implements PollHooks {

    enum Point { BEFORE_COMMIT, BEFORE_ACKNOWLEDGE }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(Point point) {
            super("simulated crash " + point.name().toLowerCase().replace('_', ' '));
        }
    }

    private final AtomicReference<Point> armed = new AtomicReference<>();
    private volatile Runnable onBeforeAcknowledge = () -> {
    };

    void crashAt(Point point) {
        armed.set(point);
    }

    /** Instead of crashing, do something (pull the network plug) just before the server is told. */
    void beforeAcknowledgeRun(Runnable action) {
        onBeforeAcknowledge = action;
    }

    @Override
    public void beforeCommit(long serverId) {
        if (armed.compareAndSet(Point.BEFORE_COMMIT, null)) {
            throw new SimulatedCrash(Point.BEFORE_COMMIT);
        }
    }

    @Override
    public void beforeAcknowledge(long serverId) {
        Runnable action = onBeforeAcknowledge;
        onBeforeAcknowledge = () -> {
        };
        action.run();
        if (armed.compareAndSet(Point.BEFORE_ACKNOWLEDGE, null)) {
            throw new SimulatedCrash(Point.BEFORE_ACKNOWLEDGE);
        }
    }
}
