package io.iamscope.eval;

/** The kinds of policy AWS evaluates, in the order its documentation walks them. */
public enum Layer {
    SCP("service control policy"),
    RCP("resource control policy"),
    RESOURCE("resource-based policy"),
    IDENTITY("identity-based policy"),
    BOUNDARY("permissions boundary"),
    SESSION("session policy");

    private final String description;

    Layer(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
