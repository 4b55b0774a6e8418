/**
 * A server's OAuth 2.0 page (state, warnings, configuration form, Authorize) and the Redirect URL the provider sends
 * the admin back to. Uses the parent's shared parts and {@code oauth}; nothing imports it.
 */
package dev.mailroom.console.oauth;
