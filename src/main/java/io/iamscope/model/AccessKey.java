package io.iamscope.model;

/** An access key of a user, with its last use. Only the key id is kept: a snapshot never holds secrets. */
public record AccessKey(String accessKeyId, String userName, String status, String createDate,
                        String lastUsedDate, String lastUsedService, String lastUsedRegion) {

    public boolean active() {
        return "Active".equalsIgnoreCase(status);
    }
}
