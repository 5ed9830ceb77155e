package io.iamscope.analysis.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The {@code verify} core: runs each case through both engines and collects the comparisons. */
public final class Verifier {
    private final DifferentialAuthorizer engines;

    public Verifier(DifferentialAuthorizer engines) {
        this.engines = engines;
    }

    public VerifyReport verify(List<VerifyCase> cases) {
        return verify(cases, c -> { });
    }

    /** As {@link #verify(List)}, telling {@code progress} about each comparison as it is made. */
    public VerifyReport verify(List<VerifyCase> cases, Consumer<Comparison> progress) {
        List<Comparison> out = new ArrayList<>();
        for (VerifyCase c : cases) {
            Comparison cmp = engines.compare(c.id(), c.request(), c.policies());
            progress.accept(cmp);
            out.add(cmp);
        }
        return new VerifyReport(out);
    }
}
