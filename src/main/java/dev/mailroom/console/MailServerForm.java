package dev.mailroom.console;

import java.util.Arrays;
import java.util.List;

import dev.mailroom.transport.MailSecurity;

/**
 * What the Incoming and Outgoing Email Server forms both ask: the provider preset, name, where the server is, how to
 * sign in to it, whether to trust a self-signed certificate, enabled, and the filter's addresses and domains (typed one
 * per line or separated by commas). The password is write-only.
 */
public abstract class MailServerForm {

    private MailProviderPreset preset = MailProviderPreset.CUSTOM;
    private String name;
    private String host;
    private Integer port;
    private MailSecurity security;
    private String username;
    private String password;
    private boolean trustSelfSignedCertificate;
    private boolean enabled = true;
    private String filterEntries;

    protected MailServerForm(Integer port, MailSecurity security) {
        this.port = port;
        this.security = security;
    }

    /** The password as typed, for the request; empty or null keeps the stored one on edit. */
    protected String typedPassword() {
        return password;
    }

    /** A list box's values: one per line, or separated by commas, semicolons or spaces. */
    protected static List<String> list(String text) {
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

    public boolean isTrustSelfSignedCertificate() {
        return trustSelfSignedCertificate;
    }

    public void setTrustSelfSignedCertificate(boolean trustSelfSignedCertificate) {
        this.trustSelfSignedCertificate = trustSelfSignedCertificate;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getFilterEntries() {
        return filterEntries;
    }

    public void setFilterEntries(String filterEntries) {
        this.filterEntries = filterEntries;
    }
}
