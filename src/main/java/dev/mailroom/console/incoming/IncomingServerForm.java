package dev.mailroom.console.incoming;

import dev.mailroom.addresses.FilterType;
import dev.mailroom.console.MailServerForm;
import dev.mailroom.incoming.AfterProcessing;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerRequest;
import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSecurity;

/**
 * The Incoming Email Server form: the settings an admin sets up a mailbox with. Lists (mailbox addresses, filter
 * entries, request-ID prefixes) are typed one per line or separated by commas; the default technician group, category
 * and outgoing server are chosen by name (none: the ticket's own, the default server). Settings the form leaves out
 * (after processing, size limit, timeouts) keep their saved values on edit.
 */
public class IncomingServerForm extends MailServerForm {

    private String mailboxAddresses;
    private MailProtocol protocol = MailProtocol.IMAP;
    private String folder = IncomingServerSettings.INBOX;
    private Integer pollIntervalSeconds = IncomingServerSettings.DEFAULT_POLL_INTERVAL_SECONDS;
    private FilterType filterType = FilterType.IGNORE;
    private String requestIdPrefixes;
    private boolean ccTicketCreation;
    private boolean bccTicketCreation;
    private Long technicianGroupId;
    private Long categoryId;
    private Long outgoingServerId;

    public IncomingServerForm() {
        super(null, MailSecurity.SSL_TLS);
    }

    static IncomingServerForm of(IncomingServer server) {
        IncomingServerSettings settings = server.settings();
        IncomingServerForm form = new IncomingServerForm();
        form.setName(settings.name());
        form.mailboxAddresses = String.join("\n", settings.mailboxAddresses());
        form.protocol = settings.protocol();
        form.setHost(settings.host());
        form.setPort(settings.port());
        form.setSecurity(settings.security());
        form.setUsername(settings.username());
        form.folder = settings.folder();
        form.pollIntervalSeconds = settings.pollIntervalSeconds();
        form.setEnabled(settings.enabled());
        form.filterType = settings.filterType();
        form.setFilterEntries(String.join("\n", settings.filterEntries()));
        form.requestIdPrefixes = String.join(", ", settings.requestIdPrefixes());
        form.ccTicketCreation = settings.ccTicketCreation();
        form.bccTicketCreation = settings.bccTicketCreation();
        form.setTrustSelfSignedCertificate(settings.trustSelfSignedCertificate());
        form.technicianGroupId = settings.technicianGroupId();
        form.categoryId = settings.categoryId();
        form.outgoingServerId = settings.outgoingServerId();
        return form;
    }

    /** The API's request for these values; {@code saved} (null when creating) supplies what the form does not show. */
    IncomingServerRequest toRequest(IncomingServerSettings saved) {
        return toRequest(null, saved);
    }

    /** For Test Connection before saving: without a typed password, the saved server {@code id} lends its own. */
    IncomingServerRequest toTestRequest(Long id, IncomingServerSettings saved) {
        return toRequest(id, saved);
    }

    private IncomingServerRequest toRequest(Long id, IncomingServerSettings saved) {
        boolean keep = saved != null;
        AfterProcessing after = keep && protocol != null && saved.afterProcessing().allowedFor(protocol) ? saved.afterProcessing() : null;
        return new IncomingServerRequest(id, getName(), list(mailboxAddresses), protocol, getHost(), getPort(),
                getSecurity(), getUsername(), typedPassword(), folder, pollIntervalSeconds, isEnabled(), after,
                after == AfterProcessing.MOVE ? saved.moveToFolder() : null,
                keep ? saved.maxMessageSizeBytes() : null, list(requestIdPrefixes), ccTicketCreation, bccTicketCreation,
                filterType, list(getFilterEntries()), technicianGroupId, categoryId, isTrustSelfSignedCertificate(),
                keep ? saved.connectTimeoutSeconds() : null, keep ? saved.readTimeoutSeconds() : null, outgoingServerId);
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

    public FilterType getFilterType() {
        return filterType;
    }

    public void setFilterType(FilterType filterType) {
        this.filterType = filterType;
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

    public Long getTechnicianGroupId() {
        return technicianGroupId;
    }

    public void setTechnicianGroupId(Long technicianGroupId) {
        this.technicianGroupId = technicianGroupId;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public Long getOutgoingServerId() {
        return outgoingServerId;
    }

    public void setOutgoingServerId(Long outgoingServerId) {
        this.outgoingServerId = outgoingServerId;
    }
}
