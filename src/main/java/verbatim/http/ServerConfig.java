package verbatim.http;

import java.nio.file.Path;
import java.util.List;

/**
 * How the HTTP API runs.
 *
 * @param adminKey     the bearer token writes need; null or blank disables writes (they answer 403)
 * @param corsOrigins  origins allowed to read from a browser; {@code *} allows any. Writes are never cross-origin.
 * @param maxBodyBytes largest request body accepted (413 above)
 * @param backupRoot   folder under which {@code POST /api/admin/backup} writes backups; null disables the endpoint
 */
public record ServerConfig(String adminKey, List<String> corsOrigins, long maxBodyBytes, Path backupRoot) {

    public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;

    public ServerConfig {
        adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey;
        corsOrigins = corsOrigins == null ? List.of("*") : List.copyOf(corsOrigins);
        backupRoot = backupRoot == null ? null : backupRoot.toAbsolutePath().normalize();
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
