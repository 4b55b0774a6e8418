package dev.mailroom.oauth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.web.NotFoundException;

/** Finds the mail server an OAuth configuration belongs to, in the directory of its kind. */
@Component
class MailServers {

    private final Map<ServerKind, OAuthMailServerDirectory> directories = new EnumMap<>(ServerKind.class);

    MailServers(List<OAuthMailServerDirectory> directories) {
        directories.forEach(directory -> this.directories.put(directory.kind(), directory));
    }

    Optional<OAuthMailServer> find(OAuthServerRef ref) {
        OAuthMailServerDirectory directory = directories.get(ref.kind());
        return directory == null ? Optional.empty() : directory.find(ref.serverId());
    }

    OAuthMailServer get(OAuthServerRef ref) {
        return find(ref).orElseThrow(() -> new NotFoundException(
                ref.kind() == ServerKind.INCOMING ? "Incoming server" : "Outgoing server", ref.serverId()));
    }
}
