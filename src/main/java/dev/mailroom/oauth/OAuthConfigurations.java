package dev.mailroom.oauth;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.secrets.SecretBox;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.NotFoundException;

/**
 * The OAuth 2.0 configuration of each mail server: saved with its preset applied, shown without secrets, removed to
 * return the server to its password. The tokens survive a save only while the client, token endpoint and scope stay
 * the same; otherwise the server must be authorized again.
 */
@Service
public class OAuthConfigurations {

    static final String CALLBACK_PATH = "/oauth/callback";
    private static final Logger log = LoggerFactory.getLogger(OAuthConfigurations.class);

    private final OAuthClientRepository clients;
    private final MailServers servers;
    private final SecretBox secrets;
    private final OAuthProperties properties;
    private final Clock clock;
    private final String baseUrl;

    OAuthConfigurations(OAuthClientRepository clients, MailServers servers, SecretBox secrets, OAuthProperties properties,
            Optional<Clock> clock, @Value("${mailroom.base-url:}") String baseUrl) {
        this.clients = clients;
        this.servers = servers;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
    }

    @Transactional(readOnly = true)
    public Optional<OAuthView> find(OAuthServerRef server) {
        return clients.find(server).map(this::view);
    }

    @Transactional(readOnly = true)
    public OAuthView get(OAuthServerRef server) {
        servers.get(server);
        return find(server).orElseThrow(() -> notConfigured(server));
    }

    /** Every server on OAuth 2.0 with its state and warnings. */
    @Transactional(readOnly = true)
    public List<OAuthView> list() {
        return clients.findAll().stream().filter(client -> servers.find(client.server()).isPresent()).map(this::view).toList();
    }

    /** The name of the mail server, for pages; 404 if it does not exist. */
    @Transactional(readOnly = true)
    public String serverName(OAuthServerRef server) {
        return servers.get(server).name();
    }

    /** The mail server's host, for pages (to suggest its provider's preset). */
    @Transactional(readOnly = true)
    public String serverHost(OAuthServerRef server) {
        return servers.get(server).host();
    }

    /** The views of one kind's servers on OAuth 2.0, by server id: for the server lists. */
    @Transactional(readOnly = true)
    public Map<Long, OAuthView> byServer(ServerKind kind) {
        return clients.findAll().stream().filter(client -> client.server().kind() == kind)
                .collect(Collectors.toMap(client -> client.server().serverId(), this::view));
    }

    @Transactional
    public OAuthView save(OAuthServerRef ref, OAuthRequest request) {
        OAuthMailServer server = servers.get(ref);
        OAuthSettings settings = settings(server, request);
        Optional<OAuthClient> current = clients.find(ref);
        String encryptedSecret;
        if (request.hasClientSecret()) {
            encryptedSecret = secrets.encrypt(request.clientSecret());
        } else {
            encryptedSecret = current.map(OAuthClient::encryptedClientSecret).orElse(null);
            if (encryptedSecret != null) {
                requireSameTokenHost(current.get().settings().tokenUrl(), settings.tokenUrl());
            }
        }
        if (settings.grantType() == GrantType.CLIENT_CREDENTIALS && encryptedSecret == null) {
            throw new BadRequestException("clientSecret", "is required for CLIENT_CREDENTIALS");
        }
        boolean keepTokens = current.map(OAuthClient::settings)
                .filter(old -> old.clientId().equals(settings.clientId()) && old.tokenUrl().equals(settings.tokenUrl())
                        && old.scope().equals(settings.scope()) && old.grantType() == settings.grantType())
                .isPresent();
        clients.save(ref, settings, encryptedSecret, keepTokens);
        log.info("OAuth 2.0 configuration of the {} '{}' saved ({}, client {}{})", ref, server.name(),
                settings.provider(), settings.clientId(), keepTokens ? "" : "; authorize it to sign in");
        return get(ref);
    }

    @Transactional
    public void delete(OAuthServerRef ref) {
        servers.get(ref);
        if (!clients.delete(ref)) {
            throw notConfigured(ref);
        }
        log.info("OAuth 2.0 configuration of the {} removed", ref);
    }

    private static NotFoundException notConfigured(OAuthServerRef server) {
        return new NotFoundException("OAuth 2.0 configuration of " + server.kind().word() + " server", server.serverId());
    }

    OAuthView view(OAuthClient client) {
        return OAuthView.of(client, OAuthWarnings.of(client, clock.instant(), properties));
    }

    private OAuthSettings settings(OAuthMailServer server, OAuthRequest request) {
        OAuthPreset preset = request.provider() == null ? OAuthPreset.CUSTOM : request.provider();
        GrantType grant = request.grantType() == null ? GrantType.AUTHORIZATION_CODE : request.grantType();
        String tenant = blankToNull(request.tenant());
        if (preset.needsTenant() && tenant == null
                && (blankToNull(request.tokenUrl()) == null || blankToNull(request.authorizationUrl()) == null)) {
            throw new BadRequestException("tenant", "is required for " + preset.label()
                    + ": the Entra ID tenant id or domain (or 'organizations') in its URLs");
        }
        String authorizationUrl = or(request.authorizationUrl(), preset.authorizationUrl(tenant));
        String tokenUrl = or(request.tokenUrl(), preset.tokenUrl(tenant));
        String scope = or(request.scope(), server.scopeOf(preset));
        String redirectUrl = or(request.redirectUrl(), baseUrl == null ? null : baseUrl + CALLBACK_PATH);
        url("tokenUrl", tokenUrl, true);
        if (scope == null) {
            throw new BadRequestException("scope", "is required (e.g. https://outlook.office.com/IMAP.AccessAsUser.All "
                    + "offline_access, or https://mail.google.com/)");
        }
        if (grant == GrantType.AUTHORIZATION_CODE) {
            url("authorizationUrl", authorizationUrl, true);
            if (redirectUrl == null) {
                throw new BadRequestException("redirectUrl", "is required: Mailroom's address followed by " + CALLBACK_PATH
                        + ", as registered with the provider (or set mailroom.base-url)");
            }
        }
        url("authorizationUrl", authorizationUrl, false);
        url("redirectUrl", redirectUrl, false);
        return new OAuthSettings(preset, grant, request.clientId().strip(), authorizationUrl, tokenUrl, scope, redirectUrl,
                request.clientSecretExpiresOn());
    }

    private static void url(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new BadRequestException(field, "is required");
            }
            return;
        }
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new BadRequestException(field, "must be an http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new BadRequestException(field, "is not a URL: " + e.getReason());
        }
    }

    /** Like a password, a stored Client Secret only goes to the host it was entered for. */
    private static void requireSameTokenHost(String savedTokenUrl, String tokenUrl) {
        String saved = URI.create(savedTokenUrl).getHost();
        String now = URI.create(tokenUrl).getHost();
        if (!Objects.equals(saved == null ? null : saved.toLowerCase(), now == null ? null : now.toLowerCase())) {
            throw new BadRequestException("clientSecret", "enter the Client Secret again: the Token URL's host changed "
                    + "from " + saved + ", and a stored secret is only sent to the host it was entered for");
        }
    }

    private static String or(String given, String preset) {
        String value = blankToNull(given);
        return value != null ? value : preset;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
