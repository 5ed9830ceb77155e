package io.iamscope.eval;

/** The three outcomes of AWS policy evaluation, spelled as {@code iamscope test} and JSON output spell them. */
public enum Outcome {
    ALLOW("Allow"),
    EXPLICIT_DENY("ExplicitDeny"),
    IMPLICIT_DENY("ImplicitDeny");

    private final String word;

    Outcome(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Outcome fromWord(String word) {
        for (Outcome o : values()) {
            if (o.word.equalsIgnoreCase(word)) {
                return o;
            }
        }
        return null;
    }
}
