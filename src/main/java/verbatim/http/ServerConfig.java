package verbatim.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the HTTP API runs.
 *
 * @param adminKey     the bearer token writes need; null or blank disables writes (they answer 403)
 * @param corsOrigins  origins allowed to read from a browser; {@code *} allows any. Writes are never cross-origin.
 * @param maxBodyBytes largest request body accepted (413 above)
 * @param backupRoot   folder under which {@code POST /api/admin/backup} writes backups; null disables the endpoint
 * @param idleTimeout  how long a connection may send nothing (mid-request: a stalled or very slow client) before
 *                     the server closes it; null for the default, {@link #DEFAULT_IDLE_TIMEOUT}
 */
public record ServerConfig(String adminKey, List<String> corsOrigins, long maxBodyBytes, Path backupRoot, Duration idleTimeout) {

    public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public ServerConfig {
        adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey;
        corsOrigins = corsOrigins == null ? List.of("*") : List.copyOf(corsOrigins);
        backupRoot = backupRoot == null ? null : backupRoot.toAbsolutePath().normalize();
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, not " + idleTimeout);
        }
    }

    /** With the default idle timeout. */
    public ServerConfig(String adminKey, List<String> corsOrigins, long maxBodyBytes, Path backupRoot) {
        this(adminKey, corsOrigins, maxBodyBytes, backupRoot, null);
    }

    /** Without online backups. */
    public ServerConfig(String adminKey, List<String> corsOrigins, long maxBodyBytes) {
        this(adminKey, corsOrigins, maxBodyBytes, null);
    }

    /** Reads open to every origin, writes disabled. */
    public static ServerConfig defaults() {
        return new ServerConfig(null, List.of("*"), DEFAULT_MAX_BODY_BYTES);
    }

    public boolean writesEnabled() {
        return adminKey != null;
    }
}
