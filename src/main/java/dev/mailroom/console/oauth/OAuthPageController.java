package dev.mailroom.console.oauth;

import java.security.Principal;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.console.ApiFormChecks;
import dev.mailroom.console.MailProviderPreset;
import dev.mailroom.oauth.GrantType;
import dev.mailroom.oauth.OAuthAuthorizationException;
import dev.mailroom.oauth.OAuthAuthorizations;
import dev.mailroom.oauth.OAuthConfigurations;
import dev.mailroom.oauth.OAuthPreset;
import dev.mailroom.oauth.OAuthRequest;
import dev.mailroom.oauth.OAuthServerRef;
import dev.mailroom.oauth.OAuthView;
import dev.mailroom.oauth.ServerKind;
import dev.mailroom.web.BadRequestException;

/**
 * A server's OAuth 2.0 page ({@code /admin/oauth/incoming/7}): its sign-in state and warnings, the configuration form
 * with the provider presets, and <b>Authorize</b>, which sends the admin's browser to the provider (or, for client
 * credentials, gets the token at once). The same services as {@code /api/…/oauth}.
 */
@Controller
@RequestMapping("/admin/oauth/{kind:incoming|outgoing}/{id}")
class OAuthPageController {

    private static final Validator NO_CROSS_FIELD_RULES = Validator.forInstanceOf(OAuthRequest.class, (request, errors) -> {
    });

    private final OAuthConfigurations configurations;
    private final OAuthAuthorizations authorizations;
    private final ApiFormChecks checks;

    OAuthPageController(OAuthConfigurations configurations, OAuthAuthorizations authorizations, ApiFormChecks checks) {
        this.configurations = configurations;
        this.authorizations = authorizations;
        this.checks = checks;
    }

    static String path(ServerKind kind, long id) {
        return "/admin/oauth/" + kind.word() + "/" + id;
    }

    @GetMapping
    String page(@PathVariable String kind, @PathVariable long id, Model model) {
        OAuthServerRef server = ref(kind, id);
        Optional<OAuthView> oauth = configurations.find(server);
        return page(server, oauth.map(OAuthForm::of).orElseGet(() -> OAuthForm.forProvider(
                MailProviderPreset.ofHost(configurations.serverHost(server)).oauth())), model);
    }

    @PostMapping
    String save(@PathVariable String kind, @PathVariable long id, @ModelAttribute("form") OAuthForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        OAuthServerRef server = ref(kind, id);
        return checks.save(form.toRequest(), NO_CROSS_FIELD_RULES, errors, () -> configurations.save(server, form.toRequest()))
                .map(saved -> done(redirect, server, "Saved. " + (saved.needsAuthorization()
                        ? "Click Authorize to sign in at the provider." : "The server stays authorized.")))
                .orElseGet(() -> page(server, form, model));
    }

    @PostMapping("/authorize")
    String authorize(@PathVariable String kind, @PathVariable long id, Principal principal, RedirectAttributes redirect) {
        OAuthServerRef server = ref(kind, id);
        try {
            OAuthAuthorizations.Started started = authorizations.start(server, principal.getName());
            if (started.authorizationUrl() == null) {
                return done(redirect, server, "Authorized with the client credentials: the token is stored.");
            }
            return "redirect:" + started.authorizationUrl();
        } catch (OAuthAuthorizationException | BadRequestException e) {
            redirect.addFlashAttribute("problem", "Not authorized: " + e.getMessage());
            return "redirect:" + path(server.kind(), id);
        }
    }

    @PostMapping("/delete")
    String delete(@PathVariable String kind, @PathVariable long id, RedirectAttributes redirect) {
        OAuthServerRef server = ref(kind, id);
        configurations.delete(server);
        return done(redirect, server, "OAuth 2.0 removed: the server signs in with its password again.");
    }

    private String page(OAuthServerRef server, OAuthForm form, Model model) {
        model.addAttribute("kind", server.kind().word());
        model.addAttribute("serverId", server.serverId());
        model.addAttribute("serverName", configurations.serverName(server));
        model.addAttribute("serverList", server.kind() == ServerKind.INCOMING ? "/admin/incoming-email-servers"
                : "/admin/outgoing-email-servers");
        model.addAttribute("oauth", configurations.find(server).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("providers", OAuthPreset.values());
        model.addAttribute("grantTypes", GrantType.values());
        return "console/oauth/page";
    }

    private static String done(RedirectAttributes redirect, OAuthServerRef server, String message) {
        redirect.addFlashAttribute("saved", message);
        return "redirect:" + path(server.kind(), server.serverId());
    }

    private static OAuthServerRef ref(String kind, long id) {
        return kind.equals("incoming") ? OAuthServerRef.incoming(id) : OAuthServerRef.outgoing(id);
    }
}
