package dev.mailroom.console.oauth;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mailroom.oauth.OAuthAuthorizationException;
import dev.mailroom.oauth.OAuthAuthorizations;
import dev.mailroom.oauth.OAuthView;

/**
 * The Redirect URL: the provider sends the admin's browser back here with the code and the state. The state must be one
 * Mailroom handed out, unused and recent; a wrong one is refused and stores nothing.
 */
@Controller
class OAuthCallbackController {

    private final OAuthAuthorizations authorizations;

    OAuthCallbackController(OAuthAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping("/oauth/callback")
    String callback(@RequestParam(required = false) String state, @RequestParam(required = false) String code,
            @RequestParam(required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription, Model model,
            HttpServletResponse response) {
        try {
            OAuthView authorized = authorizations.complete(state, code, error, errorDescription);
            model.addAttribute("oauth", authorized);
            model.addAttribute("serverPage", OAuthPageController.path(authorized.serverKind(), authorized.serverId()));
        } catch (OAuthAuthorizationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
        }
        return "console/oauth/callback";
    }
}
