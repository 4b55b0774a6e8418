package dev.mailroom.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start (no account yet) creates the account {@code admin} with the configured password,
 * or with a generated one that is printed to the log this once.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final FirstAdminProperties properties;

    FirstAdmin(AccountRepository accounts, PasswordEncoder passwordEncoder, FirstAdminProperties properties) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            log.info("Sign in with an existing account (the first admin is '{}')", USERNAME);
            return;
        }
        String password = properties.password();
        if (password == null || password.isBlank()) {
            password = generatePassword();
            log.warn("Created the first admin account '{}' with the generated password: {}  "
                    + "(shown only this once; set MAILROOM_ADMIN_PASSWORD to choose it instead)", USERNAME, password);
        } else {
            log.info("Created the first admin account '{}' with the configured password", USERNAME);
        }
        accounts.insert(USERNAME, passwordEncoder.encode(password), Role.ADMIN, true);
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
