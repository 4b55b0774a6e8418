package dev.mailroom.incoming.connectiontest;

/**
 * One step of Test Connection. A step reports the failures it understands as an {@link Outcome} with a hint; anything
 * it throws is reported by the tester as an unexpected failure of that step.
 */
interface Step {

    ConnectionStep id();

    Outcome run(Probe probe) throws Exception;
}
