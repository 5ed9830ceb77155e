package io.iamscope.policytest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.policy.parse.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a case file: JSON Lines (one object a line; blank lines and lines starting with {@code //} are
 * skipped) or one JSON array of objects. Returns each case's JSON with its origin ({@code file:line}).
 */
public final class CaseFileReader {
    private static final ObjectMapper MAPPER = JsonText.MAPPER;

    /** One case's JSON and where it was read. */
    public record RawCase(JsonNode json, String origin) {
    }

    private CaseFileReader() {
    }

    public static List<RawCase> read(Path file) {
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
        return read(text, file.toString());
    }

    public static List<RawCase> read(String text, String name) {
        List<RawCase> out = new ArrayList<>();
        String trimmed = JsonText.withoutBom(text).strip();
        if (trimmed.startsWith("[")) {
            JsonNode array = parse(trimmed, name, 1);
            for (int i = 0; i < array.size(); i++) {
                out.add(new RawCase(array.get(i), name + "#" + i));
            }
            return out;
        }
        String[] lines = JsonText.withoutBom(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            out.add(new RawCase(parse(line, name, i + 1), name + ":" + (i + 1)));
        }
        return out;
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
