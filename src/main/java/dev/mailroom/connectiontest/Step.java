package dev.mailroom.connectiontest;

/**
 * One step of Test Connection. A step reports the failures it understands as an {@link Outcome} with a hint; anything
 * it throws is reported by {@link StepRunner} as an unexpected failure of that step. Steps that only need the socket
 * (DNS, TCP) work on any {@link Probe}; the others on their protocol's probe.
 */
interface Step<P extends Probe> {

    ConnectionStep id();

    Outcome run(P probe) throws Exception;
}
