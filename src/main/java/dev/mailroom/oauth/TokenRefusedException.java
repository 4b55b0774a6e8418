package dev.mailroom.oauth;

/** The token endpoint answered with an OAuth error ({@code invalid_grant}, {@code invalid_client}, …). */
class TokenRefusedException extends Exception {

    private final String error;
    private final String description;

    TokenRefusedException(String error, String description, int httpStatus) {
        super(error + (description == null || description.isBlank() ? "" : ": " + description.strip())
                + " (HTTP " + httpStatus + ")");
        this.error = error;
        this.description = description;
    }

    String error() {
        return error;
    }

    String description() {
        return description;
    }
}
