package verbatim.search;

import java.io.IOException;

/**
 * The search engine behind a {@link Search} could not be reached (every node of a cluster down or unreachable):
 * the request may succeed later, so the API answers 503, not 500.
 */
public final class EngineUnavailableException extends IOException {

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
