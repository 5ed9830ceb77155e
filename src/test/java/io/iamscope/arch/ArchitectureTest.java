package io.iamscope.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package arrows of the design true: {@code cli -> report -> analysis/graph -> eval -> policy,
 * model}; {@code collect, simulator -> aws}; {@code collect -> model}. Framework types stay where they belong.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.iamscope");
    }

    @Test
    void policyDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.iamscope.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.eval..", "io.iamscope.cli..",
                        "io.iamscope.policytest..", "io.iamscope.catalog..", "io.iamscope.model..")
                .check(classes);
    }

    @Test
    void policyModelHasNoJackson() {
        noClasses().that().resideInAPackage("io.iamscope.policy")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
                .check(classes);
    }

    @Test
    void evalDoesNotReachUpward() {
        noClasses().that().resideInAPackage("io.iamscope.eval..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.cli..", "io.iamscope.policytest..",
                        "io.iamscope.report..", "io.iamscope.analysis..", "io.iamscope.graph..",
                        "io.iamscope.collect..", "io.iamscope.policy.parse..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void onlyCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("io.iamscope.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void onlyAwsCollectAndSimulatorUseTheAwsSdk() {
        noClasses().that().resideOutsideOfPackages("io.iamscope.aws..", "io.iamscope.collect..",
                        "io.iamscope.simulator..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    /** {@code aws} is what {@code collect} and {@code simulator} share: it knows none of its users. */
    @Test
    void awsServesCollectAndSimulatorWithoutKnowingThem() {
        noClasses().that().resideInAPackage("io.iamscope.aws..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.collect..", "io.iamscope.simulator..",
                        "io.iamscope.cli..", "io.iamscope.report..", "io.iamscope.analysis..", "io.iamscope.graph..")
                .check(classes);
    }

    @Test
    void nothingButCliDependsOnCli() {
        noClasses().that().resideOutsideOfPackage("io.iamscope.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.iamscope.cli..")
                .check(classes);
    }

    @Test
    void modelUsesOnlyPolicy() {
        noClasses().that().resideInAPackage("io.iamscope.model")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.eval..", "io.iamscope.cli..",
                        "io.iamscope.report..", "io.iamscope.policy.parse..", "io.iamscope.collect..",
                        "com.fasterxml..")
                .check(classes);
    }

    @Test
    void modelIoDoesNotReachUpward() {
        noClasses().that().resideInAPackage("io.iamscope.model.io..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.eval..", "io.iamscope.cli..",
                        "io.iamscope.report..", "io.iamscope.collect..", "io.iamscope.access..", "io.iamscope.graph..",
                        "io.iamscope.analysis..")
                .check(classes);
    }

    /** The engine knows no snapshot: {@code access} is the bridge from the model to the engine's contract. */
    @Test
    void theEngineKnowsNoSnapshot() {
        noClasses().that().resideInAPackage("io.iamscope.eval..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.model..", "io.iamscope.access..")
                .check(classes);
        noClasses().that().resideInAPackage("io.iamscope.access..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.model.io..", "io.iamscope.graph..",
                        "io.iamscope.analysis..", "io.iamscope.report..", "io.iamscope.cli..", "com.fasterxml..")
                .check(classes);
    }

    /**
     * The engine's internals are the engine's: only {@code eval} itself and {@code access} (which asks engine
     * questions about a snapshot, through the {@code BatchAuthorizer} capability and the matchers) use the
     * compiled forms, the matchers and the local engine. The command line, the composition root, constructs the
     * local engine and nothing else of it.
     */
    @Test
    void onlyEvalAndAccessUseTheEngineInternals() {
        noClasses().that().resideOutsideOfPackages("io.iamscope.eval..", "io.iamscope.access..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.eval.compile..",
                        "io.iamscope.eval.match..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("io.iamscope.eval..", "io.iamscope.access..", "io.iamscope.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.iamscope.eval.local..")
                .check(classes);
        noClasses().that().resideInAPackage("io.iamscope.cli..")
                .should().dependOnClassesThat(resideInAPackage("io.iamscope.eval.local..")
                        .and(not(name("io.iamscope.eval.local.LocalAuthorizer"))))
                .check(classes);
    }

    /**
     * Analyses and reports see the graph's face (the graph, its nodes, edges, search and admin statuses), not
     * how it is built: they get a graph through the workspace's {@code GraphSource} and never name the builder,
     * its techniques or its trust index; reports see of {@code access} only its result values.
     */
    @Test
    void analysesAndReportsSeeTheGraphsFace() {
        noClasses().that().resideInAnyPackage("io.iamscope.analysis..", "io.iamscope.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.graph.rules..",
                        "io.iamscope.graph.technique..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.iamscope.graph.GraphBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.iamscope.graph.TrustIndex")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.iamscope.graph.BuildContext")
                .check(classes);
        noClasses().that().resideInAPackage("io.iamscope.report..")
                .should().dependOnClassesThat(resideInAPackage("io.iamscope.access..")
                        .and(not(name("io.iamscope.access.Evidence")))
                        .and(not(name("io.iamscope.access.Gathered")))
                        .and(not(name("io.iamscope.access.AdminStatus"))))
                .check(classes);
    }

    /** Reports render answers: they know neither AWS nor how answers were collected or simulated. */
    @Test
    void reportKnowsNoAwsAdapter() {
        noClasses().that().resideInAPackage("io.iamscope.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.simulator..", "io.iamscope.collect..",
                        "io.iamscope.aws..")
                .check(classes);
    }

    @Test
    void reportHoldsNoCommandLineOrReaders() {
        noClasses().that().resideInAPackage("io.iamscope.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.cli..", "io.iamscope.model.io..",
                        "io.iamscope.eval.local..")
                .check(classes);
    }

    @Test
    void graphDoesNotReachUpward() {
        noClasses().that().resideInAPackage("io.iamscope.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.report..", "io.iamscope.cli..",
                        "io.iamscope.analysis..", "io.iamscope.model.io..", "io.iamscope.collect..",
                        "io.iamscope.simulator..", "com.fasterxml..")
                .check(classes);
    }

    /** Stored graphs are the command line's business: the analyses get a graph through their {@code GraphSource}. */
    @Test
    void onlyCliUsesTheStore() {
        noClasses().that().resideOutsideOfPackages("io.iamscope.cli..", "io.iamscope.store..")
                .should().dependOnClassesThat().resideInAPackage("io.iamscope.store..")
                .check(classes);
        noClasses().that().resideInAPackage("io.iamscope.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamscope.report..", "io.iamscope.cli..",
                        "io.iamscope.graph.rules..", "io.iamscope.graph.technique..", "com.fasterxml..")
                .check(classes);
    }

    /** A main class named like a test reads as one in every listing and report; tests live in src/test. */
    @Test
    void noMainClassIsNamedLikeATest() {
        noClasses().should().haveSimpleNameEndingWith("Test")
                .orShould().haveSimpleNameEndingWith("Tests")
                .check(classes);
    }

    /** Concerns (top-level packages) form no cycle. */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.iamscope.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Nor do the packages inside a concern ({@code graph} and {@code graph.technique}, {@code eval.local}...). */
    @Test
    void subPackagesAreFreeOfCycles() {
        slices().matching("io.iamscope.(**)").should().beFreeOfCycles().check(classes);
    }
}
