package dev.mailroom.console.oauth;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import dev.mailroom.oauth.GrantType;
import dev.mailroom.oauth.OAuthPreset;
import dev.mailroom.oauth.OAuthRequest;
import dev.mailroom.oauth.OAuthView;

/** The OAuth 2.0 form of a server: the fields of {@code PUT …/oauth}; the Client Secret is never shown. */
public class OAuthForm {

    private OAuthPreset provider = OAuthPreset.CUSTOM;
    private String tenant;
    private GrantType grantType = GrantType.AUTHORIZATION_CODE;
    private String clientId;
    private String clientSecret;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate clientSecretExpiresOn;
    private String authorizationUrl;
    private String tokenUrl;
    private String scope;
    private String redirectUrl;

    /** A new configuration for a server of this provider (the console's provider preset names it). */
    static OAuthForm forProvider(OAuthPreset provider) {
        OAuthForm form = new OAuthForm();
        form.provider = provider;
        return form;
    }

    static OAuthForm of(OAuthView view) {
        OAuthForm form = new OAuthForm();
        form.provider = view.settings().provider();
        form.grantType = view.settings().grantType();
        form.clientId = view.settings().clientId();
        form.clientSecretExpiresOn = view.settings().clientSecretExpiresOn();
        form.authorizationUrl = view.settings().authorizationUrl();
        form.tokenUrl = view.settings().tokenUrl();
        form.scope = view.settings().scope();
        form.redirectUrl = view.settings().redirectUrl();
        return form;
    }

    OAuthRequest toRequest() {
        return new OAuthRequest(provider, tenant, grantType, clientId, clientSecret, clientSecretExpiresOn,
                authorizationUrl, tokenUrl, scope, redirectUrl);
    }

    public OAuthPreset getProvider() {
        return provider;
    }

    public void setProvider(OAuthPreset provider) {
        this.provider = provider;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public GrantType getGrantType() {
        return grantType;
    }

    public void setGrantType(GrantType grantType) {
        this.grantType = grantType;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public LocalDate getClientSecretExpiresOn() {
        return clientSecretExpiresOn;
    }

    public void setClientSecretExpiresOn(LocalDate clientSecretExpiresOn) {
        this.clientSecretExpiresOn = clientSecretExpiresOn;
    }

    public String getAuthorizationUrl() {
        return authorizationUrl;
    }

    public void setAuthorizationUrl(String authorizationUrl) {
        this.authorizationUrl = authorizationUrl;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getRedirectUrl() {
        return redirectUrl;
    }

    public void setRedirectUrl(String redirectUrl) {
        this.redirectUrl = redirectUrl;
    }
}
