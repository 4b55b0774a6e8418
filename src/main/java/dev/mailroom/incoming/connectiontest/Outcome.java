package dev.mailroom.incoming.connectiontest;

/** What one step found; timing and naming are added by {@link ConnectionTester}. */
record Outcome(boolean passed, String detail, String serverResponse, String hint) {

    static Outcome passed(String detail, String serverResponse) {
        return new Outcome(true, detail, serverResponse, null);
    }

    static Outcome failed(String detail, String serverResponse, String hint) {
        return new Outcome(false, detail, serverResponse, hint);
    }
}
