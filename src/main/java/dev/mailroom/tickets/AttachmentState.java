package dev.mailroom.tickets;

/** STORED: the bytes are in the blob store. PENDING: a large attachment still being processed. FAILED: it never will be. */
public enum AttachmentState {
    STORED, PENDING, FAILED
}
