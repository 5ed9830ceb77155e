package io.iamscope.analysis.blast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.SampleOrg;
import io.iamscope.analysis.Workspaces;
import io.iamscope.analysis.blast.enumerate.EnumerationLists;
import io.iamscope.catalog.Tactics;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lists every blast radius of one analysis shares are built once and do not depend on who asked first: a
 * blast radius on lists an earlier analysis of another start built is the one a fresh analysis gives.
 */
class EnumerationListsTest {
    private static final BlastOptions OPTIONS = BlastOptions.defaults(Instant.parse("2026-11-28T00:00:00Z"));

    private static BlastRadiusAnalysis fresh() {
        SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(List.of(Path.of(SampleOrg.SNAPSHOT)), null, null)
                .snapshot());
        return new BlastRadiusAnalysis(Workspaces.of(index, SampleOrg.graph()), Tactics.load(Workspaces.catalog()));
    }

    private static BlastRadius blast(BlastRadiusAnalysis analysis, String start) {
        return blast(analysis, start, AttackerProfile.STOLEN_KEYS);
    }

    private static BlastRadius blast(BlastRadiusAnalysis analysis, String start, AttackerProfile profile) {
        return analysis.analyse(start, profile.name(), profile.context(Map.of(), List.of()), OPTIONS);
    }

    @Test
    void oneSetOfListsPerAnalysis() {
        BlastRadiusAnalysis analysis = fresh();
        EnumerationLists lists = analysis.lists();
        blast(analysis, SampleOrg.CI);
        assertSame(lists, analysis.lists());
        assertNotSame(lists, fresh().lists());
    }

    @Test
    void aBlastRadiusOnSharedListsIsTheOneAFreshAnalysisGives() {
        BlastRadiusAnalysis shared = fresh();
        // Other starts and attackers first: their enumerations build and keep lists, classes and member lists,
        // which must not depend on who asked or in what context (a console session with MFA, an insider).
        blast(shared, SampleOrg.PPATEL, AttackerProfile.CONSOLE_SESSION);
        blast(shared, SampleOrg.OPS_USER, AttackerProfile.INSIDER);
        shared.lists().prepare(() -> false);
        for (String start : List.of("AKIAZCONTRACTOR7LEAK", SampleOrg.CI, SampleOrg.PPATEL)) {
            assertEquals(blast(fresh(), start), blast(shared, start), start);
        }
    }

    /**
     * The lists built ahead, on the core the graph build's last phase leaves idle, are those an analysis builds:
     * its report is the one a fresh analysis gives. Once an analysis is done, work ahead stops at once.
     */
    @Test
    void listsBuiltAheadAreTheAnalysisOwnAndStopWhenItIsDone() {
        BlastRadiusAnalysis ahead = fresh();
        ahead.prepareAhead();
        int built = ahead.lists().builtTargetLists();
        assertTrue(built > 0, "every action's target list is built ahead");
        assertEquals(blast(fresh(), "AKIAZCONTRACTOR7LEAK"), blast(ahead, "AKIAZCONTRACTOR7LEAK"));

        BlastRadiusAnalysis done = fresh();
        // On one thread: no preparation of its own, the analysis builds only the lists it needs.
        done.analyse("AKIAZCONTRACTOR7LEAK", "stolen-keys", AttackerProfile.STOLEN_KEYS.context(Map.of(), List.of()),
                new BlastOptions(OPTIONS.limits(), OPTIONS.huntSince(), 1, "t", "s"));
        int before = done.lists().builtTargetLists();
        done.prepareAhead();
        assertEquals(before, done.lists().builtTargetLists(), "nothing built after the analysis");
        assertTrue(before < built, "the analysis built only the lists it needed");
    }
}
