package io.iamscope.catalog.bench;

import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Catalog load time and the cost of expanding a 50-statement policy of wildcard actions. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args="CatalogBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s"}.
 */
@State(Scope.Benchmark)
public class CatalogBenchmark {
    private static final String[] PATTERNS = {
        "s3:Get*", "ec2:Describe*", "*:List*", "iam:*Role*", "kms:?ncrypt", "*:Get*Policy", "lambda:*",
        "dynamodb:*Item", "sts:Assume*", "*:Describe*", "logs:Delete*", "cloudtrail:*", "ssm:GetParameter?",
        "secretsmanager:*Secret*", "rds:*Snapshot*", "ec2:*", "*:Put*", "iam:Create*", "s3:*Object*", "*:*Tag*",
    };

    private Catalog catalog;
    private List<List<String>> statements;

    @Setup
    public void setUp() {
        catalog = Catalog.load();
        statements = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            statements.add(List.of(PATTERNS[s % PATTERNS.length], PATTERNS[(s * 7 + 3) % PATTERNS.length],
                    PATTERNS[(s * 11 + 5) % PATTERNS.length]));
        }
    }

    /** Expands every statement's Action list and takes the union, as a blast-radius pass would. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ActionSet expandFiftyStatementPolicy() {
        ActionSet all = catalog.none();
        for (List<String> actions : statements) {
            all = all.union(catalog.expandAll(actions));
        }
        return all;
    }

    /** Reads and indexes the bundled catalog from the class path. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Catalog load() {
        return Catalog.load();
    }
}
