package dev.mailroom.oauth;

/** Published when a server got new tokens from an authorization: a mailbox is polled at once, as mail may have waited. */
public record OAuthAuthorized(OAuthServerRef server) {
}
