package dev.mailroom.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesContentUnderItsSha256() throws Exception {
        var store = new FileSystemBlobStore(root);

        BlobRef ref = store.put(stream("hello"));

        assertThat(ref.key()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(ref.size()).isEqualTo(5);
        assertThat(Files.exists(root.resolve("2c/f2/" + ref.key()))).isTrue();
        try (InputStream in = store.open(ref.key()).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void sameContentIsKeptOnceAndNoTemporaryFilesRemain() throws Exception {
        var store = new FileSystemBlobStore(root);

        BlobRef first = store.put(stream("raw email"));
        BlobRef second = store.put(stream("raw email"));

        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(storedPath(first));
        }
    }

    @Test
    void stagedBlobsAreReadableAtOnceButStoredOnlyWhenPublished() throws Exception {
        var store = new FileSystemBlobStore(root);
        List<StagedBlob> staged = IntStream.range(0, 50).mapToObj(i -> stage(store, "email " + i)).toList();

        try (InputStream in = staged.get(7).open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("email 7");
        }
        assertThat(staged).noneMatch(blob -> store.exists(blob.ref().key()));

        store.publish(staged);

        assertThat(staged).allMatch(blob -> store.exists(blob.ref().key()));
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .containsExactlyInAnyOrderElementsOf(staged.stream().map(blob -> storedPath(blob.ref())).toList());
        }
    }

    @Test
    void discardedStagedBlobsLeaveNothingAndPublishedOnesStay() throws Exception {
        var store = new FileSystemBlobStore(root);
        StagedBlob published = stage(store, "kept");
        store.publish(List.of(published));
        StagedBlob dropped = stage(store, "dropped");

        store.discard(List.of(published, dropped));

        assertThat(store.exists(published.ref().key())).isTrue();
        assertThat(store.exists(dropped.ref().key())).isFalse();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(storedPath(published.ref()));
        }
    }

    private static StagedBlob stage(BlobStore store, String content) {
        try {
            return store.stage(stream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void contentOverTheLimitIsNotKeptAndIsReadJustPastTheLimit() throws Exception {
        var store = new FileSystemBlobStore(root);
        InputStream content = stream("0123456789");

        assertThat(store.putAtMost(content, 4)).isEmpty();

        assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("56789");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
        assertThat(store.putAtMost(stream("0123"), 4).orElseThrow().size()).isEqualTo(4);
    }

    @Test
    void largeContentStreamsThrough() throws Exception {
        var store = new FileSystemBlobStore(root);
        byte[] content = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(content);

        BlobRef ref = store.put(new ByteArrayInputStream(content));

        assertThat(ref.size()).isEqualTo(content.length);
        try (InputStream in = store.open(ref.key()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void concurrentWritersOfTheSameContentAgree() throws Exception {
        var store = new FileSystemBlobStore(root);
        byte[] content = "the same attachment".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        Callable<BlobRef> write = () -> store.put(new ByteArrayInputStream(content));

        Set<BlobRef> refs = new HashSet<>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (var future : pool.invokeAll(IntStream.range(0, 32).mapToObj(i -> write).toList())) {
                refs.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(refs).hasSize(1);
        try (InputStream in = store.open(refs.iterator().next().key()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void unknownOrMalformedKeysAreAbsentNotErrors() throws Exception {
        var store = new FileSystemBlobStore(root);
        String missing = "0".repeat(64);

        assertThat(store.open(missing)).isEmpty();
        assertThat(store.exists(missing)).isFalse();
        assertThat(store.open("../../etc/passwd")).isEmpty();
        assertThat(store.delete("../x")).isFalse();
        assertThatThrownBy(() -> new BlobRef("../x", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteRemovesTheBlob() throws Exception {
        var store = new FileSystemBlobStore(root);
        BlobRef ref = store.put(stream("to be purged"));

        assertThat(store.delete(ref.key())).isTrue();
        assertThat(store.exists(ref.key())).isFalse();
        assertThat(store.delete(ref.key())).isFalse();
    }

    private Path storedPath(BlobRef ref) {
        return root.resolve(ref.key().substring(0, 2)).resolve(ref.key().substring(2, 4)).resolve(ref.key());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
