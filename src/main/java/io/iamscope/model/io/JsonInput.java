package io.iamscope.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.parse.JsonText;
import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads JSON files into trees and small typed values out of them, with errors that name file and pointer. */
final class JsonInput {
    static final ObjectMapper MAPPER = JsonText.MAPPER;

    private JsonInput() {
    }

    /** Reads a whole file; a truncated file, bad JSON or a missing file become {@link SnapshotException}s. */
    static JsonNode read(Path file) {
        return read(file, SourceLocation.of(file.toString()));
    }

    /** {@link #read(Path)}, naming the file as {@code at} says in errors. */
    static JsonNode read(Path file, SourceLocation at) {
        // Bytes, not characters: Jackson then skips a byte-order mark and reports invalid UTF-8 itself.
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode node = MAPPER.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new SnapshotException("SNAPSHOT_EMPTY", "file is empty", at);
            }
            return node;
        } catch (IOException e) {
            throw failure(e, file, at);
        }
    }

    /**
     * What went wrong reading a file, as the error a user sees: truncated, not JSON (a key twice, text after the
     * value, nested too deep, not UTF-8), missing, unreadable.
     */
    static SnapshotException failure(IOException e, Path file, SourceLocation at) {
        if (e instanceof JsonEOFException eof) {
            return new SnapshotException("SNAPSHOT_TRUNCATED", "file ends early: truncated? (line "
                    + eof.getLocation().getLineNr() + ")", at);
        }
        if (e instanceof JsonProcessingException j) {
            return refused(JsonText.refusal(j), file, at);
        }
        if (e instanceof NoSuchFileException) {
            return new SnapshotException("FILE_NOT_FOUND", "no such file", at);
        }
        if (e instanceof java.io.CharConversionException) {
            return refused(new JsonText.Refusal(JsonText.Problem.INVALID_UTF8, "not valid UTF-8", null), file, at);
        }
        return new SnapshotException("FILE_UNREADABLE", "cannot read: " + e.getMessage(), at);
    }

    /** The error for a refusal of {@link JsonText}; invalid UTF-8 is located to its byte. */
    static SnapshotException refused(JsonText.Refusal r, Path file, SourceLocation at) {
        return switch (r.problem()) {
            case DUPLICATE_KEY -> new SnapshotException("SNAPSHOT_DUPLICATE_KEY", r.message(),
                    r.pointer() == null ? at : new SourceLocation(at.source(), r.pointer()));
            case TRAILING_TEXT -> new SnapshotException("SNAPSHOT_TRAILING_TEXT", r.message()
                    + ": one JSON value per file (two snapshots are two `--snapshot` options)", at);
            case TOO_DEEP -> new SnapshotException("SNAPSHOT_TOO_DEEP", r.message(), at);
            case INVALID_UTF8 -> new SnapshotException("SNAPSHOT_INVALID_UTF8", "not valid UTF-8"
                    + invalidByte(file) + ": save the file as UTF-8", at);
            case MALFORMED -> new SnapshotException("SNAPSHOT_MALFORMED_JSON", r.message(), at);
        };
    }

    private static String invalidByte(Path file) {
        try {
            long at = JsonText.invalidUtf8At(Files.readAllBytes(file));
            return at < 0 ? "" : " at byte " + at;
        } catch (IOException | OutOfMemoryError e) {
            return "";
        }
    }

    /** A text field, or null when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A text field that must be there. */
    static String required(JsonNode node, String field, SourceLocation at) {
        String v = text(node, field);
        if (v == null || v.isEmpty()) {
            throw new SnapshotException("SNAPSHOT_MISSING_FIELD", "`" + field + "` is required", at);
        }
        return v;
    }

    /** An array field as an iterable of elements (empty when absent); anything else than an array is an error. */
    static JsonNode array(JsonNode node, String field, SourceLocation at) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return MAPPER.createArrayNode();
        }
        if (!v.isArray()) {
            throw new SnapshotException("SNAPSHOT_NOT_ARRAY", "`" + field + "` must be a list", at.child(field));
        }
        return v;
    }

    /** Tags as AWS returns them: a list of {@code {"Key": ..., "Value": ...}} or an object. */
    static Map<String, String> tags(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            for (JsonNode t : node) {
                String k = text(t, "Key");
                if (k != null) {
                    String v = text(t, "Value");
                    out.put(k, v == null ? "" : v);
                }
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }
}
