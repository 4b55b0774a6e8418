package dev.mailroom.oauth;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A server's OAuth 2.0 configuration as the admin enters it. A provider preset fills the URLs and the scope left
 * empty; Microsoft 365 needs the tenant for its URLs.
 */
public record OAuthRequest(
        @Schema(description = "MICROSOFT_365, GOOGLE or CUSTOM (default): fills the empty URLs and scope") OAuthPreset provider,
        @Schema(description = "Microsoft 365 only: the Entra ID tenant (id, domain or 'organizations')") @Size(max = 200, message = "must be at most {max} characters") String tenant,
        @Schema(description = "AUTHORIZATION_CODE (default) or CLIENT_CREDENTIALS") GrantType grantType,
        @NotBlank @Size(max = 500, message = "must be at most {max} characters") String clientId,
        @Schema(description = "Write-only; on update leave it out to keep the stored one (same token host only)")
        @Size(max = 2000, message = "must be at most {max} characters") String clientSecret,
        @Schema(description = "The Client Secret's expiry date, if known: Mailroom warns before it") LocalDate clientSecretExpiresOn,
        @Size(max = 2000, message = "must be at most {max} characters") String authorizationUrl,
        @Size(max = 2000, message = "must be at most {max} characters") String tokenUrl,
        @Size(max = 2000, message = "must be at most {max} characters") String scope,
        @Schema(description = "Mailroom's callback as registered with the provider; default <mailroom.base-url>/oauth/callback")
        @Size(max = 2000, message = "must be at most {max} characters") String redirectUrl) {

    boolean hasClientSecret() {
        return clientSecret != null && !clientSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "OAuthRequest[provider=" + provider + ", grantType=" + grantType + ", clientId=" + clientId + "]";
    }
}
