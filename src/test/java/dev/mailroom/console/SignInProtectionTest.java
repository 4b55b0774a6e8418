package dev.mailroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.mailroom.testing.Api;

/**
 * Failed sign-ins are logged, and too many in a row lock the account and the client address. Each test uses its own
 * account names and addresses, so that no lock reaches the accounts other tests in this Spring context sign in with.
 */
@ConsoleTest
@ExtendWith(OutputCaptureExtension.class)
class SignInProtectionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    AdminPages pages;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    private void createAccount(String username, String password) {
        assertThat(api.admin().post("/api/accounts", Map.of("username", username, "password", password, "role", "TECHNICIAN"))
                .status()).isEqualTo(201);
    }

    @Test
    void fiveWrongPasswordsOnTheFormAreLoggedAndLockTheAccountEvenForTheRightPassword(CapturedOutput output)
            throws Exception {
        createAccount("lock-form", "lock-form-password");
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn("lock-form", "wrong-" + i, "192.0.2.11"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        assertThat(output).contains("Failed sign-in for account 'lock-form' from 192.0.2.11");

        // the right password, even from another address
        String page = mvc.perform(signIn("lock-form", "lock-form-password", "192.0.2.12"))
                .andExpect(redirectedUrlPattern("/login?locked=*")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Too many failed sign-ins for this account; try again after ")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*try again after [0-9: -]+ \\(.+\\)\\..*")));

        // an admin lifts it
        mvc.perform(get("/api/accounts/sign-in-locks").with(httpBasic("admin", Api.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == 'lock-form')].kind").value("ACCOUNT"))
                .andExpect(jsonPath("$[?(@.key == '192.0.2.11')].kind").value("ADDRESS"));
        mvc.perform(delete("/api/accounts/sign-in-locks").param("account", "lock-form")
                        .with(httpBasic("admin", Api.ADMIN_PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/accounts/sign-in-locks").param("address", "192.0.2.11")
                        .with(httpBasic("admin", Api.ADMIN_PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(signIn("lock-form", "lock-form-password", "192.0.2.11"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void fiveWrongPasswordsOverTheApiLockTheAccountWithA429(CapturedOutput output) throws Exception {
        createAccount("lock-api", "lock-api-password");
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/accounts/me").with(httpBasic("lock-api", "wrong")).with(from("192.0.2.21")))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(output).contains("Failed sign-in for account 'lock-api' from 192.0.2.21");

        mvc.perform(get("/api/accounts/me").with(httpBasic("lock-api", "lock-api-password")).with(from("192.0.2.22")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("[0-9]+")))
                .andExpect(jsonPath("$.title").value("Too many failed sign-ins"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("try again after")));

        // unknown locks are a 404; a technician may not lift locks
        api.technician();
        mvc.perform(delete("/api/accounts/sign-in-locks").param("account", "nobody-locked")
                .with(httpBasic("admin", Api.ADMIN_PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/accounts/sign-in-locks").param("account", "lock-api")
                .with(httpBasic(Api.TECHNICIAN, Api.TECHNICIAN_PASSWORD))).andExpect(status().isForbidden());

        mvc.perform(delete("/api/accounts/sign-in-locks").param("account", "lock-api")
                .with(httpBasic("admin", Api.ADMIN_PASSWORD))).andExpect(status().isNoContent());
        mvc.perform(get("/api/accounts/me").with(httpBasic("lock-api", "lock-api-password")).with(from("192.0.2.22")))
                .andExpect(status().isOk());
    }

    @Test
    void theLogFileIsWrittenUnderTheDataDirectoryAndTheSystemLogShowsItsWarnings() throws Exception {
        mvc.perform(get("/api/accounts/me").with(httpBasic("system-log-probe", "wrong")).with(from("192.0.2.41")))
                .andExpect(status().isUnauthorized());

        Path file = Path.of("target/test-data/logs/mailroom.log").toAbsolutePath();
        assertThat(Files.readString(file)).contains("Failed sign-in for account 'system-log-probe' from 192.0.2.41");
        var page = pages.get("/admin/system-log");
        assertThat(page.select("#log-file").text()).isEqualTo(file.normalize().toString());
        var entries = page.select("#log-entries .log-entry");
        assertThat(entries.eachText()).anySatisfy(text -> assertThat(text)
                .contains("WARN").contains("Failed sign-in for account 'system-log-probe' from 192.0.2.41"));
        // with its zone offset
        assertThat(entries.first().selectFirst("td").text()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:\\d\\d)");
    }

    @Test
    void failuresFromOneAddressLockItForEveryAccount() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/accounts/me").with(httpBasic("guess-" + i, "wrong")).with(from("192.0.2.31")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/accounts/me").with(httpBasic("admin", Api.ADMIN_PASSWORD)).with(from("192.0.2.31")))
                .andExpect(status().isTooManyRequests());

        // Admin › User Management › Sign-in Locks shows the lock and lifts it
        var page = pages.get("/admin/sign-in-locks");
        assertThat(page.select("#locks .lock-key").eachText()).contains("192.0.2.31");
        assertThat(page.select("a[href='/admin/sign-in-locks']").hasClass("active")).isTrue();
        mvc.perform(post("/admin/sign-in-locks/unlock").param("kind", "ADDRESS").param("key", "192.0.2.31")
                        .with(csrf()).with(AdminPages.ADMIN))
                .andExpect(redirectedUrl("/admin/sign-in-locks"));
        assertThat(pages.get("/admin/sign-in-locks").select("#locks .lock-key").eachText()).doesNotContain("192.0.2.31");
        mvc.perform(get("/api/accounts/me").with(httpBasic("admin", Api.ADMIN_PASSWORD)).with(from("192.0.2.31")))
                .andExpect(status().isOk());
    }
}
