package dev.mailroom.incoming.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import dev.mailroom.transport.OAuthSignInException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.StoreClosedException;

import dev.mailroom.storage.BlobStoreFullException;

/**
 * Why a poll failed, in the words the audit shows: the step that failed and what the server or the network said.
 * Identical failures in a row share one audit entry, so the text must not vary between them (no timestamps).
 */
record FetchFailure(String step, String detail) {

    static final String STORE_STEP = "store";

    String message() {
        return capitalize(step) + " failed: " + detail;
    }

    static FetchFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            FetchFailure known = classify(cause);
            if (known != null) {
                return known;
            }
        }
        return new FetchFailure("fetch", describe(failure));
    }

    private static FetchFailure classify(Throwable cause) {
        if (cause instanceof UnknownHostException e) {
            return new FetchFailure("DNS lookup", "unknown host " + e.getMessage() + "; check the host name");
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new FetchFailure("connect", describe(cause)
                    + "; check the port and security type, that the server is up, and that no firewall blocks it");
        }
        if (cause instanceof SocketTimeoutException) {
            return new FetchFailure("connect", "the server did not answer in time (" + describe(cause) + ")");
        }
        if (cause instanceof SSLException) {
            return new FetchFailure("TLS", describe(cause)
                    + "; check the security type for this port and that the server's certificate is trusted");
        }
        if (cause instanceof OAuthSignInException) {
            return new FetchFailure("OAuth sign-in", describe(cause));
        }
        if (cause instanceof AuthenticationFailedException) {
            return new FetchFailure("login", describe(cause)
                    + "; check the username and password (Gmail and Microsoft 365 need an App Password or OAuth 2.0)");
        }
        if (cause instanceof FolderNotFoundException) {
            return new FetchFailure("open folder", describe(cause));
        }
        if (cause instanceof FolderClosedException || cause instanceof StoreClosedException) {
            return new FetchFailure("fetch", "the server closed the connection (" + describe(cause) + ")");
        }
        if (cause instanceof BlobWriteException && cause.getCause() instanceof BlobStoreFullException full) {
            return new FetchFailure(STORE_STEP, full.getMessage() + "; fetching is paused and resumes by itself once"
                    + " there is space again; nothing was marked processed on the server");
        }
        if (cause instanceof BlobWriteException) {
            return new FetchFailure(STORE_STEP, "could not write the raw email to the blob store: " + describe(cause.getCause())
                    + "; nothing was marked processed on the server");
        }
        return null;
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown error";
        }
        String message = failure.getMessage();
        String name = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : message.strip();
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Marks an I/O failure of our own storage, as opposed to one of the connection to the mail server. */
    static final class BlobWriteException extends IOException {
        BlobWriteException(IOException cause) {
            super(cause);
        }
    }
}
