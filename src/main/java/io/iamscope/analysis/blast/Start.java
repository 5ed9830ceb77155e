package io.iamscope.analysis.blast;

/**
 * The principal a blast radius starts from, as resolved from what the user typed.
 *
 * @param query what the user typed (an ARN, a name, an access key id)
 * @param kind  {@code user}, {@code role} or {@code root}
 * @param via   how it was found ({@code access key `AKIA...` of user `bob`}), null when typed directly
 */
public record Start(String query, String arn, String kind, String account, String via) {
}
