package dev.mailroom.graph;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mailroom.graph.*}: where Microsoft Graph is and how long Mailroom waits for it.
 *
 * @param baseUrl        the Graph API root; tests point it at a stand-in on loopback
 * @param connectTimeout connecting to Graph
 * @param readTimeout    one answer (a message's MIME included)
 * @param maxRetryWait   the longest Retry-After that is waited out when Graph throttles (429) or is busy (503);
 *                       a longer one ends the attempt, which is tried again at the next poll or send
 * @param maxRetries     throttled answers waited out per call at most
 * @param pageSize       messages per delta page asked for ({@code Prefer: odata.maxpagesize})
 */
@ConfigurationProperties("mailroom.graph")
public record GraphProperties(
        @DefaultValue("https://graph.microsoft.com/v1.0") String baseUrl,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("30s") Duration maxRetryWait,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("50") int pageSize) {

    /** The base URL without a trailing slash. */
    public String root() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
