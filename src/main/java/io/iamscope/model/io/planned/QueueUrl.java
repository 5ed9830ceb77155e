package io.iamscope.model.io.planned;

/** Amazon SQS queue URLs, which queue policies name their queues by (Amazon SQS Developer Guide, "Queue and message identifiers"). */
public final class QueueUrl {
    private QueueUrl() {
    }

    /**
     * A queue's ARN from its URL ({@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME}, or the legacy
     * {@code https://REGION.queue.amazonaws.com/...}); null when it is not one.
     */
    public static String arn(String url, String partition, String defaultRegion) {
        String[] parts = url.replaceFirst("^https?://", "").split("/");
        if (parts.length != 3 || !parts[1].matches("\\d{12}")) {
            return null;
        }
        String region = defaultRegion;
        for (String label : parts[0].split("\\.")) {
            if (label.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                region = label;
            }
        }
        return "arn:" + partition + ":sqs:" + region + ":" + parts[1] + ":" + parts[2];
    }
}
