package io.iamscope.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.iamscope.policy.SourceLocation;
import java.nio.file.Path;

/**
 * Writes a snapshot (any Jackson-serializable tree: a {@code JsonNode}, maps, records) as JSON. A snapshot maps
 * who can do what, so it is written owner-only and atomically ({@link AtomicFile}).
 */
public final class SnapshotWriter {
    private SnapshotWriter() {
    }

    public static void write(Path target, Object snapshot) {
        write(target, snapshot, true);
    }

    /** The same, pretty or compact (a generated benchmark snapshot: a third smaller). */
    public static void write(Path target, Object snapshot, boolean pretty) {
        SourceLocation at = SourceLocation.of(target.toString());
        byte[] bytes;
        try {
            bytes = pretty ? JsonInput.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot)
                    : JsonInput.MAPPER.writeValueAsBytes(snapshot);
        } catch (JsonProcessingException e) {
            throw new SnapshotException("SNAPSHOT_UNWRITABLE", "cannot serialize: " + e.getOriginalMessage(), at);
        }
        AtomicFile.write(target, true, out -> out.write(bytes));
    }
}
