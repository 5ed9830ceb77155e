package io.iamscope.policy;

import java.util.List;

/**
 * A parsed IAM policy document. {@code version} is null when the document had none (AWS then applies
 * 2008-10-17, under which policy variables are literal text).
 */
public record PolicyDocument(String version, String id, List<Statement> statements, String source,
                             List<Diagnostic> diagnostics) {

    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Policy variables are substituted only under 2012-10-17. "If you do not include the Version element, ...
     * variables such as ${aws:username} aren't recognized as variables and are instead treated as literal
     * strings" (IAM JSON policy elements: Version).
     */
    public boolean substitutesVariables() {
        return VERSION_2012.equals(version);
    }
}
