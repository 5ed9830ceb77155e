package io.iamscope.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.iamscope.policy.SourceLocation;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a snapshot (any Jackson-serializable tree: a {@code JsonNode}, maps, records) as pretty JSON. A
 * snapshot maps who can do what, so it is written owner-only ({@code rw-------} where POSIX permissions
 * exist) and atomically: a temporary file in the same directory, renamed over the target with
 * {@code ATOMIC_MOVE}, so a reader never sees half a file.
 */
public final class SnapshotWriter {
    private SnapshotWriter() {
    }

    public static void write(Path target, Object snapshot) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        SourceLocation at = SourceLocation.of(target.toString());
        Path tmp = null;
        try {
            byte[] bytes = JsonInput.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            tmp = posix
                    ? Files.createTempFile(dir, "." + abs.getFileName(), ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (JsonProcessingException e) {
            throw new SnapshotException("SNAPSHOT_UNWRITABLE", "cannot serialize: " + e.getOriginalMessage(), at);
        } catch (IOException e) {
            throw new SnapshotException("SNAPSHOT_UNWRITABLE", "cannot write: " + e.getMessage(), at);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Best effort: the temporary file is owner-only and hidden.
                }
            }
        }
    }
}
