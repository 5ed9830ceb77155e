package io.iamscope.eval;

/**
 * What one layer (or one SCP level) said about a request: whether it allows and whether it denies, each as a
 * constraint (TRUE, FALSE, or depending on unknown keys). {@code required} tells whether AWS needs this
 * layer's Allow for the request (SCP levels, boundaries and session policies always; identity and
 * resource-based policies as the account rules say).
 */
public record LayerVerdict(Layer layer, int level, Constraint allows, Constraint denies, boolean required) {
}
