package io.iamscope.model.io.cloudtrail;

/**
 * Something of a log file that could not be read, and was skipped: the file, where in it (the record's JSON
 * pointer, {@code /Records/2}, or a CSV row's first line, {@code line 5}; null for the whole file, or what was left
 * of it) and one line.
 */
public record ReadWarning(String file, String at, String message) {
    @Override
    public String toString() {
        return file + (at == null ? "" : " at " + at) + ": " + message;
    }
}
