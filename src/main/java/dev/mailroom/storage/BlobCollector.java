package dev.mailroom.storage;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Deletes blobs that a purge released, unless some feature still references them. */
@Component
public class BlobCollector {

    private static final Logger log = LoggerFactory.getLogger(BlobCollector.class);

    private final BlobStore store;
    private final List<BlobOwner> owners;

    BlobCollector(BlobStore store, List<BlobOwner> owners) {
        this.store = store;
        this.owners = owners;
    }

    /** Returns how many of the released blobs were deleted. */
    public int collect(Collection<String> releasedKeys) {
        int deleted = 0;
        for (String key : releasedKeys) {
            if (owners.stream().noneMatch(owner -> owner.references(key))) {
                try {
                    if (store.delete(key)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    log.warn("Could not delete unreferenced blob {}: {}", key, e.getMessage());
                }
            }
        }
        return deleted;
    }
}
