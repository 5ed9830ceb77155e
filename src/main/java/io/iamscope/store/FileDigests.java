package io.iamscope.store;

import io.iamscope.model.io.AtomicFile;
import io.iamscope.model.io.SnapshotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 digests of input files, each remembered beside the store with the file's identity (device, inode, size,
 * modification and change times) so that a warm run does not read a large snapshot a second time to name its graph
 * (37 MB: 0.6 s of CPU with the launcher's C1-only JIT, which has no SHA-256 intrinsic; docs/performance.md). A
 * remembered digest is used only for the very same identity, and is remembered only for a file untouched for
 * {@link #SETTLED} before it was read: a file written again later gets a later change time, however coarse the
 * file system's clock (the rule git uses against "racily clean" files). Where the file system gives no inode or
 * change time, nothing is remembered and every file is read.
 */
final class FileDigests implements StoreKey.ContentDigest {
    /** Longer than any file system's timestamp granularity (FAT's is two seconds). */
    static final long SETTLED = 3_000_000_000L;

    private final Path dir;
    private final long settled;

    FileDigests(Path dir) {
        this(dir, SETTLED);
    }

    /** @param settled how long (ns) a file must have been untouched when read for its digest to be remembered */
    FileDigests(Path dir, long settled) {
        this.dir = dir;
        this.settled = settled;
    }

    @Override
    public byte[] of(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        String before = identity(abs);
        Path memo = before == null ? null : dir.resolve(HexFormat.of().formatHex(sha256(abs.toString()
                .getBytes(StandardCharsets.UTF_8))));
        if (memo != null) {
            byte[] remembered = remembered(memo, abs, before);
            if (remembered != null) {
                return remembered;
            }
        }
        // Not currentTimeMillis: cut to the millisecond, it can be earlier than the file's change time (a file system's
        // clock is coarse but not later than now), and a file just written would never seem settled.
        java.time.Instant now = java.time.Instant.now();
        long readAt = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        byte[] digest = StoreKey.ContentDigest.READ.of(abs);
        if (memo != null && before.equals(identity(abs)) && settled(before, readAt, settled)) {
            remember(memo, abs, before, digest);
        }
        return digest;
    }

    /** {@code dev ino size mtime ctime} (times in nanoseconds), or null where the file system has no such thing. */
    static String identity(Path file) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
        return a.get("dev") + " " + a.get("ino") + " " + a.get("size") + " " + nanos(a.get("lastModifiedTime")) + " "
                + nanos(a.get("ctime"));
    }

    private static long nanos(Object time) {
        FileTime t = (FileTime) time;
        return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static boolean settled(String identity, long readAtNanos, long settled) {
        String[] parts = identity.split(" ");
        long changed = Math.max(Long.parseLong(parts[3]), Long.parseLong(parts[4]));
        return readAtNanos - changed >= settled;
    }

    /** The digest remembered for the file with this identity, or null. */
    private static byte[] remembered(Path memo, Path abs, String identity) {
        try {
            List<String> lines = Files.readAllLines(memo, StandardCharsets.UTF_8);
            if (lines.size() == 4 && lines.get(0).equals("iamscope file digest 1") && lines.get(1).equals(abs.toString())
                    && lines.get(2).equals(identity) && lines.get(3).length() == 64) {
                return HexFormat.of().parseHex(lines.get(3));
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            // Unreadable or damaged: the file is read and the digest remembered again.
        }
        return null;
    }

    private void remember(Path memo, Path abs, String identity, byte[] digest) {
        try {
            GraphStore.ownerOnlyFolder(dir);
            String text = "iamscope file digest 1\n" + abs + "\n" + identity + "\n" + HexFormat.of().formatHex(digest)
                    + "\n";
            AtomicFile.write(memo, true, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | SnapshotException | SecurityException e) {
            // Only a shortcut: the next run reads the file again.
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
