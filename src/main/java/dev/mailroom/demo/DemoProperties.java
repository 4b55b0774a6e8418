package dev.mailroom.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Ports of the demo's embedded mail server ({@code mailroom.demo.*}), on 127.0.0.1 only. */
@ConfigurationProperties("mailroom.demo")
record DemoProperties(Integer imapPort, Integer smtpPort) {

    DemoProperties {
        imapPort = imapPort == null ? 3143 : imapPort;
        smtpPort = smtpPort == null ? 3025 : smtpPort;
    }
}
