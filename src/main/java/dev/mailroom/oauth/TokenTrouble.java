package dev.mailroom.oauth;

import java.util.Set;

/** What a token endpoint's refusal means for the admin, in plain words, and whether only the admin can end it. */
final class TokenTrouble {

    /** Errors no retry will change: the grant or the client is no longer accepted. */
    private static final Set<String> LASTING = Set.of("invalid_grant", "invalid_client", "unauthorized_client",
            "invalid_scope", "unsupported_grant_type", "access_denied", "consent_required", "interaction_required");

    static final String NOT_AUTHORIZED = "this server has not been authorized yet, or the provider sent no refresh "
            + "token; authorize this server";

    private TokenTrouble() {
    }

    static boolean lasting(TokenRefusedException e) {
        return LASTING.contains(e.error());
    }

    static String describe(TokenRefusedException e) {
        String answer = "the token endpoint answered " + e.getMessage();
        return switch (e.error()) {
            case "invalid_grant" -> "the access token was revoked; re-authorize this server (" + answer
                    + ": the refresh token expired, was revoked, or a password change or MFA ended it)";
            case "invalid_client" -> "the Client Secret was refused (expired or replaced); enter the new Client Secret "
                    + "and re-authorize this server (" + answer + ")";
            default -> lasting(e)
                    ? "the provider refused this server's sign-in (" + answer + "); check the Client ID, Scope and the "
                            + "app's permissions, then re-authorize this server"
                    : "the token endpoint could not issue a token now (" + answer + "); Mailroom tries again later";
        };
    }
}
