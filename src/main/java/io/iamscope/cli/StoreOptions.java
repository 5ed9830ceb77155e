package io.iamscope.cli;

import io.iamscope.store.GraphStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --no-cache} and {@code --cache-dir}: whether and where built access graphs are kept for the next command
 * on the same inputs (docs/performance.md, "Stored graphs"). The folder is {@code --cache-dir}, else
 * {@code $IAMSCOPE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/iamscope}, else {@code ~/.cache/iamscope} (the XDG
 * base directory default); its size limit {@code $IAMSCOPE_CACHE_SIZE} (bytes, or with K, M or G), 2 GB when
 * unset.
 */
final class StoreOptions {
    static final String DIR_VARIABLE = "IAMSCOPE_CACHE_DIR";
    static final String SIZE_VARIABLE = "IAMSCOPE_CACHE_SIZE";
    static final long DEFAULT_SIZE = 2L << 30;

    @Option(names = "--no-cache", description = "Build the access graph anew, without reading or writing the store"
            + " of built graphs (docs/performance.md).")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where built graphs are kept (default: $"
            + DIR_VARIABLE + ", else $XDG_CACHE_HOME/iamscope, else ~/.cache/iamscope).")
    Path cacheDir;

    /** The store these options and the environment name. */
    GraphStore store() {
        return store(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    GraphStore store(Map<String, String> env, Path home) {
        return new GraphStore(dir(env, home), size(env.get(SIZE_VARIABLE)));
    }

    Path dir(Map<String, String> env, Path home) {
        if (cacheDir != null) {
            return cacheDir;
        }
        String own = env.get(DIR_VARIABLE);
        if (own != null && !own.isEmpty()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        // The XDG base directory specification: a relative path there is invalid and to be ignored.
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "iamscope");
        }
        return home.resolve(".cache").resolve("iamscope");
    }

    /** {@code 2G}, {@code 500M}, {@code 64k}, {@code 1000000}; unset or empty: the default. */
    static long size(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_SIZE;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        int shift = switch (t.charAt(t.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n < 0 || n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new UserInputException("CACHE_SIZE_INVALID: $" + SIZE_VARIABLE + " is `" + text
                    + "`, not a size (bytes, or with K, M or G: `500M`, `2G`)");
        }
    }
}
