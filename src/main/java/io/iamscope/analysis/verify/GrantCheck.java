package io.iamscope.analysis.verify;

import io.iamscope.eval.Decision;
import io.iamscope.eval.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Re-checks the grants of a report (blast radius, who-can) with a second engine. The local analysis finds the
 * grants (the simulator cannot enumerate: it answers questions, within rate limits); this asks the simulator
 * about each of them, one batch per (principal, resource), and sorts the answers: confirmed, refused (a
 * definite local grant the simulator denies: a disagreement to investigate), or not comparable (a conditional
 * local grant the simulator denies with the keys absent, or a request it could not check).
 */
public final class GrantCheck {
    /** The outcome of re-checking one grant. */
    public record Checked(Grant grant, Verdict verdict, Decision simulator) {
    }

    public enum Verdict { CONFIRMED, REFUSED, NOT_COMPARABLE }

    /** The checked grants, and how many the report had in all (a sample is checked past the limit). */
    public record Result(List<Checked> checked, int total) {
        public long count(Verdict v) {
            return checked.stream().filter(c -> c.verdict() == v).count();
        }
    }

    private GrantCheck() {
    }

    /** Checks at most {@code limit} grants, a seeded sample when there are more. */
    public static Result check(List<Grant> grants, PrincipalSimulation simulation, int limit, long seed) {
        List<Grant> sample = new ArrayList<>(grants);
        if (sample.size() > limit) {
            Collections.shuffle(sample, new Random(seed));
            sample = sample.subList(0, limit);
        }
        Map<String, List<Grant>> batches = new LinkedHashMap<>();
        for (Grant g : sample) {
            batches.computeIfAbsent(g.principal() + "\n" + g.resource(), k -> new ArrayList<>()).add(g);
        }
        List<Checked> out = new ArrayList<>();
        for (List<Grant> batch : batches.values()) {
            Grant first = batch.get(0);
            Map<String, Decision> answers = simulation.decide(first.principal(), first.resource(),
                    batch.stream().map(Grant::action).distinct().toList());
            for (Grant g : batch) {
                Decision d = answers.get(g.action());
                out.add(new Checked(g, verdict(g, d), d));
            }
        }
        return new Result(out, grants.size());
    }

    private static Verdict verdict(Grant g, Decision d) {
        if (d == null || !d.errors().isEmpty() && d.outcome() != Outcome.ALLOW) {
            return Verdict.NOT_COMPARABLE;
        }
        if (d.outcome() == Outcome.ALLOW) {
            return Verdict.CONFIRMED;
        }
        return g.conditional() ? Verdict.NOT_COMPARABLE : Verdict.REFUSED;
    }
}
