package dev.mailroom.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-ins for a locked account or from a locked client address before the password is checked: the console's
 * sign-in form goes back to the login page, which says until when; HTTP basic gets a 429 with {@code Retry-After}.
 * Not a bean, so that it runs only inside the security filter chains it is added to.
 */
class SignInLockFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInLockFilter.class);

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

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
