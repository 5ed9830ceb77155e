package io.iamscope.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The name of a stored graph: a SHA-256 digest of everything the graph depends on, each part framed by its label
 * and length so that no two different lists of parts give the same bytes. A key is built by a
 * {@link Builder} and never changes after.
 */
public final class StoreKey {
    private final byte[] digest;

    private StoreKey(byte[] digest) {
        this.digest = digest;
    }

    /** A key whose files are read whole to be digested. */
    public static Builder builder() {
        return new Builder(ContentDigest.READ);
    }

    /** A key whose files' digests {@code digests} gives (a store remembers them: {@link GraphStore#digests()}). */
    public static Builder builder(ContentDigest digests) {
        return new Builder(digests);
    }

    /** The SHA-256 digest of a file's content. */
    @FunctionalInterface
    public interface ContentDigest {
        /** Reads the file through. */
        ContentDigest READ = file -> {
            MessageDigest sha = sha256();
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            return sha.digest();
        };

        byte[] of(Path file) throws IOException;
    }

    /** The digest's 32 bytes (a copy). */
    public byte[] bytes() {
        return digest.clone();
    }

    /** The digest in lowercase hex: the entry's file name. */
    public String hex() {
        return HexFormat.of().formatHex(digest);
    }

    /** This key with one more part: the same inputs asked under another attacker context. */
    public StoreKey with(String label, String value) {
        return builder().text("base", hex()).text(label, value).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreKey k && MessageDigest.isEqual(digest, k.digest);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return hex();
    }

    /** Adds the parts of a key in order. Not thread-safe. */
    public static final class Builder {
        private final MessageDigest sha = sha256();
        private final ContentDigest digests;

        private Builder(ContentDigest digests) {
            this.digests = digests;
        }

        /** A text part: an option's value, a version, a file's name as the user wrote it. */
        public Builder text(String label, String value) {
            frame(label.getBytes(StandardCharsets.UTF_8));
            frame(value == null ? new byte[] {(byte) 0xFF} : value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /**
         * A file's name as given (reports quote it) and its content; a folder's every regular file below it, in
         * name order, each by its relative name and content.
         *
         * @throws UncheckedIOException when a file cannot be read
         */
        public Builder file(String label, Path path) {
            text(label, path.toString());
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                text("files", Integer.toString(files.size()));
                for (Path f : files) {
                    content(label + " " + path.relativize(f), f);
                }
            } else {
                content(label, path);
            }
            return this;
        }

        private void content(String label, Path file) {
            text("content of", label);
            try {
                frame(digests.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void frame(byte[] part) {
            int n = part.length;
            sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            sha.update(part);
        }

        public StoreKey build() {
            return new StoreKey(sha.digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
