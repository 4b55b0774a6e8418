/**
 * What a bounce says about each recipient it failed for, and whether that failure is the address's fault:
 * {@link dev.mailroom.intake.bounces.FailedRecipients} finds the failed recipients (delivery status report,
 * {@code X-Failed-Recipients}, or the plain text of qmail, Exchange, Domino, GroupWise, AOL, Postfix, Exim and
 * Sendmail bounces, {@link dev.mailroom.intake.bounces.PlainTextBounces}); {@link
 * dev.mailroom.intake.bounces.FailureClassifier} reads status code, SMTP reply and diagnostic text into a {@link
 * dev.mailroom.intake.bounces.FailureCause}. Only a permanent address failure may mark an address undeliverable.
 * Uses {@code intake.parse}; imports nothing else of Mailroom.
 */
package dev.mailroom.intake.bounces;
