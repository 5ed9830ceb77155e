package io.iamscope.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.model.Gap;
import io.iamscope.model.io.SnapshotException;
import io.iamscope.model.io.SnapshotWriter;
import io.iamscope.policy.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A collection in progress, kept in a folder beside the snapshot ({@code OUT.partial/}) so that an interrupted
 * run can go on where it stopped ({@code collect --resume}): a manifest written once the run knows what it
 * collects (its options, who collects, the regions, the organization and the gaps found on the way), then one
 * file per account as each account finishes. Every file is written atomically, so a file there is a whole
 * account; an account that was being collected when the run stopped has none and is collected again. The folder
 * is owner-only (it maps who can do what) and removed once the snapshot is written.
 */
public final class PartialCollection {
    private static final String FORMAT = "iamscope-partial-collection";
    private static final String MANIFEST = "manifest.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ObjectNode manifest;

    private PartialCollection(Path dir, ObjectNode manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** The folder of a collection into {@code out}. */
    public static Path folderFor(Path out) {
        Path name = out.getFileName();
        return out.resolveSibling((name == null ? "snapshot" : name.toString()) + ".partial");
    }

    /** What a resumed run must share with the run it resumes: every option that changes what is collected. */
    static ObjectNode options(CollectOptions o) {
        ObjectNode n = NODES.objectNode();
        n.put("region", o.region());
        ArrayNode regions = n.putArray("regions");
        o.regions().forEach(regions::add);
        n.put("endpoint", o.endpoint() == null ? null : o.endpoint().toString());
        n.put("organization", o.organization());
        n.put("assumeRoleName", o.assumeRoleName());
        return n;
    }

    /**
     * The run recorded in {@code dir}, when it was made with the same options by the same account; null when there
     * is nothing to resume (no manifest: the run stopped before it collected an account).
     *
     * @throws SnapshotException {@code COLLECT_RESUME_MISMATCH} when the run there was made otherwise (exit 2)
     */
    static PartialCollection resume(Path dir, CollectOptions options, String callerAccount) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode read = read(file);
        SourceLocation at = SourceLocation.of(file.toString());
        if (!read.isObject() || !FORMAT.equals(read.path("format").asText())) {
            throw new SnapshotException("COLLECT_RESUME_UNREADABLE", "not the manifest of a collection", at);
        }
        ObjectNode manifest = (ObjectNode) read;
        ObjectNode wanted = options(options);
        if (!wanted.equals(manifest.get("options"))) {
            throw new SnapshotException("COLLECT_RESUME_MISMATCH", "the interrupted collection was made with other"
                    + " options (" + manifest.get("options") + ", now " + wanted + "): give the same ones, or run"
                    + " without `--resume` to start over", at);
        }
        String was = manifest.path("collectedBy").path("Account").asText();
        if (!was.equals(callerAccount)) {
            throw new SnapshotException("COLLECT_RESUME_MISMATCH", "the interrupted collection was made from account `"
                    + was + "`, these credentials are of `" + callerAccount + "`", at);
        }
        return new PartialCollection(dir, manifest);
    }

    /**
     * Starts a collection in {@code dir}: whatever an earlier run left there is removed, then the manifest is
     * written.
     */
    static PartialCollection start(Path dir, CollectOptions options, String collectedAt, JsonNode collectedBy,
                                   List<String> regions, ObjectNode organization, List<Gap> gaps) {
        clear(dir);
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder keeps its inherited ACL, as the snapshot file does.
            }
        } catch (IOException e) {
            throw new SnapshotException("FILE_UNWRITABLE", "cannot create the folder of the collection in progress: "
                    + e.getMessage(), SourceLocation.of(dir.toString()));
        }
        ObjectNode manifest = NODES.objectNode();
        manifest.put("format", FORMAT);
        manifest.put("version", 1);
        manifest.set("options", options(options));
        manifest.put("collectedAt", collectedAt);
        manifest.set("collectedBy", collectedBy);
        ArrayNode r = manifest.putArray("regions");
        regions.forEach(r::add);
        if (organization != null) {
            manifest.set("organization", organization);
        }
        manifest.set("gaps", AccountCollector.gapsJson(gaps));
        SnapshotWriter.write(dir.resolve(MANIFEST), manifest);
        return new PartialCollection(dir, manifest);
    }

    String collectedAt() {
        return manifest.path("collectedAt").asText();
    }

    JsonNode collectedBy() {
        return manifest.get("collectedBy");
    }

    List<String> regions() {
        List<String> out = new ArrayList<>();
        manifest.path("regions").forEach(r -> out.add(r.asText()));
        return out;
    }

    /** The organization as the interrupted run read it, or null. */
    ObjectNode organization() {
        JsonNode org = manifest.get("organization");
        return org instanceof ObjectNode o ? o : null;
    }

    /** The gaps recorded before the caller's account was collected (regions, organization). */
    List<Gap> gaps() {
        return gapsOf(manifest.path("gaps"));
    }

    /** An account the run finished, or null. */
    ObjectNode account(String accountId) {
        Path file = accountFile(accountId);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode account = read(file);
        if (!account.isObject() || !accountId.equals(account.path("accountId").asText())) {
            // Not what this run writes: collected again rather than trusted.
            return null;
        }
        return (ObjectNode) account;
    }

    /** A file this class wrote; one cut short or changed by hand is refused with its name (exit 2). */
    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new SnapshotException("COLLECT_RESUME_UNREADABLE", "cannot read: " + e.getMessage().lines()
                    .findFirst().orElse(""), SourceLocation.of(file.toString()));
        }
    }

    /** Keeps a finished account. */
    void save(ObjectNode account) {
        SnapshotWriter.write(accountFile(account.path("accountId").asText()), account, false);
    }

    private Path accountFile(String accountId) {
        return dir.resolve("account-" + accountId.replaceAll("[^0-9A-Za-z-]", "_") + ".json");
    }

    /** The gaps of an account entry, as the snapshot writes them. */
    static List<Gap> gapsOf(JsonNode gaps) {
        List<Gap> out = new ArrayList<>();
        for (JsonNode g : gaps) {
            out.add(new Gap(text(g, "service"), text(g, "operation"), text(g, "region"), text(g, "resource"),
                    text(g, "errorCode"), text(g, "message")));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Removes the folder of a collection, once its snapshot is written (or before a new one starts). */
    public static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                // Only what a collection writes there: anything else is not ours to delete.
                if (name.equals(MANIFEST) || name.startsWith("account-") || name.startsWith(".")) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // Someone else's file is in it: the folder stays.
        } catch (IOException e) {
            throw new SnapshotException("FILE_UNWRITABLE", "cannot remove the folder of the collection in progress: "
                    + e.getMessage(), SourceLocation.of(dir.toString()));
        }
    }
}
