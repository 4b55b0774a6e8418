/**
 * The email parser: reads a raw email once, streaming, into a {@code ParsedEmail} (headers, addresses, text and HTML
 * with the quoted history split off, attachments stored in the blob store, bounce and auto-reply signals, delivery
 * reports, forwards), listing what was malformed instead of failing; {@code PartLocator} finds a part again later. It
 * does not import its parent, which uses it. Imports only {@code storage} and {@code sanitize}.
 */
package dev.mailroom.intake.parse;
