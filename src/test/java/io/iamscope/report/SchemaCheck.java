package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Validates a report against a JSON schema (networknt json-schema-validator), listing every error on failure. */
final class SchemaCheck {
    private SchemaCheck() {
    }

    static void valid(Path schemaFile, SpecificationVersion version, String instance) {
        try {
            Schema schema = SchemaRegistry.withDefaultDialect(version)
                    .getSchema(Files.readString(schemaFile), InputFormat.JSON);
            List<Error> errors = schema.validate(instance, InputFormat.JSON);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), "not valid against " + schemaFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
