package dev.mailroom.intake.parse;

/** Text decoded from bytes, and why the declared charset was not used as it stood (null when it was). */
record DecodedText(String text, String problem) {
}
