package io.iamscope.analysis.findings;

/** The families of findings, in the order a review reports them. */
public enum Category {
    ESCALATION("escalation", "paths to administrator and to other principals, and between accounts"),
    TRUST("trust", "who outside the snapshot can assume its roles"),
    EXPOSURE("exposure", "resources open to the world or to other accounts"),
    CREDENTIALS("credentials", "root user, console MFA, access keys, unused principals"),
    RISKY_GRANT("risky-grant", "statements that grant too much, and who can blind an investigation"),
    ADMIN("admin", "administrators, and how each is one"),
    BLAST_RADIUS("blast-radius", "the principals that would hurt most if stolen"),
    SUPPRESSION("suppression", "suppressions that need attention");

    private final String word;
    private final String description;

    Category(String word, String description) {
        this.word = word;
        this.description = description;
    }

    public String word() {
        return word;
    }

    public String description() {
        return description;
    }
}
