package dev.mailroom.outgoing;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.oauth.OAuthConfigurations;
import dev.mailroom.oauth.OAuthServerRef;
import dev.mailroom.secrets.SecretBox;
import dev.mailroom.secrets.StoredPasswords;
import dev.mailroom.transport.SmtpAuthentication;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;

/**
 * Creates, changes and deletes outgoing servers and keeps at most one of them the default; the password is encrypted
 * on the way in and never handed out.
 */
@Service
public class OutgoingServerService {

    private static final Logger log = LoggerFactory.getLogger(OutgoingServerService.class);

    private final OutgoingServerRepository servers;
    private final SecretBox secrets;
    private final OAuthConfigurations oauth;

    OutgoingServerService(OutgoingServerRepository servers, SecretBox secrets, OAuthConfigurations oauth) {
        this.servers = servers;
        this.secrets = secrets;
        this.oauth = oauth;
    }

    /**
     * What keeps the server from sending, in the admin's words, or empty: its settings' causes
     * ({@link OutgoingServer#whyNotReady()}), and a server switched to OAuth 2.0 that has no OAuth 2.0 configuration.
     */
    @Transactional(readOnly = true)
    public Optional<String> whyNotReady(OutgoingServer server) {
        Optional<String> why = server.whyNotReady();
        if (why.isPresent() || server.settings().authentication() != SmtpAuthentication.OAUTH2) {
            return why;
        }
        if (oauth.find(OAuthServerRef.outgoing(server.id())).isEmpty()) {
            return Optional.of("the outgoing server '" + server.name() + "' signs in with OAuth 2.0, but OAuth 2.0 is "
                    + "not configured for it; open its OAuth 2.0 page, enter the configuration and click Authorize");
        }
        return Optional.empty();
    }

    /** NOT_READY when {@link #whyNotReady(OutgoingServer)} names a cause, else FAILING or READY by its last send. */
    @Transactional(readOnly = true)
    public SendStatus sendStatus(OutgoingServer server) {
        if (whyNotReady(server).isPresent()) {
            return SendStatus.NOT_READY;
        }
        return server.lastSend().failing() ? SendStatus.FAILING : SendStatus.READY;
    }

    @Transactional(readOnly = true)
    public List<OutgoingServer> list() {
        return servers.findAll();
    }

    @Transactional(readOnly = true)
    public OutgoingServer get(long id) {
        return servers.findById(id).orElseThrow(() -> new NotFoundException("Outgoing server", id));
    }

    /** The first server becomes the default unless the admin said otherwise. */
    @Transactional
    public OutgoingServer create(OutgoingServerRequest request) {
        Optional<OutgoingServer> previousDefault = servers.findDefault();
        boolean makeDefault = request.defaultServer() != null ? request.defaultServer() : previousDefault.isEmpty();
        OutgoingServerSettings settings = request.toSettings(makeDefault);
        requireUniqueName(settings, null);
        String encryptedPassword = null;
        if (settings.authentication() == SmtpAuthentication.PASSWORD) {
            if (!request.hasPassword()) {
                throw new BadRequestException("password", "is required when the server signs in with a password (PASSWORD)");
            }
            encryptedPassword = secrets.encrypt(request.password());
        }
        OutgoingServer created = servers.insert(settings, encryptedPassword);
        log.info("Outgoing server '{}' created (id {}, {})", settings.name(), created.id(),
                OutgoingServerConnections.of(settings, null).address());
        logDefaultChange(created, previousDefault);
        return created;
    }

    /**
     * A full replacement, except that a missing or empty password keeps the stored one (for the same host only) and
     * a missing {@code defaultServer} keeps the current choice.
     */
    @Transactional
    public OutgoingServer update(long id, OutgoingServerRequest request) {
        OutgoingServer current = get(id);
        Optional<OutgoingServer> previousDefault = servers.findDefault();
        boolean makeDefault = request.defaultServer() != null ? request.defaultServer() : current.settings().defaultServer();
        OutgoingServerSettings settings = request.toSettings(makeDefault);
        requireUniqueName(settings, id);
        String encryptedPassword = null;
        if (settings.authentication() == SmtpAuthentication.PASSWORD) {
            if (request.hasPassword()) {
                encryptedPassword = secrets.encrypt(request.password());
            } else {
                requireSameHost(current, settings.host());
                encryptedPassword = current.encryptedPassword();
            }
        }
        servers.update(id, settings, encryptedPassword);
        OutgoingServer updated = get(id);
        log.info("Outgoing server '{}' updated (id {}{})", settings.name(), id, request.hasPassword() ? ", new password" : "");
        if (current.settings().defaultServer() && !makeDefault) {
            log.warn("Outgoing server '{}' is no longer the default: there is no default outgoing server now, so "
                    + "mailboxes without a server of their own cannot send until one is made the default", settings.name());
        }
        logDefaultChange(updated, previousDefault);
        return updated;
    }

    @Transactional
    public void delete(long id) {
        OutgoingServer server = get(id);
        servers.delete(id);
        if (server.settings().defaultServer()) {
            log.warn("Outgoing server '{}' deleted (id {}); it was the default, so there is no default outgoing server "
                    + "now: mailboxes without a server of their own cannot send until another server is made the default",
                    server.name(), id);
        } else {
            log.info("Outgoing server '{}' deleted (id {}); mailboxes that used it send through the default server",
                    server.name(), id);
        }
    }

    static void requireSameHost(OutgoingServer saved, String host) {
        StoredPasswords.requireSameHost(saved.settings().host(), host);
    }

    private static void logDefaultChange(OutgoingServer server, Optional<OutgoingServer> previousDefault) {
        if (server.settings().defaultServer() && previousDefault.map(previous -> previous.id() != server.id()).orElse(true)) {
            log.info("Outgoing server '{}' is now the default{}", server.name(),
                    previousDefault.map(previous -> " instead of '" + previous.name() + "'").orElse(""));
        }
    }

    private void requireUniqueName(OutgoingServerSettings settings, Long id) {
        servers.findByName(settings.name()).filter(other -> id == null || other.id() != id).ifPresent(other -> {
            throw new ConflictException("name", "An outgoing server named '" + other.name() + "' already exists");
        });
    }
}
