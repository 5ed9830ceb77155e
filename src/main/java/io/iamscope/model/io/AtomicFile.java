package io.iamscope.model.io;

import io.iamscope.policy.SourceLocation;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way iamscope writes a file: into a new temporary file beside the target, forced to disk, then renamed
 * over the target atomically. A reader never sees half a file; Ctrl-C or a full disk leave the old file as it
 * was; two runs writing one file leave one whole file (the last rename), never a mix; and a symbolic link at the
 * target is replaced, never followed (rename(2) acts on the link itself). Owner-only ({@code rw-------}) where
 * asked and POSIX permissions exist: snapshots and reports map who can do what.
 */
public final class AtomicFile {
    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code content} to {@code target}.
     *
     * @throws SnapshotException {@code FILE_UNWRITABLE} when it cannot: the target's folder is missing or not
     *                           writable, the disk is full; the target is then as it was
     */
    public static void write(Path target, boolean ownerOnly, Content content) {
        Path abs = target.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = temporary(abs, ownerOnly);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new SnapshotException("FILE_UNWRITABLE", "cannot write: " + e.getMessage(),
                    SourceLocation.of(target.toString()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Best effort: the temporary file is hidden, owner-only when the target is to be.
                }
            }
        }
    }

    /**
     * Checks, before any long work, that {@code target} can be written: its folder exists and a file can be
     * created in it (one is, and deleted at once); the target is not a folder.
     */
    public static void checkWritable(Path target) {
        Path abs = target.toAbsolutePath();
        SourceLocation at = SourceLocation.of(target.toString());
        if (Files.isDirectory(abs)) {
            throw new SnapshotException("FILE_UNWRITABLE", "is a folder, not a file", at);
        }
        try {
            Files.deleteIfExists(temporary(abs, true));
        } catch (IOException e) {
            throw new SnapshotException("FILE_UNWRITABLE", "cannot write: " + e.getMessage(), at);
        }
    }

    private static Path temporary(Path abs, boolean ownerOnly) throws IOException {
        Path dir = abs.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return ownerOnly && posix
                ? Files.createTempFile(dir, "." + abs.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    }
}
