package dev.mailroom.audit;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import dev.mailroom.storage.BlobStore;
import dev.mailroom.web.NotFoundException;

/** The raw email an audit entry is about, as a download ({@code audit-<id>.eml}), streamed from the blob store. */
@Component
public class RawEmailDownload {

    private final AuditLog audit;
    private final BlobStore blobs;

    RawEmailDownload(AuditLog audit, BlobStore blobs) {
        this.audit = audit;
        this.blobs = blobs;
    }

    public ResponseEntity<InputStreamResource> of(long entryId) throws IOException {
        AuditEntry entry = audit.find(entryId).orElseThrow(() -> new NotFoundException("Audit entry", entryId));
        String key = audit.rawBlobKey(entryId).orElseThrow(() -> new NotFoundException("Raw email of audit entry", entryId));
        InputStream content = blobs.open(key).orElseThrow(() -> new NotFoundException("Raw email of audit entry", entryId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("audit-" + entry.id() + ".eml").build().toString())
                .body(new InputStreamResource(content));
    }
}
