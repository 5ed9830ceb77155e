package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates a report against a JSON schema (networknt json-schema-validator), listing every error on failure. The
 * schemas of docs/ are known by their {@code $id}, so one refers to another (the diff's findings are the review's)
 * without fetching anything.
 */
final class SchemaCheck {
    private static final Path DOCS = Path.of("docs");

    private SchemaCheck() {
    }

    static void valid(Path schemaFile, SpecificationVersion version, String instance) {
        try {
            Map<String, String> documented = documentedSchemas();
            Schema schema = SchemaRegistry.withDefaultDialect(version, b -> b.schemas(documented))
                    .getSchema(Files.readString(schemaFile), InputFormat.JSON);
            List<Error> errors = schema.validate(instance, InputFormat.JSON);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), "not valid against " + schemaFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> documentedSchemas() throws IOException {
        Map<String, String> byId = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                String text = Files.readString(f);
                byId.put(mapper.readTree(text).path("$id").asText(), text);
            }
        }
        return byId;
    }
}
