package io.iamscope.analysis.blast.enumerate;

import io.iamscope.analysis.Workspaces;
import io.iamscope.analysis.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.analysis.AttackerProfile;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.Account;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.synth.AccountGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An enumeration that decides an action's concrete resources per class must list exactly what one check per
 * resource lists (same actions, resources, conditions and granting statement), for every user and role of each
 * snapshot; a class kept whole ({@link ResourceSet}) stands for each of its members.
 */
class AccessEnumeratorClassesTest {
    private static final Catalog CATALOG = Catalog.bundled();

    static Stream<Path> snapshots() throws IOException {
        Path generated = Files.createTempFile("iamscope-generated", ".json");
        new ObjectMapper().writeValue(generated.toFile(),
                new AccountGenerator(new AccountGenerator.Spec(5, 10, 15, 9, "123456789012")).snapshot());
        generated.toFile().deleteOnExit();
        return Stream.of(Path.of("src/test/resources/graph/target-classes.json"),
                Path.of("src/test/resources/blast/taken-account.json"),
                Path.of("policies-fixtures/sample-org/snapshot.json"), generated);
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void byClassListsWhatOneCheckPerResourceLists(Path snapshot) {
        SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(snapshot).snapshot());
        RequestContext context = AttackerProfile.STOLEN_KEYS.context(Map.of(), List.of());
        Workspace workspace = Workspaces.of(index);
        EnumerationLists lists = new EnumerationLists(index, workspace.catalog(), workspace.targetFacts());
        // Classes of two or more are kept whole here, so that every fixture has sets to expand.
        AccessEnumerator byClass = new AccessEnumerator(workspace, lists, context, true, 2);
        AccessEnumerator reference = new AccessEnumerator(workspace, lists, context, false, 2);
        int listed = 0;
        int inSets = 0;
        for (Account a : index.snapshot().accounts()) {
            List<PrincipalRef> who = new ArrayList<>();
            a.users().forEach(u -> who.add(index.resolvePrincipal(u.arn())));
            a.roles().forEach(r -> who.add(index.resolvePrincipal(r.arn())));
            for (PrincipalRef p : who) {
                List<Allowed> expected = reference.enumerate(p);
                List<Allowed> actual = byClass.enumerate(p);
                inSets += (int) actual.stream().filter(x -> x.members() != null).count();
                assertEquals(sorted(expected), sorted(expanded(actual)), p.arn());
                listed += expected.size();
            }
        }
        assertTrue(listed > 0);
        assertTrue(inSets > 0, "no class was kept whole");
    }

    /** Each set entry as one entry per member (same action, decision and statement). */
    private static List<Allowed> expanded(List<Allowed> list) {
        List<Allowed> out = new ArrayList<>();
        for (Allowed a : list) {
            if (a.members() == null) {
                out.add(a);
            } else {
                a.members().forEach(m -> out.add(new Allowed(a.actionId(), m, a.concrete(), a.conditional(),
                        a.conditionKeys(), a.statement())));
            }
        }
        return out;
    }

    /** Sets come out whole, ahead of the class's other targets: compare in one order. */
    private static List<Allowed> sorted(List<Allowed> list) {
        List<Allowed> out = new ArrayList<>(list);
        out.sort(java.util.Comparator.comparingInt(Allowed::actionId).thenComparing(Allowed::resource)
                .thenComparing(Allowed::toString));
        return out;
    }
}
