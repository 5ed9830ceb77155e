package io.iamscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values a user need not retype, under what the command line says: {@code IAMSCOPE_SNAPSHOT} for
 * {@code --snapshot}, then the properties file {@code $XDG_CONFIG_HOME/iamscope/defaults} (by default
 * {@code ~/.config/iamscope/defaults}), read by picocli's {@link CommandLine.PropertiesDefaultProvider}: a key is an
 * option's long name without its dashes, for every command ({@code snapshot=...}), or after a command's qualified
 * name for that command alone ({@code iamscope.blast-radius.detail=summary}).
 */
final class UserDefaults implements CommandLine.IDefaultValueProvider {
    static final String SNAPSHOT_VARIABLE = "IAMSCOPE_SNAPSHOT";

    private final String snapshot;
    private final CommandLine.IDefaultValueProvider file;

    private UserDefaults(String snapshot, CommandLine.IDefaultValueProvider file) {
        this.snapshot = snapshot;
        this.file = file;
    }

    /** The defaults of the person running iamscope: their environment and their configuration directory. */
    static UserDefaults fromEnvironment() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static UserDefaults of(Map<String, String> env, Path home) {
        String snapshot = env.get(SNAPSHOT_VARIABLE);
        Path file = file(env, home);
        return new UserDefaults(snapshot == null || snapshot.isBlank() ? null : snapshot,
                Files.isRegularFile(file) ? new CommandLine.PropertiesDefaultProvider(file.toFile()) : null);
    }

    /** Where the defaults file is, whether or not it is there (XDG Base Directory Specification). */
    static Path file(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The specification: a relative value is invalid and is ignored.
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return config.resolve("iamscope").resolve("defaults");
    }

    @Override
    public String defaultValue(ArgSpec arg) throws Exception {
        if (snapshot != null && arg instanceof OptionSpec option && "--snapshot".equals(option.longestName())) {
            return snapshot;
        }
        return file == null ? null : file.defaultValue(arg);
    }
}
