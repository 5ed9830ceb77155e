package io.iamscope.analysis.hunt;

/** One ready-to-run query: where it runs ({@code athena} or {@code cloudtrail-lake}) and its text. */
public record HuntingQuery(String engine, String title, String sql) {
}
