package io.iamscope.model.io.cloudtrail;

/**
 * Something of a log file that could not be read, and was skipped: the file, the record's index in its
 * {@code Records} list (null for the whole file, or what was left of it) and one line.
 */
public record ReadWarning(String file, Integer record, String message) {
    @Override
    public String toString() {
        return file + (record == null ? "" : " at /Records/" + record) + ": " + message;
    }
}
