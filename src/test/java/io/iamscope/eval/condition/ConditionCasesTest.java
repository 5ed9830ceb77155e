package io.iamscope.eval.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.ConditionClause;
import io.iamscope.policy.ConditionOperator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of {@code src/test/resources/conditions/*.jsonl} as a dynamic test. */
class ConditionCasesTest {
    private static final String[] FILES = {
        "string.jsonl", "numeric.jsonl", "date.jsonl", "bool-binary-null.jsonl", "ip.jsonl", "arn.jsonl",
        "sets.jsonl", "variables.jsonl", "invalid.jsonl",
    };
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (ConditionCase c : load()) {
            tests.add(DynamicTest.dynamicTest(c.id(), () -> run(c)));
        }
        return tests.stream();
    }

    @Test
    void casesAreNumerousUniqueAndCited() throws IOException {
        List<ConditionCase> all = load();
        assertTrue(all.size() >= 120, "only " + all.size() + " cases");
        Set<String> ids = new HashSet<>();
        for (ConditionCase c : all) {
            assertTrue(ids.add(c.id()), "duplicate id " + c.id());
            assertNotNull(c.source(), c.id());
            assertTrue(c.source().startsWith("https://docs.aws.amazon.com/"), c.id() + " cites " + c.source());
        }
    }

    private static void run(ConditionCase c) {
        ConditionClause clause = new ConditionClause(ConditionOperator.parse(c.operator()), c.key(), c.values(),
                SourceLocation.of(c.id()));
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConditionCheck check = ConditionCompiler.compile(clause, "2012-10-17".equals(c.version()), diagnostics);
        RequestContext.Builder b = RequestContext.builder();
        c.context().forEach(b::put);
        c.unknown().forEach(b::unknown);
        Truth actual = check.evaluate(b.build());
        assertEquals(Truth.valueOf(c.expected()), actual, c.id() + ": " + clause + " on " + c.context());
        if (c.diagnostic() == null) {
            assertEquals(List.of(), diagnostics, c.id());
        } else {
            assertEquals(1, diagnostics.size(), c.id() + " " + diagnostics);
            Diagnostic d = diagnostics.get(0);
            assertEquals(c.diagnostic(), d.code());
            assertEquals(Diagnostic.Severity.ERROR, d.severity());
            assertEquals(clause.location(), d.location());
        }
    }

    private static List<ConditionCase> load() throws IOException {
        List<ConditionCase> all = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = ConditionCasesTest.class.getResourceAsStream("/conditions/" + file)) {
                assertNotNull(in, "missing /conditions/" + file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        all.add(JSON.readValue(line, ConditionCase.class));
                    } catch (IOException e) {
                        throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return all;
    }
}
