/**
 * The Microsoft Graph REST client for Microsoft 365 mailboxes: calls signed in with the server's OAuth 2.0 token
 * ({@code transport.TokenSignIn}), throttling waited out, a refused token renewed once, folders found by name, sendMail
 * with the whole MIME message, and Graph's refusals in words with hints. Test Connection, fetching and sending use it.
 * Imports only {@code transport}; never desk records, the flow or the edges.
 */
package dev.mailroom.graph;
