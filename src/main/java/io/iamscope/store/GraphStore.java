package io.iamscope.store;

import io.iamscope.graph.GraphReader;
import io.iamscope.graph.GraphWriter;
import io.iamscope.graph.JGraphTAccessGraph;
import io.iamscope.model.ToolVersion;
import io.iamscope.model.io.AtomicFile;
import io.iamscope.model.io.SnapshotException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Built access graphs kept on disk, one file per {@link StoreKey} ({@code <dir>/<key>.graph}), the least recently
 * used removed once they take more than the size limit (docs/performance.md, "Stored graphs"). An entry is the
 * format's name, its version, the key it was stored under, the iamscope version that stored it, the graph
 * ({@link GraphWriter}) and a CRC-32C of the graph. An entry that is cut short, altered, of another format or
 * stored under another key is never used: the caller is told in one line and builds the graph again.
 * Writing an entry is atomic and owner-only; failing to write one is a warning, never a failed command.
 */
public final class GraphStore {
    /** Bumped whenever the entry's layout (not the graph's, {@link GraphWriter#FORMAT}) changes. */
    static final int LAYOUT = 1;
    private static final byte[] MAGIC = "iamscope graph\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".graph";

    private final Path dir;
    private final long maxBytes;

    /**
     * @param dir      where entries live (made, owner-only, on the first write)
     * @param maxBytes the most the entries may take together; the least recently used go first
     */
    public GraphStore(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    public Path dir() {
        return dir;
    }

    /**
     * A key that starts with what any graph depends on beyond its inputs: the formats of the entry and of the graph,
     * and the iamscope build (a rebuilt jar may find other edges, and keeps its {@code -SNAPSHOT} version); the
     * inputs' files are added to it with the store's {@link #digests()}.
     */
    public StoreKey.Builder key() {
        return StoreKey.builder(digests()).text("entry layout", Integer.toString(LAYOUT))
                .text("graph format", Integer.toString(GraphWriter.FORMAT)).text("iamscope", version());
    }

    /** Digests of input files, remembered in the store's {@code digests} folder. */
    public StoreKey.ContentDigest digests() {
        return new FileDigests(dir.resolve("digests"));
    }

    /** The file of an entry. */
    public Path entry(StoreKey key) {
        return dir.resolve(key.hex() + SUFFIX);
    }

    /**
     * The graph stored under {@code key}, if there is a usable one; an unusable one is removed and
     * {@code warn}ed about in one line. A used entry becomes the most recently used.
     */
    public Optional<JGraphTAccessGraph> load(StoreKey key, Consumer<String> warn) {
        Path file = entry(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            warn.accept("cannot read the stored graph `" + file + "`: " + e.getMessage() + ": building it again");
            return Optional.empty();
        }
        try {
            JGraphTAccessGraph g = decode(bytes, key);
            touch(file);
            return Optional.of(g);
        } catch (IOException e) {
            warn.accept("stored graph `" + file + "` not used (" + e.getMessage() + "): building it again");
            delete(file);
            return Optional.empty();
        }
    }

    /** Stores {@code graph} under {@code key}, then removes the least recently used entries over the limit. */
    public void save(StoreKey key, JGraphTAccessGraph graph, Consumer<String> warn) {
        Path file = entry(key);
        try {
            byte[] entry = encode(key, graph);
            if (entry.length > maxBytes) {
                warn.accept("graph not stored: its " + entry.length + " bytes exceed the store's limit of " + maxBytes);
                return;
            }
            ownerOnlyFolder(dir);
            AtomicFile.write(file, true, out -> out.write(entry));
            evict(file);
        } catch (IOException | SnapshotException | UnsupportedOperationException | SecurityException e) {
            warn.accept("cannot store the graph in `" + dir + "`: " + e.getMessage());
        }
    }

    static byte[] encode(StoreKey key, JGraphTAccessGraph graph) throws IOException {
        return encode(key, graph, version());
    }

    /** An entry as iamscope {@code version} would store it. */
    static byte[] encode(StoreKey key, JGraphTAccessGraph graph, String version) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 20);
        GraphWriter.write(graph, payload);
        byte[] body = payload.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + 128);
        DataOutputStream out = new DataOutputStream(all);
        out.write(MAGIC);
        out.writeInt(LAYOUT);
        out.write(key.bytes());
        out.writeUTF(version);
        out.writeLong(body.length);
        out.write(body);
        out.writeInt((int) crc.getValue());
        out.flush();
        return all.toByteArray();
    }

    static JGraphTAccessGraph decode(byte[] bytes, StoreKey key) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a stored graph");
            }
            int layout = in.getInt();
            if (layout != LAYOUT) {
                throw new IOException("layout " + layout + ", not " + LAYOUT);
            }
            byte[] stored = new byte[32];
            in.get(stored);
            if (!Arrays.equals(stored, key.bytes())) {
                throw new IOException("stored under another key");
            }
            byte[] utf = new byte[in.getShort() & 0xFFFF];
            in.get(utf);
            String by = new String(utf, StandardCharsets.UTF_8);
            if (!by.equals(version())) {
                throw new IOException("stored by iamscope " + by + ", this is " + version());
            }
            long length = in.getLong();
            if (length != in.remaining() - 4L) {
                throw new IOException("truncated or extended: " + in.remaining() + " bytes after the header, not "
                        + (length + 4));
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, in.position(), (int) length);
            if ((int) crc.getValue() != in.getInt(in.position() + (int) length)) {
                throw new IOException("checksum mismatch");
            }
            return GraphReader.read(bytes, in.position(), (int) length);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("truncated header");
        }
    }

    /** The iamscope version and build time: a graph another build made may differ however little. */
    static String version() {
        return ToolVersion.version() + " built " + ToolVersion.property("built", "unknown");
    }

    /** Makes the folder, and those above it that are missing, owner-only where POSIX permissions exist. */
    static void ownerOnlyFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Removes the least recently used entries (never {@code kept}) until the entries fit the limit. */
    private void evict(Path kept) throws IOException {
        record Entry(Path file, long size, FileTime used) {
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f)) {
                    try {
                        entries.add(new Entry(f, Files.size(f), Files.getLastModifiedTime(f)));
                    } catch (NoSuchFileException gone) {
                        // Another run evicted it meanwhile.
                    }
                }
            }
        }
        long total = entries.stream().mapToLong(Entry::size).sum();
        entries.sort(Comparator.comparing(Entry::used));
        for (Entry e : entries) {
            if (total <= maxBytes) {
                break;
            }
            if (!e.file().equals(kept)) {
                delete(e.file());
                total -= e.size();
            }
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // Only the eviction order: a read-only store is still used.
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Never used anyway: it is checked on every read.
        }
    }
}
