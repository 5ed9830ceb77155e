package io.iamscope.report;

import io.iamscope.report.ReportInputs.Input;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Golden files of {@code iamscope graph --format dot|graphml|json|mermaid}, on every input. */
class GraphExportTest {
    @ParameterizedTest
    @EnumSource(Input.class)
    void dot(Input input) {
        check(input, GraphExport.Format.dot);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void graphml(Input input) {
        check(input, GraphExport.Format.graphml);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void json(Input input) {
        check(input, GraphExport.Format.json);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void mermaid(Input input) {
        check(input, GraphExport.Format.mermaid);
    }

    /** One start's paths, drawn left to right by hop: the contractor's key to everything, and to admin. */
    @Test
    void theContractorKeysPaths() {
        for (GraphExport.Format format : List.of(GraphExport.Format.dot, GraphExport.Format.mermaid)) {
            String ext = format == GraphExport.Format.mermaid ? "mmd" : format.name();
            for (boolean toAdmin : List.of(false, true)) {
                Golden.check("graph-" + format + "/sample-org.start-AKIAZCONTRACTOR7LEAK" + (toAdmin ? ".to-admin" : "")
                        + "." + ext, out -> GraphExport.write(ReportInputs.startSubgraph(Input.SAMPLE_ORG,
                        ReportInputs.CONTRACTOR_KEY, toAdmin), format, true, out));
            }
        }
    }

    private static void check(Input input, GraphExport.Format format) {
        String ext = format == GraphExport.Format.mermaid ? "mmd" : format.name();
        Golden.check("graph-" + format + "/" + input.id + "." + ext,
                out -> GraphExport.write(ReportInputs.accessGraph(input), format, out));
    }
}
