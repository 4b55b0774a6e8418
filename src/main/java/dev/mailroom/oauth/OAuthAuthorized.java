package dev.mailroom.oauth;

/** Published when a server got new tokens from an authorization, so whoever waits for it (a poll) can go on. */
public record OAuthAuthorized(OAuthServerRef server) {
}
