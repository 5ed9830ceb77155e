package io.iamscope.collect;

/** Where the collector reports what it is doing; the CLI prints it only on a terminal. */
@FunctionalInterface
public interface Progress {
    /** Reports nothing. */
    Progress NONE = line -> {
    };

    /** Reports one line, such as {@code 111122223333 us-east-1 kms: 12 keys}. */
    void report(String line);
}
