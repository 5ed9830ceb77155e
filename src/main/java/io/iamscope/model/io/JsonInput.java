package io.iamscope.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.policy.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads JSON files into trees and small typed values out of them, with errors that name file and pointer. */
final class JsonInput {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonInput() {
    }

    /** Reads a whole file; a truncated file, bad JSON or a missing file become {@link SnapshotException}s. */
    static JsonNode read(Path file) {
        SourceLocation at = SourceLocation.of(file.toString());
        try {
            JsonNode node = MAPPER.readTree(Files.newBufferedReader(file));
            if (node == null || node.isMissingNode()) {
                throw new SnapshotException("SNAPSHOT_EMPTY", "file is empty", at);
            }
            return node;
        } catch (IOException e) {
            throw failure(e, at);
        }
    }

    /** What went wrong reading a file, as the error a user sees: truncated, not JSON, missing, unreadable. */
    static SnapshotException failure(IOException e, SourceLocation at) {
        if (e instanceof JsonEOFException eof) {
            return new SnapshotException("SNAPSHOT_TRUNCATED", "file ends early: truncated? (line "
                    + eof.getLocation().getLineNr() + ")", at);
        }
        if (e instanceof JsonProcessingException j) {
            return new SnapshotException("SNAPSHOT_MALFORMED_JSON", "not valid JSON: " + j.getOriginalMessage()
                    + " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")", at);
        }
        if (e instanceof NoSuchFileException) {
            return new SnapshotException("FILE_NOT_FOUND", "no such file", at);
        }
        return new SnapshotException("FILE_UNREADABLE", "cannot read: " + e.getMessage(), at);
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
