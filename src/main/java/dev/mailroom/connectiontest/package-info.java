/**
 * Test Connection: the steps run against a mailbox (DNS, TCP, TLS or STARTTLS, login, open folder), an SMTP server
 * (greeting, EHLO, STARTTLS, AUTH, an optional test email) or Microsoft Graph, each timed, stopping at the first
 * failure with the server's answer and a hint in the FAQ's words. The test email is composed by its owner
 * ({@code TestEmail}). Imports only {@code transport} and {@code graph} (an OAuth token comes through
 * {@code transport.TokenSignIn}); never a feature.
 */
package dev.mailroom.connectiontest;
