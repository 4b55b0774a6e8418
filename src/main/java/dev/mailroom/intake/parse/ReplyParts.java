package dev.mailroom.intake.parse;

/** A reply body split into what the author wrote now and what was cut (quote headers, quotes, signature). */
record ReplyParts(String newText, String quotedText) {
}
