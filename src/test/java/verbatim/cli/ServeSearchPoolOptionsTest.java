package verbatim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve --search-threads/--search-queue/--search-order/--search-wait-bound}: documented, and refused before anything opens when out of range. */
class ServeSearchPoolOptionsTest {

    @TempDir
    Path dir;

    @Test
    void helpTellsWhatTheSearchPoolOptionsDo() {
        Cli help = Cli.run("serve", "--help");
        assertEquals(0, help.code(), help.err());
        String text = help.out().replaceAll("\\s+", " "); // picocli wraps descriptions
        assertTrue(text.contains("--search-threads=N") && text.contains("default: cores, the number of cores, for the embedded index; "
                + "0 with --backend solr"), text);
        assertTrue(text.contains("--search-queue=N") && text.contains("answered 503 with Retry-After"), text);
        assertTrue(text.contains("--search-order=ORDER") && text.contains("'arrival' (default"), text);
        assertTrue(text.contains("--search-wait-bound=MS") && text.contains("default: 18"), text);
    }

    @Test
    void aNegativeThreadCountOrQueueIsRefusedWithExitCode2() {
        for (String[] bad : new String[][] {{"--search-threads", "-1"}, {"--search-queue", "-5"}}) {
            Cli run = Cli.run("serve", "--port", "0", "--index", dir.resolve("index").toString(),
                    "--corpus", dir.resolve("corpus").toString(), bad[0], bad[1]);
            assertEquals(2, run.code(), run.out() + run.err());
            assertTrue(run.err().contains("--search-threads must be 'cores' or from 0 to 1024"), run.err());
        }
    }

    @Test
    void anUnknownSearchOrderOrANegativeWaitBoundIsRefusedWithExitCode2() {
        for (String[] bad : new String[][] {{"--search-order", "random"}, {"--search-wait-bound", "-1"}}) {
            Cli run = Cli.run("serve", "--port", "0", "--index", dir.resolve("index").toString(),
                    "--corpus", dir.resolve("corpus").toString(), bad[0], bad[1]);
            assertEquals(2, run.code(), run.out() + run.err());
            assertTrue(run.err().contains("--search-order must be 'cheapest' or 'arrival'"), run.err());
        }
    }

    @Test
    void aThreadCountThatIsNotANumberIsRefusedWithExitCode2() {
        Cli run = Cli.run("serve", "--port", "0", "--index", dir.resolve("index").toString(),
                "--corpus", dir.resolve("corpus").toString(), "--search-threads", "many");
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("not many"), run.err());
    }
}
