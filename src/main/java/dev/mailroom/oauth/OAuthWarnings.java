package dev.mailroom.oauth;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The warnings before a server's OAuth sign-in breaks, in plain words: a refresh token left unused so long that the
 * provider may drop it, a last refresh that failed, a Client Secret that expires soon (or did). Each names its cause
 * and the day, so a repeated check finds the same words and audits nothing new.
 */
final class OAuthWarnings {

    private OAuthWarnings() {
    }

    static List<String> of(OAuthClient client, Instant now, OAuthProperties properties) {
        List<String> warnings = new ArrayList<>();
        TokenState tokens = client.tokens();
        Instant used = tokens.refreshTokenUsedAt();
        if (tokens.refreshTokenSet() && used != null && used.isBefore(now.minus(properties.refreshTokenUnusedWarning()))) {
            warnings.add("the refresh token has not been used since " + day(used) + " (" + days(used, now)
                    + " days); a provider drops one left unused too long (Microsoft: 90 days), so the server would have "
                    + "to be authorized again");
        }
        if (tokens.lastRefreshFailed() && !tokens.reauthorizationNeeded()) {
            warnings.add("the last refresh of the access token failed on " + day(tokens.lastRefreshFailedAt()) + ": "
                    + tokens.lastRefreshError());
        }
        LocalDate expiresOn = client.settings().clientSecretExpiresOn();
        if (expiresOn != null) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            if (expiresOn.isBefore(today)) {
                warnings.add("the Client Secret expired on " + expiresOn + "; create a new one at the provider, enter it "
                        + "and re-authorize this server");
            } else if (!expiresOn.isAfter(today.plusDays(properties.secretExpiryWarning().toDays()))) {
                warnings.add("the Client Secret expires on " + expiresOn + "; create a new one at the provider and enter "
                        + "it before then");
            }
        }
        return warnings;
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static long days(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }
}
