/**
 * The transport kernel: how Mailroom connects to any mail server — IMAP, POP3 and SMTP sessions, TLS and server trust,
 * well-known ports, and the token sign-in that OAuth 2.0 plugs in. Mailbox and SMTP connections, Test Connection,
 * fetching and sending all build on it. Imports only {@code platform}; never a feature package.
 */
package dev.mailroom.transport;
