package io.iamscope.report;

import io.iamscope.report.ReportInputs.Input;
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

    private static void check(Input input, GraphExport.Format format) {
        String ext = format == GraphExport.Format.mermaid ? "mmd" : format.name();
        Golden.check("graph-" + format + "/" + input.id + "." + ext,
                out -> GraphExport.write(ReportInputs.accessGraph(input), format, out));
    }
}
