package io.iamscope.eval;

import io.iamscope.policy.ConditionClause;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A boolean formula over conditions the engine could not decide (they test keys the caller declared
 * unknown). A decision is definite when its constraint is {@link #TRUE}; otherwise it holds only "if" the
 * constraint does. Smart constructors keep formulas small; the fully-known case never allocates.
 */
public sealed interface Constraint {
    Constraint TRUE = new Const(true);
    Constraint FALSE = new Const(false);

    /** A constant. */
    record Const(boolean value) implements Constraint {
        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /**
     * One undecided test: a condition clause (or a policy variable in a Resource) of one statement.
     *
     * @param description what must hold, for a reader: {@code Bool aws:MultiFactorAuthPresent [true]}
     * @param dependsOn   the unknown keys it depends on
     * @param statement   the statement it belongs to
     */
    record Atom(String description, List<String> dependsOn, StatementRef statement) implements Constraint {
        public static Atom of(ConditionClause clause, StatementRef statement, List<String> keys) {
            return new Atom(clause.toString(), List.copyOf(keys), statement);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    record Not(Constraint operand) implements Constraint {
        @Override
        public String toString() {
            return "not (" + operand + ")";
        }
    }

    record And(List<Constraint> operands) implements Constraint {
        @Override
        public String toString() {
            return join(operands, " and ");
        }
    }

    record Or(List<Constraint> operands) implements Constraint {
        @Override
        public String toString() {
            return join(operands, " or ");
        }
    }

    static Constraint and(Constraint a, Constraint b) {
        if (a == FALSE || b == FALSE) {
            return FALSE;
        }
        if (a == TRUE) {
            return b;
        }
        if (b == TRUE || a.equals(b)) {
            return a;
        }
        List<Constraint> ops = new ArrayList<>();
        flatten(a, ops, true);
        flatten(b, ops, true);
        return new And(List.copyOf(new LinkedHashSet<>(ops)));
    }

    static Constraint or(Constraint a, Constraint b) {
        if (a == TRUE || b == TRUE) {
            return TRUE;
        }
        if (a == FALSE) {
            return b;
        }
        if (b == FALSE || a.equals(b)) {
            return a;
        }
        List<Constraint> ops = new ArrayList<>();
        flatten(a, ops, false);
        flatten(b, ops, false);
        return new Or(List.copyOf(new LinkedHashSet<>(ops)));
    }

    static Constraint not(Constraint a) {
        if (a == TRUE) {
            return FALSE;
        }
        if (a == FALSE) {
            return TRUE;
        }
        return a instanceof Not n ? n.operand() : new Not(a);
    }

    /** Whether this formula is a constant (the decision does not depend on unknown keys). */
    default boolean isConstant() {
        return this instanceof Const;
    }

    /** The unknown keys this formula depends on, in first-seen order. */
    default Set<String> keys() {
        Set<String> out = new LinkedHashSet<>();
        collectKeys(this, out);
        return out;
    }

    private static void collectKeys(Constraint c, Set<String> out) {
        if (c instanceof Atom a) {
            out.addAll(a.dependsOn());
        } else if (c instanceof Not n) {
            collectKeys(n.operand(), out);
        } else if (c instanceof And and) {
            and.operands().forEach(o -> collectKeys(o, out));
        } else if (c instanceof Or or) {
            or.operands().forEach(o -> collectKeys(o, out));
        }
    }

    private static void flatten(Constraint c, List<Constraint> into, boolean conjunction) {
        if (conjunction && c instanceof And and) {
            into.addAll(and.operands());
        } else if (!conjunction && c instanceof Or or) {
            into.addAll(or.operands());
        } else {
            into.add(c);
        }
    }

    private static String join(List<Constraint> ops, String sep) {
        StringBuilder sb = new StringBuilder();
        for (Constraint c : ops) {
            if (sb.length() > 0) {
                sb.append(sep);
            }
            boolean wrap = c instanceof And || c instanceof Or;
            sb.append(wrap ? "(" : "").append(c).append(wrap ? ")" : "");
        }
        return sb.toString();
    }
}
