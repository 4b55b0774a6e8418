/**
 * The content-addressed blob store for raw emails and attachment bytes: the key is the content's SHA-256, files on disk
 * by default, blobs staged and then published in batches, and a full disk reported as such. {@code BlobCollector}
 * deletes released blobs that no {@code BlobOwner} (the audit, the inbound spool) still references. A kernel: imports
 * only {@code platform}, never a feature.
 */
package dev.mailroom.storage;
