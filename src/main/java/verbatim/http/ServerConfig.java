package verbatim.http;

import java.util.List;

/**
 * How the HTTP API runs.
 *
 * @param adminKey     the bearer token writes need; null or blank disables writes (they answer 403)
 * @param corsOrigins  origins allowed to read from a browser; {@code *} allows any. Writes are never cross-origin.
 * @param maxBodyBytes largest request body accepted (413 above)
 */
public record ServerConfig(String adminKey, List<String> corsOrigins, long maxBodyBytes) {

    public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;

    public ServerConfig {
        adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey;
        corsOrigins = corsOrigins == null ? List.of("*") : List.copyOf(corsOrigins);
    }

    /** Reads open to every origin, writes disabled. */
    public static ServerConfig defaults() {
        return new ServerConfig(null, List.of("*"), DEFAULT_MAX_BODY_BYTES);
    }

    public boolean writesEnabled() {
        return adminKey != null;
    }
}
