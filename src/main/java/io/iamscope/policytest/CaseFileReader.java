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
import java.util.Map;

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

    /** Where a policy field's value lies in a line. */
    private record Span(String field, int from, int to) {
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

        private Found(String text, JsonNode tree, String name, int line, String origin) {
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
                spans = CaseFileReader.check(text, name, line);
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
                written.put(s.field(), text.substring(s.from(), s.to()));
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
        String trimmed = JsonText.withoutBom(text).strip();
        if (trimmed.startsWith("[")) {
            JsonNode array = parse(trimmed, name, 1);
            for (int i = 0; i < array.size(); i++) {
                out.add(new Found(null, array.get(i), name, 1, name + "#" + i));
            }
            return out;
        }
        String[] lines = JsonText.withoutBom(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            out.add(new Found(line, null, name, i + 1, name + ":" + (i + 1)));
        }
        return out;
    }

    /**
     * Refuses a line that {@link #parse} would refuse, with its words, without building the tree: the tokens are
     * read and dropped (the parser still refuses a key twice in one object, as it reads it), and on anything amiss
     * the line is parsed to say why.
     */
    private static List<Span> check(String text, String name, int line) {
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken first = p.nextToken();
            List<Span> spans = new ArrayList<>(2);
            if (first == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value.isStructStart() && CaseReader.POLICY_FIELDS.contains(field)) {
                        int from = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        spans.add(new Span(field, from, (int) p.currentTokenLocation().getCharOffset() + 1));
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (first == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            if ((first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY) && p.nextToken() == null) {
                return spans;
            }
        } catch (IOException e) {
            // Parsed below, for the message.
        }
        parse(text, name, line);
        return List.of();
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
