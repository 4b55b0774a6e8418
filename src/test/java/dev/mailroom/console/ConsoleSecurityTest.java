package dev.mailroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mailroom.testing.Api;

/** Signing in and out, who may open what, and CSRF on every form the console posts. */
@ConsoleTest
class ConsoleSecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        for (String page : new String[] {"/", "/admin/email-audit", "/admin/email-audit/1", "/admin/incoming-email-servers",
                "/admin/outgoing-email-servers", "/admin/email-preference", "/admin/incoming-email-rules",
                "/admin/incoming-email-rules/new", "/admin/email-audit/quarantine", "/admin/users", "/tickets",
                "/tickets/INC-1"}) {
            // as a browser asks: for a page (the pages chain keeps HTTP basic for scripts, which get a 401 instead)
            mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                    .andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("Sign in")));
    }

    @Test
    void theFirstAdminSignsInWithTheFormAndLandsOnTheEmailAudit() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password(Api.ADMIN_PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        mvc.perform(get("/").with(user("admin").roles("ADMIN")))
                .andExpect(redirectedUrl("/admin/email-audit"));
        mvc.perform(formLogin("/login").user("admin").password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aTechnicianStartsAtTicketsAndCannotOpenAdminScreens() throws Exception {
        api.technician();
        mvc.perform(formLogin("/login").user(Api.TECHNICIAN).password(Api.TECHNICIAN_PASSWORD))
                .andExpect(status().isFound());
        var technician = user(Api.TECHNICIAN).roles("TECHNICIAN");
        mvc.perform(get("/").with(technician)).andExpect(redirectedUrl("/tickets"));
        mvc.perform(get("/admin/email-audit").with(technician)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/incoming-email-servers").with(technician)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/incoming-email-servers/new").with(technician)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/outgoing-email-servers").with(technician)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(technician)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/incoming-email-servers").with(technician).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/email-audit/1/preview").with(technician).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        var admin = user("admin").roles("ADMIN");
        mvc.perform(post("/admin/email-audit/1/preview").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/email-audit/1/reprocess").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/incoming-email-servers/1/test").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/incoming-email-servers").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/incoming-email-servers/1").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/outgoing-email-servers/1/test").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/1/restore").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/tickets/INC-1/replies").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/tickets/INC-1/status").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "admin").param("password", Api.ADMIN_PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void thePagesChainStillLeavesTheApiToBasicAuthentication() {
        assertThat(api.admin().get("/api/audit").status()).isEqualTo(200);
        assertThat(api.technician().get("/api/audit").status()).isEqualTo(403);
    }
}
