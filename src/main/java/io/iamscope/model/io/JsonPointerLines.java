package io.iamscope.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The line of each of some JSON pointers in a file, in one streaming pass: reports that point at a statement
 * of a snapshot (SARIF regions) need lines, the readers keep pointers.
 */
public final class JsonPointerLines {
    private JsonPointerLines() {
    }

    /** The 1-based line where the value at each pointer starts; pointers not in the file are left out. */
    public static Map<String, Integer> of(Path file, Set<String> pointers) {
        Map<String, Integer> out = new HashMap<>();
        if (pointers.isEmpty()) {
            return out;
        }
        try (JsonParser p = JsonInput.MAPPER.getFactory().createParser(file.toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null && out.size() < pointers.size()) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    // The context of a container's start token is the container's own: its pointer is its parent's.
                    pointer = p.getParsingContext().getParent() == null ? ""
                            : p.getParsingContext().getParent().pathAsPointer().toString();
                }
                if (pointers.contains(pointer)) {
                    out.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
