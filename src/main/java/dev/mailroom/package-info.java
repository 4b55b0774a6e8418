/**
 * The application class: {@code MailroomApplication} starts Spring Boot, which finds the components and
 * {@code @ConfigurationProperties} records of every subpackage. An edge: it imports no Mailroom package, and no package
 * may import it.
 */
package dev.mailroom;
