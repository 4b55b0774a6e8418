package dev.mailroom.oauth;

import java.util.List;

/**
 * Published in the warning check's transaction when servers' OAuth 2.0 sign-in will break unless an admin acts; each
 * warning reads "server (incoming): warning".
 */
public record OAuthWarningsRaised(List<String> warnings) {

    public OAuthWarningsRaised {
        warnings = List.copyOf(warnings);
    }
}
