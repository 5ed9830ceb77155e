package io.iamscope.cli;

/** {@code --engine}: which authorizer answers. */
enum Engine {
    /** iamscope's own engine (offline). */
    LOCAL,
    /** AWS's IAM policy simulator (calls AWS). */
    SIMULATOR,
    /** Both, side by side; disagreements are printed with both explanations. */
    BOTH
}
