package dev.mailroom.console.outgoing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.mailroom.console.MailServerForm;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerRequest;
import dev.mailroom.outgoing.OutgoingServerSettings;
import dev.mailroom.transport.OutgoingTransport;
import dev.mailroom.transport.SmtpAuthentication;

/**
 * The Outgoing Email Server form: every setting of the API. The filter entries are typed one per line or separated by
 * commas; the attachment size limit is typed in MB (the API's bytes, converted exactly both ways).
 */
public class OutgoingServerForm extends MailServerForm {

    static final BigDecimal BYTES_PER_MB = BigDecimal.valueOf(1024L * 1024);
    static final BigDecimal MIN_MB = BigDecimal.valueOf(1024).divide(BYTES_PER_MB);
    static final BigDecimal MAX_MB = BigDecimal.valueOf(1024);

    private SmtpAuthentication authentication = SmtpAuthentication.PASSWORD;
    private OutgoingTransport transport = OutgoingTransport.SMTP;
    private String fromAddress;
    private String fromName;
    private String replyToAddress;
    private boolean defaultServer;
    private BigDecimal maxAttachmentMegabytes = megabytes(OutgoingServerSettings.DEFAULT_MAX_ATTACHMENT_BYTES);
    private Integer connectTimeoutSeconds = OutgoingServerSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private Integer readTimeoutSeconds = OutgoingServerSettings.DEFAULT_READ_TIMEOUT_SECONDS;

    public OutgoingServerForm() {
        super(OutgoingServerSettings.DEFAULT_PORT, OutgoingServerSettings.DEFAULT_SECURITY);
    }

    /** A new server's form; the first server becomes the default one. */
    static OutgoingServerForm blank(boolean firstServer) {
        OutgoingServerForm form = new OutgoingServerForm();
        form.defaultServer = firstServer;
        return form;
    }

    static OutgoingServerForm of(OutgoingServer server) {
        OutgoingServerSettings settings = server.settings();
        OutgoingServerForm form = new OutgoingServerForm();
        form.setName(settings.name());
        form.setHost(settings.host());
        form.setPort(settings.port());
        form.setSecurity(settings.security());
        form.authentication = settings.authentication();
        form.transport = settings.transport();
        form.setUsername(settings.username());
        form.fromAddress = settings.fromAddress();
        form.fromName = settings.fromName();
        form.replyToAddress = settings.replyToAddress();
        form.setEnabled(settings.enabled());
        form.defaultServer = settings.defaultServer();
        form.maxAttachmentMegabytes = megabytes(settings.maxAttachmentBytes());
        form.setFilterEntries(String.join("\n", settings.filterEntries()));
        form.setTrustSelfSignedCertificate(settings.trustSelfSignedCertificate());
        form.connectTimeoutSeconds = settings.connectTimeoutSeconds();
        form.readTimeoutSeconds = settings.readTimeoutSeconds();
        return form;
    }

    /** The API's request for these values; an empty password keeps the stored one on update. */
    OutgoingServerRequest toRequest() {
        return toTestRequest(null, null);
    }

    /**
     * For Test Connection before saving: without a typed password, the saved server {@code id} lends its own; a
     * {@code testRecipient} gets a test email.
     */
    OutgoingServerRequest toTestRequest(Long id, String testRecipient) {
        return new OutgoingServerRequest(id, getName(), getHost(), getPort(), getSecurity(), authentication,
                getUsername(), typedPassword(), fromAddress, fromName, replyToAddress, isEnabled(), defaultServer, maxAttachmentBytes(),
                list(getFilterEntries()), isTrustSelfSignedCertificate(), connectTimeoutSeconds, readTimeoutSeconds, testRecipient,
                transport);
    }

    /** The limit in bytes, rounded to a whole byte; null when left empty (the default) or out of the API's range. */
    Long maxAttachmentBytes() {
        return maxAttachmentSizeInRange() && maxAttachmentMegabytes != null
                ? maxAttachmentMegabytes.multiply(BYTES_PER_MB).setScale(0, RoundingMode.HALF_UP).longValueExact()
                : null;
    }

    /** The API's 1 KB to 1 GB, checked here so that the refusal speaks of MB, the form's unit. */
    boolean maxAttachmentSizeInRange() {
        return maxAttachmentMegabytes == null || (maxAttachmentMegabytes.compareTo(MIN_MB) >= 0
                && maxAttachmentMegabytes.compareTo(MAX_MB) <= 0);
    }

    // a power of two divides exactly: the bytes the API holds come back unchanged on save
    private static BigDecimal megabytes(long bytes) {
        BigDecimal megabytes = BigDecimal.valueOf(bytes).divide(BYTES_PER_MB).stripTrailingZeros();
        return megabytes.scale() < 0 ? megabytes.setScale(0) : megabytes;
    }

    public OutgoingTransport getTransport() {
        return transport;
    }

    public void setTransport(OutgoingTransport transport) {
        this.transport = transport;
    }

    public SmtpAuthentication getAuthentication() {
        return authentication;
    }

    public void setAuthentication(SmtpAuthentication authentication) {
        this.authentication = authentication;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public void setFromAddress(String fromAddress) {
        this.fromAddress = fromAddress;
    }

    public String getFromName() {
        return fromName;
    }

    public void setFromName(String fromName) {
        this.fromName = fromName;
    }

    public String getReplyToAddress() {
        return replyToAddress;
    }

    public void setReplyToAddress(String replyToAddress) {
        this.replyToAddress = replyToAddress;
    }

    public boolean isDefaultServer() {
        return defaultServer;
    }

    public void setDefaultServer(boolean defaultServer) {
        this.defaultServer = defaultServer;
    }

    public BigDecimal getMaxAttachmentMegabytes() {
        return maxAttachmentMegabytes;
    }

    public void setMaxAttachmentMegabytes(BigDecimal maxAttachmentMegabytes) {
        this.maxAttachmentMegabytes = maxAttachmentMegabytes;
    }

    public Integer getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    public void setConnectTimeoutSeconds(Integer connectTimeoutSeconds) {
        this.connectTimeoutSeconds = connectTimeoutSeconds;
    }

    public Integer getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    public void setReadTimeoutSeconds(Integer readTimeoutSeconds) {
        this.readTimeoutSeconds = readTimeoutSeconds;
    }
}
