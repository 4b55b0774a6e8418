package dev.mailroom.console.incoming;

import java.util.Arrays;
import java.util.List;

import dev.mailroom.console.MailProviderPreset;
import dev.mailroom.incoming.AfterProcessing;
import dev.mailroom.incoming.FilterType;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerRequest;
import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.incoming.connection.MailProtocol;
import dev.mailroom.incoming.connection.MailSecurity;

/**
 * The Incoming Email Server form: the settings an admin sets up a mailbox with. Lists (mailbox addresses, filter
 * entries, request-ID prefixes) are typed one per line or separated by commas. Settings the form leaves out (after
 * processing, size limit, timeouts, default group and category, outgoing server) keep their saved values on edit.
 */
public class IncomingServerForm {

    private MailProviderPreset preset = MailProviderPreset.CUSTOM;
    private String name;
    private String mailboxAddresses;
    private MailProtocol protocol = MailProtocol.IMAP;
    private String host;
    private Integer port;
    private MailSecurity security = MailSecurity.SSL_TLS;
    private String username;
    private String password;
    private String folder = IncomingServerSettings.INBOX;
    private Integer pollIntervalSeconds = IncomingServerSettings.DEFAULT_POLL_INTERVAL_SECONDS;
    private boolean enabled = true;
    private FilterType filterType = FilterType.IGNORE;
    private String filterEntries;
    private String requestIdPrefixes;
    private boolean ccTicketCreation;
    private boolean bccTicketCreation;
    private boolean trustSelfSignedCertificate;

    static IncomingServerForm of(IncomingServer server) {
        IncomingServerSettings settings = server.settings();
        IncomingServerForm form = new IncomingServerForm();
        form.name = settings.name();
        form.mailboxAddresses = String.join("\n", settings.mailboxAddresses());
        form.protocol = settings.protocol();
        form.host = settings.host();
        form.port = settings.port();
        form.security = settings.security();
        form.username = settings.username();
        form.folder = settings.folder();
        form.pollIntervalSeconds = settings.pollIntervalSeconds();
        form.enabled = settings.enabled();
        form.filterType = settings.filterType();
        form.filterEntries = String.join("\n", settings.filterEntries());
        form.requestIdPrefixes = String.join(", ", settings.requestIdPrefixes());
        form.ccTicketCreation = settings.ccTicketCreation();
        form.bccTicketCreation = settings.bccTicketCreation();
        form.trustSelfSignedCertificate = settings.trustSelfSignedCertificate();
        return form;
    }

    /** The API's request for these values; {@code saved} (null when creating) supplies what the form does not show. */
    IncomingServerRequest toRequest(IncomingServerSettings saved) {
        boolean keep = saved != null;
        AfterProcessing after = keep && protocol != null && saved.afterProcessing().allowedFor(protocol) ? saved.afterProcessing() : null;
        return new IncomingServerRequest(null, name, list(mailboxAddresses), protocol, host, port, security, username,
                password, folder, pollIntervalSeconds, enabled, after,
                after == AfterProcessing.MOVE ? saved.moveToFolder() : null,
                keep ? saved.maxMessageSizeBytes() : null, list(requestIdPrefixes), ccTicketCreation, bccTicketCreation,
                filterType, list(filterEntries), keep ? saved.technicianGroupId() : null, keep ? saved.categoryId() : null,
                trustSelfSignedCertificate, keep ? saved.connectTimeoutSeconds() : null,
                keep ? saved.readTimeoutSeconds() : null, keep ? saved.outgoingServerId() : null);
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(value -> !value.isEmpty()).toList();
    }

    public MailProviderPreset getPreset() {
        return preset;
    }

    public void setPreset(MailProviderPreset preset) {
        this.preset = preset;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMailboxAddresses() {
        return mailboxAddresses;
    }

    public void setMailboxAddresses(String mailboxAddresses) {
        this.mailboxAddresses = mailboxAddresses;
    }

    public MailProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(MailProtocol protocol) {
        this.protocol = protocol;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public MailSecurity getSecurity() {
        return security;
    }

    public void setSecurity(MailSecurity security) {
        this.security = security;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** Never filled from a saved server: the form shows only whether one is stored. */
    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public Integer getPollIntervalSeconds() {
        return pollIntervalSeconds;
    }

    public void setPollIntervalSeconds(Integer pollIntervalSeconds) {
        this.pollIntervalSeconds = pollIntervalSeconds;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public FilterType getFilterType() {
        return filterType;
    }

    public void setFilterType(FilterType filterType) {
        this.filterType = filterType;
    }

    public String getFilterEntries() {
        return filterEntries;
    }

    public void setFilterEntries(String filterEntries) {
        this.filterEntries = filterEntries;
    }

    public String getRequestIdPrefixes() {
        return requestIdPrefixes;
    }

    public void setRequestIdPrefixes(String requestIdPrefixes) {
        this.requestIdPrefixes = requestIdPrefixes;
    }

    public boolean isCcTicketCreation() {
        return ccTicketCreation;
    }

    public void setCcTicketCreation(boolean ccTicketCreation) {
        this.ccTicketCreation = ccTicketCreation;
    }

    public boolean isBccTicketCreation() {
        return bccTicketCreation;
    }

    public void setBccTicketCreation(boolean bccTicketCreation) {
        this.bccTicketCreation = bccTicketCreation;
    }

    public boolean isTrustSelfSignedCertificate() {
        return trustSelfSignedCertificate;
    }

    public void setTrustSelfSignedCertificate(boolean trustSelfSignedCertificate) {
        this.trustSelfSignedCertificate = trustSelfSignedCertificate;
    }
}
