package dev.mailroom.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs failed sign-ins (console form and API basic auth alike) with the account name tried and the client address, and
 * tells the {@link SignInLimiter}. The address is the request's remote address as the servlet container gives it: behind
 * a reverse proxy it is the proxy's, unless the server is set to take it from forwarded headers it trusts.
 */
@Component
class SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    private final SignInLimiter limiter;

    SignInEvents(SignInLimiter limiter) {
        this.limiter = limiter;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String account = event.getAuthentication().getName();
        String address = address(event.getAuthentication());
        log.warn("Failed sign-in for account '{}' from {}: {}", printable(account), address,
                event.getException().getMessage());
        limiter.failed(account, address);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        limiter.succeeded(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /** An account name as typed, safe for one log line. */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
    }
}
