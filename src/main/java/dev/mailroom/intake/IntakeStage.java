package dev.mailroom.intake;

/**
 * One question the intake asks of an email ("was it processed before?", "is the sender ignored?"). A stage reads the
 * context, may add what it learned (the sender's account, the ticket a reply belongs to), and passes or ends the email.
 * The order of the stages is declared in one place, {@link IntakeStages}.
 */
public interface IntakeStage {

    /** Short, stable name shown in the trace, e.g. {@code sender-filter}. */
    String name();

    StageResult judge(IntakeContext context);
}
