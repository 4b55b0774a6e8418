package dev.mailroom.oauth;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** OAuth 2.0 sign-in of Incoming and Outgoing Email Servers (admin only). */
@RestController
@Tag(name = "OAuth 2.0", description = "Servers that sign in with OAuth 2.0 (XOAUTH2): configuration, authorization, state")
class OAuthController {

    private static final String SERVER = "/api/{kind:incoming-servers|outgoing-servers}/{id}/oauth";

    record Preset(OAuthPreset provider, String label, boolean needsTenant, String authorizationUrl, String tokenUrl,
            String imapScope, String pop3Scope, String smtpScope) {
    }

    private final OAuthConfigurations configurations;
    private final OAuthAuthorizations authorizations;

    OAuthController(OAuthConfigurations configurations, OAuthAuthorizations authorizations) {
        this.configurations = configurations;
        this.authorizations = authorizations;
    }

    @GetMapping(SERVER)
    OAuthView get(@PathVariable String kind, @PathVariable long id) {
        return configurations.get(ref(kind, id));
    }

    @PutMapping(SERVER)
    @Operation(summary = "Save the server's OAuth 2.0 configuration; a provider preset fills the empty URLs and scope")
    OAuthView save(@PathVariable String kind, @PathVariable long id, @Valid @RequestBody OAuthRequest request) {
        return configurations.save(ref(kind, id), request);
    }

    @DeleteMapping(SERVER)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the OAuth 2.0 configuration and its tokens: the server signs in with its password again")
    void delete(@PathVariable String kind, @PathVariable long id) {
        configurations.delete(ref(kind, id));
    }

    @PostMapping(SERVER + "/authorize")
    @Operation(summary = "Start the authorization: the provider URL to open in a browser (authorization code with "
            + "PKCE; the provider redirects to the Redirect URL), or, for CLIENT_CREDENTIALS, the token at once")
    OAuthAuthorizations.Started authorize(@PathVariable String kind, @PathVariable long id, Principal principal) {
        return authorizations.start(ref(kind, id), principal.getName());
    }

    @GetMapping("/api/oauth/servers")
    @Operation(summary = "Every server on OAuth 2.0 with its state (re-authorization needed) and warnings")
    List<OAuthView> servers() {
        return configurations.list();
    }

    @GetMapping("/api/oauth/presets")
    List<Preset> presets() {
        return Arrays.stream(OAuthPreset.values()).map(p -> new Preset(p, p.label(), p.needsTenant(),
                p.authorizationUrl(null), p.tokenUrl(null), p.incomingScope(false), p.incomingScope(true), p.smtpScope()))
                .toList();
    }

    @ExceptionHandler(OAuthAuthorizationException.class)
    ProblemDetail refused(OAuthAuthorizationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Authorization failed");
        return problem;
    }

    static OAuthServerRef ref(String kind, long id) {
        return kind.startsWith("incoming") ? OAuthServerRef.incoming(id) : OAuthServerRef.outgoing(id);
    }
}
