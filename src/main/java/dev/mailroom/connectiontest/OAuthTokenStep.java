package dev.mailroom.connectiontest;

import java.util.function.Function;

import dev.mailroom.transport.OAuthSignInException;
import dev.mailroom.transport.TokenSignIn;

/**
 * A server on OAuth 2.0: gets an access token (the stored one while it is valid, otherwise renewed), so a revoked
 * token or a refused Client Secret is named here, before the mail server is asked. The token is never shown.
 */
final class OAuthTokenStep<P extends Probe> implements Step<P> {

    private final Function<P, TokenSignIn> signIn;

    OAuthTokenStep(Function<P, TokenSignIn> signIn) {
        this.signIn = signIn;
    }

    @Override
    public ConnectionStep id() {
        return ConnectionStep.OAUTH_TOKEN;
    }

    @Override
    public Outcome run(P probe) {
        TokenSignIn tokens = signIn.apply(probe);
        if (tokens == null) {
            return Outcome.failed("No access token: this server has no OAuth 2.0 configuration", null,
                    Hints.oauthToken(true));
        }
        try {
            tokens.accessToken();
            return Outcome.passed("An access token is ready", null);
        } catch (OAuthSignInException e) {
            return Outcome.failed("No access token: " + e.getMessage(), null, Hints.oauthToken(e.lasting()));
        }
    }
}
