package io.iamscope.catalog;

/**
 * The catalog or the tactics file could not be read: missing, not gzip, not JSON, or of the wrong shape. The
 * message says which resource and what is wrong, in one line.
 */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
