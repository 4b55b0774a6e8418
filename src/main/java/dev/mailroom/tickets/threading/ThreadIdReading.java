package dev.mailroom.tickets.threading;

/**
 * What {@link ThreadIds} read from a Message-ID: not one of ours (another domain or shape), one of ours whose
 * signature holds ({@code displayId} is the ticket it was sent about), or one in our shape whose signature does not
 * hold ({@code displayId} is what it claims, not to be trusted).
 */
public record ThreadIdReading(Verdict verdict, String displayId) {

    public enum Verdict { NOT_OURS, SIGNED, FORGED }

    static ThreadIdReading notOurs() {
        return new ThreadIdReading(Verdict.NOT_OURS, null);
    }

    static ThreadIdReading signed(String displayId) {
        return new ThreadIdReading(Verdict.SIGNED, displayId);
    }

    static ThreadIdReading forged(String displayId) {
        return new ThreadIdReading(Verdict.FORGED, displayId);
    }

    public boolean signed() {
        return verdict == Verdict.SIGNED;
    }
}
