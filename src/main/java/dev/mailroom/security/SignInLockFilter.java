package dev.mailroom.security;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-ins for a locked account or from a locked client address before the password is checked: the console's
 * sign-in form goes back to the login page, which says until when; HTTP basic gets a 429 with {@code Retry-After}.
 * Not a bean, so that it runs only inside the security filter chains it is added to.
 */
class SignInLockFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInLockFilter.class);
    private static final BasicAuthenticationConverter BASIC = new BasicAuthenticationConverter();

    private final SignInLimiter limiter;
    private final ProblemResponses problems;

    SignInLockFilter(SignInLimiter limiter, ProblemResponses problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI());
        String account = form ? request.getParameter("username") : basicUsername(request);
        if (account == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Instant> until = limiter.lockedUntil(account, request.getRemoteAddr());
        if (until.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused sign-in for locked account '{}' or address {} (locked until {})",
                SignInEvents.printable(account), request.getRemoteAddr(), until.get());
        if (form) {
            response.sendRedirect(request.getContextPath() + "/login?locked=" + until.get());
        } else {
            problems.tooManySignIns(response, until.get());
        }
    }

    /** The account named by an HTTP basic header, read as Spring Security reads it; null without a readable one. */
    private static String basicUsername(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken basic = BASIC.convert(request);
            return basic == null ? null : basic.getName();
        } catch (AuthenticationException e) {
            return null; // not Base64, or no colon: the chain refuses it as it always did
        }
    }
}
