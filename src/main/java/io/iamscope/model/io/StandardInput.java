package io.iamscope.model.io;

import io.iamscope.policy.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.BiFunction;

/**
 * A snapshot piped in ({@code --snapshot -}). The readers look at a file twice (streamed when iamscope wrote it, as
 * a tree otherwise), so standard input is first copied to a file only its owner can read, deleted once read; errors
 * name it {@value #DISPLAY}.
 */
final class StandardInput {
    static final String NAME = "-";
    static final String DISPLAY = "<stdin>";

    private StandardInput() {
    }

    static boolean is(Path file) {
        return file.getNameCount() == 1 && NAME.equals(file.toString());
    }

    /** What {@code reader} makes of standard input, given the copy and the name to say. */
    static <T> T read(InputStream stdin, BiFunction<Path, String, T> reader) {
        Path copy = null;
        try {
            copy = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile("iamscope-stdin", ".json",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile("iamscope-stdin", ".json");
            Files.copy(stdin, copy, StandardCopyOption.REPLACE_EXISTING);
            return reader.apply(copy, DISPLAY);
        } catch (IOException e) {
            throw new SnapshotException("FILE_UNREADABLE", "cannot read standard input: " + e.getMessage(),
                    SourceLocation.of(DISPLAY));
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    copy.toFile().deleteOnExit();
                }
            }
        }
    }
}
