package io.iamscope.cli;

/** The {@code --format} values commands share (matched case-insensitively); each command says which it supports. */
enum OutputFormat {
    TEXT, JSON, MARKDOWN, JUNIT
}
