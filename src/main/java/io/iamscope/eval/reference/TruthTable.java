package io.iamscope.eval.reference;

import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.Outcome;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Turns "the outcome in every world" into a {@link Decision}. A world assigns true or false to each unknown
 * atom; with n atoms there are 2^n worlds, all of them evaluated. The decision is definite when every world
 * agrees. Otherwise, as {@link Decision} specifies, the outcome is the most permissive one possible (Allow if
 * any world allows), its condition is exactly the set of worlds where it holds, over the atoms that matter.
 */
final class TruthTable {
    /** 2^16 worlds at most: beyond that the naive table is not worth building. */
    static final int MAX_ATOMS = 16;

    private TruthTable() {
    }

    static Decision decide(List<Constraint.Atom> atoms, LongFunction<Outcome> outcomeIn, List<Candidate> candidates,
                           List<Diagnostic> errors) {
        List<MatchedStatement> matched = new ArrayList<>();
        for (Candidate c : candidates) {
            Constraint when = Constraint.TRUE;
            for (int a : c.atoms()) {
                when = Constraint.and(when, atoms.get(a));
            }
            matched.add(new MatchedStatement(c.ref(), when));
        }
        int n = atoms.size();
        if (n > MAX_ATOMS) {
            // Never throw (Authorizer contract): say so and give the most permissive possibility.
            List<Diagnostic> all = new ArrayList<>(errors);
            all.add(Diagnostic.error("REFERENCE_TOO_MANY_UNKNOWNS", "the reference evaluator enumerates at most "
                    + MAX_ATOMS + " unknown tests, not `" + n + "`", SourceLocation.of("reference")));
            Constraint any = Constraint.FALSE;
            for (Constraint.Atom a : atoms) {
                any = Constraint.or(any, a);
            }
            return new Decision(Outcome.ALLOW, any, Outcome.IMPLICIT_DENY, matched, List.of(), all);
        }
        long worlds = 1L << n;
        Outcome[] table = new Outcome[(int) worlds];
        boolean anyAllow = false;
        boolean anyExplicit = false;
        boolean anyImplicit = false;
        for (long w = 0; w < worlds; w++) {
            Outcome o = outcomeIn.apply(w);
            table[(int) w] = o;
            anyAllow |= o == Outcome.ALLOW;
            anyExplicit |= o == Outcome.EXPLICIT_DENY;
            anyImplicit |= o == Outcome.IMPLICIT_DENY;
        }
        int kinds = (anyAllow ? 1 : 0) + (anyExplicit ? 1 : 0) + (anyImplicit ? 1 : 0);
        if (kinds == 1) {
            return new Decision(table[0], Constraint.TRUE, null, matched, List.of(), errors);
        }
        Outcome outcome = anyAllow ? Outcome.ALLOW : Outcome.EXPLICIT_DENY;
        Outcome otherwise = anyAllow ? (anyExplicit ? Outcome.EXPLICIT_DENY : Outcome.IMPLICIT_DENY)
                : Outcome.IMPLICIT_DENY;
        Constraint condition = exactly(table, outcome, atoms);
        return new Decision(outcome, condition, otherwise, matched, List.of(), errors);
    }

    /** The worlds where {@code outcome} holds, as a disjunction of minterms over the atoms that matter. */
    private static Constraint exactly(Outcome[] table, Outcome outcome, List<Constraint.Atom> atoms) {
        List<Integer> relevant = new ArrayList<>();
        for (int a = 0; a < atoms.size(); a++) {
            for (int w = 0; w < table.length; w++) {
                if ((table[w] == outcome) != (table[w ^ (1 << a)] == outcome)) {
                    relevant.add(a);
                    break;
                }
            }
        }
        Constraint result = Constraint.FALSE;
        for (int w = 0; w < table.length; w++) {
            boolean canonical = true;
            for (int a = 0; a < atoms.size(); a++) {
                // One representative per minterm: irrelevant atoms set to false.
                canonical &= relevant.contains(a) || (w >>> a & 1) == 0;
            }
            if (!canonical || table[w] != outcome) {
                continue;
            }
            Constraint term = Constraint.TRUE;
            for (int a : relevant) {
                Constraint atom = atoms.get(a);
                term = Constraint.and(term, (w >>> a & 1) == 1 ? atom : Constraint.not(atom));
            }
            result = Constraint.or(result, term);
        }
        return result;
    }
}
