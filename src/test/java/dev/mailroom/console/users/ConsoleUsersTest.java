package dev.mailroom.console.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.testing.ImapGreenMail;
import dev.mailroom.users.DeskUser;
import dev.mailroom.users.NewUser;
import dev.mailroom.users.UserKind;
import dev.mailroom.users.UserService;
import dev.mailroom.users.UserStatus;

/** Admin › User Management › Users: search, and the FAQ's "restore or reactivate the sender's user account". */
@ConsoleTest
class ConsoleUsersTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback();

    @Autowired
    MockMvc mvc;
    @Autowired
    AdminPages pages;
    @Autowired
    UserService users;
    @Autowired
    IntakeHarness intake;

    @Test
    void anAdminAddsAUserAndEditsTheirNameKindEmailAndStatus() throws Exception {
        String tag = Long.toString(System.nanoTime());
        String email = "cy." + tag + "@customer.test";
        Document blank = pages.get("/admin/users/new");
        assertThat(blank.select("#user-form input[name=_csrf]")).hasSize(1);
        assertThat(blank.select("#user-form select[name=status] option[selected]").text()).isEqualTo("ACTIVE");

        mvc.perform(post("/admin/users").with(AdminPages.ADMIN).with(csrf()).param("email", " " + email + " ")
                        .param("name", "Cy").param("kind", "TECHNICIAN").param("status", "ACTIVE"))
                .andExpect(redirectedUrl("/admin/users?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                .andExpect(flash().attribute("done", "User " + email + " added"));
        DeskUser cy = users.list(new dev.mailroom.users.UserFilter(email, null, null, null), dev.mailroom.web.PageRequest.of(0, null))
                .items().get(0);
        assertThat(cy).extracting(DeskUser::name, DeskUser::kind, DeskUser::status, DeskUser::guest)
                .containsExactly("Cy", UserKind.TECHNICIAN, UserStatus.ACTIVE, false);

        Document list = pages.get("/admin/users?q=" + email);
        Document edit = pages.get(list.select("#user-" + cy.id() + " a.edit").attr("href"));
        assertThat(edit.select("#user-form input[name=email]").val()).isEqualTo(email);
        assertThat(edit.select("#user-form select[name=kind] option[selected]").text()).isEqualTo("Technician");

        String renamed = "cy.lee." + tag + "@customer.test";
        mvc.perform(post("/admin/users/" + cy.id()).with(AdminPages.ADMIN).with(csrf()).param("email", renamed)
                        .param("name", "").param("kind", "REQUESTER").param("status", "ARCHIVED"))
                .andExpect(flash().attribute("done", "User " + renamed + " saved"));
        assertThat(users.get(cy.id())).extracting(DeskUser::email, DeskUser::name, DeskUser::kind, DeskUser::status)
                .containsExactly(renamed, null, UserKind.REQUESTER, UserStatus.ARCHIVED);
    }

    @Test
    void theFormShowsTheApisRefusalsAtTheirFieldsAndChangesNothing() throws Exception {
        String tag = Long.toString(System.nanoTime());
        DeskUser taken = users.create(new NewUser("taken." + tag + "@customer.test", null, UserKind.REQUESTER));
        DeskUser dee = users.create(new NewUser("dee." + tag + "@customer.test", "Dee", UserKind.REQUESTER));
        users.delete(dee.id());

        Document wrong = pages.postForm("/admin/users", "email", "not an address", "name", "X", "kind", "REQUESTER",
                "status", "ACTIVE");
        assertThat(wrong.select("#user-form input[name=email] ~ .field-error").text()).isNotBlank();
        assertThat(wrong.select("#user-form input[name=email]").hasClass("invalid")).isTrue();

        Document duplicate = pages.postForm("/admin/users/" + dee.id(), "email", taken.email().toUpperCase(), "name",
                "Dee Renamed", "kind", "REQUESTER", "status", "DELETED");
        assertThat(duplicate.select("#user-form input[name=email] ~ .field-error").text())
                .isEqualTo("A user with email " + taken.email().toUpperCase() + " already exists");

        Document refused = pages.postForm("/admin/users/" + dee.id(), "email", dee.email(), "name", "Dee Renamed",
                "kind", "REQUESTER", "status", "ARCHIVED");
        assertThat(refused.select("#user-form select[name=status] ~ .field-error").text())
                .isEqualTo("User " + dee.email() + " is deleted; restore it before archiving");
        assertThat(users.get(dee.id())).as("a refused status change leaves the rest unchanged too")
                .extracting(DeskUser::name, DeskUser::status).containsExactly("Dee", UserStatus.DELETED);
        mvc.perform(post("/admin/users").with(AdminPages.ADMIN).param("email", "x." + tag + "@customer.test"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminFindsUsersByEmailOrNameAndStatus() throws Exception {
        String tag = Long.toString(System.nanoTime());
        DeskUser ann = users.create(new NewUser("ann." + tag + "@customer.test", "Ann <b>Lee</b>", UserKind.REQUESTER));
        DeskUser bo = users.create(new NewUser("bo." + tag + "@customer.test", "Bo Parker-" + tag, UserKind.TECHNICIAN));
        users.archive(bo.id());

        Document byEmail = pages.get("/admin/users?q=ANN." + tag);
        assertThat(byEmail.select("#users tbody tr").eachText()).singleElement().asString()
                .contains(ann.email(), "Ann <b>Lee</b>", "REQUESTER", "ACTIVE");
        assertThat(byEmail.select("#users b")).as("a name is text").isEmpty();
        assertThat(byEmail.select("nav.sidebar a.active").text()).isEqualTo("Users");
        assertThat(byEmail.select("nav.paging span").text()).as("one is singular").isEqualTo("Page 1 of 1 · 1 user");

        Document byName = pages.get("/admin/users?q=PARKER-" + tag);
        assertThat(byName.select("#users tbody tr").eachText()).singleElement().asString().contains(bo.email(), "ARCHIVED");
        assertThat(byName.select("#user-" + bo.id() + " a[class^=action-]").eachText()).containsExactly("Delete", "Restore");

        Document archived = pages.get("/admin/users?q=" + tag + "&status=ARCHIVED");
        assertThat(archived.select("#users tbody tr")).hasSize(1);
        assertThat(archived.select("select[name=status] option[selected]").text()).isEqualTo("ARCHIVED");
        assertThat(pages.get("/admin/users?q=nobody-" + tag).select("p.muted").text()).isEqualTo("No users match.");
    }

    @Test
    void archiveDeleteAndRestoreAreConfirmedThenChangeTheUsersStatus() throws Exception {
        String tag = Long.toString(System.nanoTime());
        DeskUser user = users.create(new NewUser("cy+" + tag + "@customer.test", "Cy", UserKind.REQUESTER));

        Document confirm = pages.get("/admin/users/" + user.id() + "/archive");
        assertThat(confirm.select("h1").text()).isEqualTo("Archive " + user.email() + "?");
        assertThat(confirm.select("#consequence").text()).contains("From Email user is Archived/Deleted");
        assertThat(confirm.select("#confirm-form").attr("action")).isEqualTo("/admin/users/" + user.id() + "/archive");
        assertThat(confirm.select("#confirm-form input[name=_csrf]")).hasSize(1);
        assertThat(users.get(user.id()).status()).as("opening the confirmation changes nothing").isEqualTo(UserStatus.ACTIVE);

        act(user, "archive", UserStatus.ARCHIVED, "archived");
        act(user, "delete", UserStatus.DELETED, "deleted");
        act(user, "restore", UserStatus.ACTIVE, "restored");

        Document list = pages.get("/admin/users?q=" + tag);
        assertThat(list.select("#user-" + user.id()).text()).contains(user.email(), "ACTIVE");
    }

    @Test
    void anArchivedSendersIgnoredEmailLeadsToTheUserToRestore() throws Exception {
        String email = "fay." + System.nanoTime() + "@customer.test";
        DeskUser user = users.create(new NewUser(email, "Fay", UserKind.REQUESTER));
        users.archive(user.id());
        var ignored = intake.receive(intake.desk(greenMail), """
                From: Fay <EMAIL>
                To: %DESK%
                Subject: Still locked out
                Message-ID: <locked-EMAIL>

                Please help.
                """.replace("EMAIL", email));
        assertThat(ignored.get("message").asString()).isEqualTo("From Email user is Archived/Deleted");

        String link = pages.get("/admin/email-audit/" + ignored.get("id").asLong()).select("a#restore-sender").attr("href");
        assertThat(link).isEqualTo("/admin/users?q=" + email);
        assertThat(pages.get(link).select("#user-" + user.id() + " a.action-restore").attr("href"))
                .isEqualTo("/admin/users/" + user.id() + "/restore");
    }

    @Test
    void techniciansAreRefusedAndEveryPostNeedsTheCsrfToken() throws Exception {
        DeskUser user = users.create(new NewUser("dee." + System.nanoTime() + "@customer.test", null, UserKind.REQUESTER));
        var technician = user("tech").roles("TECHNICIAN");
        mvc.perform(get("/admin/users").with(technician)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users/" + user.id() + "/archive").with(technician)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + user.id() + "/delete").with(technician).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + user.id() + "/archive").with(AdminPages.ADMIN)).andExpect(status().isForbidden());
        assertThat(users.get(user.id()).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void unknownUsersAndRefusedMovesAreAnsweredInWords() throws Exception {
        mvc.perform(get("/admin/users/999999999/restore").with(AdminPages.ADMIN)).andExpect(status().isNotFound());
        DeskUser user = users.create(new NewUser("eve." + System.nanoTime() + "@customer.test", null, UserKind.REQUESTER));
        users.delete(user.id());
        var refused = mvc.perform(post("/admin/users/" + user.id() + "/archive").with(AdminPages.ADMIN).with(csrf()))
                .andExpect(status().isConflict()).andReturn();
        assertThat(refused.getResponse().getContentAsString()).contains("is deleted; restore it before archiving");
    }

    private void act(DeskUser user, String action, UserStatus expected, String done) throws Exception {
        String encoded = URLEncoder.encode(user.email(), StandardCharsets.UTF_8);
        mvc.perform(post("/admin/users/" + user.id() + "/" + action).with(AdminPages.ADMIN).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/users?q=" + encoded))
                .andExpect(flash().attribute("done", "User " + user.email() + " " + done));
        assertThat(users.get(user.id()).status()).isEqualTo(expected);
    }
}
