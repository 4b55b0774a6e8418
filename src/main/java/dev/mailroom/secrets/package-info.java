/**
 * Stored secrets: AES-256-GCM encryption of mail server passwords and OAuth 2.0 client secrets and tokens, the key from
 * {@code mailroom.secrets.key} or the data directory's key file, keys derived from it for other uses (signed
 * Message-IDs), and the rules for a stored password (sent only to the host it was entered for, entered again when it no
 * longer decrypts). A kernel: imports only the base ({@code platform}, {@code web}), never a feature.
 */
package dev.mailroom.secrets;
