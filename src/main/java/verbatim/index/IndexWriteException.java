package verbatim.index;

import java.io.IOException;

/**
 * A write (or commit) the index could not make because its storage failed: disk full, read-only, I/O error.
 * Nothing of it was committed. Reads go on over the last commit; a later write tries again.
 */
public final class IndexWriteException extends IOException {
    public IndexWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
