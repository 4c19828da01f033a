package verbatim;

import java.nio.file.Path;

/**
 * The shared evaluation data (seeds, gold, extraction pages, corpus-fr), read where it lies and never
 * copied into the repository. Surefire passes its place as {@code verbatim.shared}; a lone clone has none,
 * and the tests that need it skip.
 */
public final class Shared {

    private Shared() {
    }

    public static Path path() {
        return Path.of(System.getProperty("verbatim.shared", "../shared"));
    }
}
