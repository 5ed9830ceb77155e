package io.iamscope.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The frame of the bundled rule files ({@code tactics.json}, {@code call-tactics.json}): a resource on the class
 * path holding an object whose {@code rules} is an array. Each failure is a {@link CatalogException} naming the
 * kind of file and where it came from.
 */
final class RuleFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RuleFile() {
    }

    /** The class path resource {@code resource} of {@code kind}, read by {@code read}. */
    static <T> T bundled(String resource, String kind, Function<InputStream, T> read) {
        try (InputStream in = RuleFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogException(kind + " resource `" + resource + "` is missing from the class path");
            }
            return read.apply(in);
        } catch (IOException e) {
            throw new CatalogException(kind + " `" + resource + "` could not be read: " + e.getMessage(), e);
        }
    }

    /** The {@code /rules} array of the file {@code json} of {@code kind}, named {@code origin} in errors. */
    static JsonNode rules(InputStream json, String kind, String origin) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogException(kind + " `" + origin + "` is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogException(kind + " `" + origin + "` could not be read: " + e.getMessage(), e);
        }
        JsonNode rules = root == null ? null : root.get("rules");
        if (rules == null || !rules.isArray()) {
            throw new CatalogException(kind + " `" + origin + "` is malformed: `/rules` is not an array");
        }
        return rules;
    }
}
