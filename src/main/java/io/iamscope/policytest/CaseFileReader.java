package io.iamscope.policytest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.policy.parse.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a case file: JSON Lines (one object a line; blank lines and lines starting with {@code //} are
 * skipped) or one JSON array of objects. Returns each case's JSON with its origin ({@code file:line}).
 *
 * <p>{@link #scan} finds the cases of a file and leaves each line's tree to be built when its case runs: a file of
 * thousands of cases that each write out their policies is a large file, and holding every case's tree at once
 * made {@code iamscope test} spend most of its time collecting garbage (docs/performance.md). Checking every
 * case ({@link Found#check}) before any runs refuses a malformed file before anything is printed, as when files
 * were read whole.
 */
public final class CaseFileReader {
    private static final ObjectMapper MAPPER = JsonText.MAPPER;

    /**
     * One case's JSON and where it was read. {@code written} holds the text, as written, of policy fields left out
     * of the tree ({@code json} has them as null): a runner that has read the same text before reads it no more.
     */
    public record RawCase(JsonNode json, String origin, Map<String, String> written) {
        public RawCase(JsonNode json, String origin) {
            this(json, origin, Map.of());
        }
    }

    /** An object's first field, before the rest of a line whose earlier part was checked. */
    private static final String RESTART = "{\"\":0";

    /** Where a policy field's value lies in a line. */
    private record Span(String field, int from, int to, String value) {
    }

    /**
     * A case found in a file and checked to be a well-formed JSON value: its text, read into a tree by
     * {@link #raw} (on the thread that runs it), or its tree when the file was a JSON array.
     */
    public static final class Found {
        private final String text;
        private final JsonNode tree;
        private final String name;
        private final int line;
        private final String origin;
        /** The policy fields of the line, found by {@link #check}; null before. */
        private List<Span> spans;
        /** The text of each policy field last checked in the file. */
        private final Map<String, String> seen;

        private Found(String text, JsonNode tree, String name, int line, String origin, Map<String, String> seen) {
            this.seen = seen;
            this.text = text;
            this.tree = tree;
            this.name = name;
            this.line = line;
            this.origin = origin;
        }

        public String origin() {
            return origin;
        }

        /** Refuses the case, as {@link #raw} would, when it is not well-formed JSON; cheaper than reading it. */
        public void check() {
            if (tree == null) {
                spans = CaseFileReader.check(text, name, line, seen);
            }
        }

        /** The case's JSON; after {@link #check}, its policy fields as written text, out of the tree. */
        public RawCase raw() {
            if (tree != null) {
                return new RawCase(tree, origin);
            }
            if (spans == null || spans.isEmpty()) {
                return new RawCase(parse(text, name, line), origin);
            }
            StringBuilder rest = new StringBuilder();
            Map<String, String> written = new HashMap<>();
            int at = 0;
            for (Span s : spans) {
                rest.append(text, at, s.from()).append("null");
                written.put(s.field(), s.value());
                at = s.to();
            }
            rest.append(text, at, text.length());
            return new RawCase(parse(rest.toString(), name, line), origin, written);
        }
    }

    private CaseFileReader() {
    }

    public static List<RawCase> read(Path file) {
        return scan(file).stream().map(Found::raw).toList();
    }

    public static List<RawCase> read(String text, String name) {
        return scan(text, name).stream().map(Found::raw).toList();
    }

    /**
     * The cases of a file, not yet read into trees nor checked line by line ({@link Found#check}); a file that is
     * not UTF-8, or a JSON array that is not well-formed, is refused.
     */
    public static List<Found> scan(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CaseFileException("cannot read `" + file + "`: " + e.getMessage());
        }
        String text = JsonText.utf8(bytes);
        if (text == null) {
            throw new CaseFileException(file + ": not valid UTF-8 at byte " + JsonText.invalidUtf8At(bytes)
                    + ": save the file as UTF-8");
        }
        return scan(text, file.toString());
    }

    /** The cases of a text named {@code name}, as {@link #scan(Path)}. */
    public static List<Found> scan(String text, String name) {
        List<Found> out = new ArrayList<>();
        Map<String, String> seen = new ConcurrentHashMap<>();
        String trimmed = JsonText.withoutBom(text).strip();
        if (trimmed.startsWith("[")) {
            JsonNode array = parse(trimmed, name, 1);
            for (int i = 0; i < array.size(); i++) {
                out.add(new Found(null, array.get(i), name, 1, name + "#" + i, null));
            }
            return out;
        }
        String[] lines = JsonText.withoutBom(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            out.add(new Found(line, null, name, i + 1, name + ":" + (i + 1), seen));
        }
        return out;
    }

    /**
     * Refuses a line that {@link #parse} would refuse, with its words, without building the tree, and finds where
     * its policy fields lie. The tokens are read and dropped (the parser still refuses a key twice in one object,
     * as it reads it); a policy field whose text is one an earlier line of the file had there ({@code seen}) is
     * not read again: a JSON value ends where its text ends, so the same text is the same well-formed value. On
     * anything amiss the line is parsed to say why.
     */
    private static List<Span> check(String text, String name, int line, Map<String, String> seen) {
        List<Span> spans = spans(text, seen);
        if (spans != null) {
            return spans;
        }
        parse(text, name, line);
        return List.of(); // parse accepts what the check could not tell: the line is read whole
    }

    /** The policy fields of a well-formed line, or null when the line is not one or the check cannot tell. */
    private static List<Span> spans(String text, Map<String, String> seen) {
        List<Span> spans = new ArrayList<>(2);
        JsonParser p = null;
        try {
            p = MAPPER.createParser(text);
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                p.skipChildren();
                return p.nextToken() == null ? spans : null;
            }
            if (first != JsonToken.START_OBJECT) {
                return null;
            }
            // Offsets in the parser's text are shifted from the line's once the parser restarts after a field.
            int shift = 0;
            Set<String> names = new HashSet<>();
            while (true) {
                JsonToken token = p.nextToken();
                if (token == JsonToken.END_OBJECT) {
                    return p.nextToken() == null ? spans : null;
                }
                String field = p.currentName();
                if (token != JsonToken.FIELD_NAME || !names.add(field)) {
                    return null;
                }
                JsonToken value = p.nextToken();
                if (!value.isStructStart() || !CaseReader.POLICY_FIELDS.contains(field)) {
                    p.skipChildren();
                    continue;
                }
                int from = (int) p.currentTokenLocation().getCharOffset() + shift;
                String known = seen.get(field);
                // Copied and compared whole: String.equals is vectorized, startsWith at an offset is not.
                if (known != null && from + known.length() <= text.length()
                        && known.equals(text.substring(from, from + known.length()))) {
                    int to = from + known.length();
                    spans.add(new Span(field, from, to, known));
                    // The rest of the object, read by a parser that starts after a stand-in first field.
                    p.close();
                    p = MAPPER.createParser(RESTART + text.substring(to));
                    p.nextToken();
                    p.nextToken();
                    p.nextToken();
                    shift = to - RESTART.length();
                    continue;
                }
                p.skipChildren();
                int to = (int) p.currentTokenLocation().getCharOffset() + shift + 1;
                String written = text.substring(from, to);
                spans.add(new Span(field, from, to, written));
                seen.put(field, written);
            }
        } catch (IOException e) {
            return null;
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // Nothing held but memory.
                }
            }
        }
    }

    /** The tree of a policy field's text as {@link #check} found it (well-formed). */
    static JsonNode tree(String text, String origin) {
        return parse(text, origin, 1);
    }

    private static JsonNode parse(String text, String name, int line) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !(node.isObject() || node.isArray())) {
                throw new CaseFileException(name + ":" + line + ": a case must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonText.Refusal r = JsonText.refusal(e);
            int at = e.getLocation() == null ? line : line + e.getLocation().getLineNr() - 1;
            throw new CaseFileException(name + ":" + at + (r.pointer() == null ? "" : " at " + r.pointer())
                    + ": " + r.message());
        }
    }
}
