package verbatim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The soak run of {@code bench/soak.sh}, shortened to 30 seconds on the bundled corpus: {@code serve} in a child JVM
 * (-Xmx256m) is searched by 64 connections, as in the long run, while 50 articles a second are
 * written, by the same program the long run uses ({@code bench/Soak.java}). No request may fail, every written article
 * must be found by a search at the end, and memory and open files must stay flat.
 */
class SoakTest {

    private static final String KEY = "soak-test-key";

    /** Requests over the bundled corpus and the articles the soak writes (marques, Jeanne Martin, Mobilis...). */
    private static final List<String> QUERIES = List.of(
            "words\t/api/search?q=marques+communication",
            "words\t/api/search?q=clients&sort=date",
            "phrase\t/api/search?q=%22les+agences%22",
            "filter\t/api/search?q=march%C3%A9&tag=soak",
            "entity\t/api/search?q=&speaker=Jeanne+Martin",
            "browse\t/api/search?q=&sort=date&page=3",
            "quotes\t/api/quotes?q=clients",
            "suggest\t/api/suggest?q=comm",
            "suggest\t/api/suggest?q=mob");

    @TempDir
    Path work;

    @Test
    void thirtySecondsOfSearchesAndWritesLoseNothingAndLeakNothing() throws Exception {
        Path classes = Files.createDirectories(work.resolve("bench-classes"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-nowarn", "-d", classes.toString(),
                "bench/Soak.java", "bench/Recorder.java");
        assertEquals(0, compiled, "bench/Soak.java compiles");
        Path queries = Files.write(work.resolve("queries.tsv"), QUERIES, StandardCharsets.UTF_8);

        try (ServeProcess serve = ServeProcess.start(List.of("-Xmx256m"), work.resolve("serve.log"), "--admin-key", KEY,
                "--index", work.resolve("index").toString(), "--corpus", "corpus")) {
            Process soak = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classes.toString(), "Soak", "--url", serve.url, "--queries", queries.toString(), "--key", KEY,
                    "--pid", Long.toString(serve.process.pid()), "--connections", "64", "--write-rate", "50",
                    "--seconds", "30", "--warmup", "5", "--sample-every", "5")
                    .redirectErrorStream(true).redirectOutput(work.resolve("soak.log").toFile()).start();
            assertTrue(soak.waitFor(5, TimeUnit.MINUTES), "the soak run ends");
            String log = Files.readString(work.resolve("soak.log"), StandardCharsets.UTF_8);
            System.out.println(log);
            Map<String, Double> summary = summary(log);

            assertEquals(0.0, summary.get("search_errors"), "no search failed");
            assertEquals(0.0, summary.get("write_errors"), "no write failed");
            assertTrue(summary.get("writes") >= 1_000, "the writes went on all along (50/s for 30 s)");
            assertEquals(0.0, summary.get("not_found"), "every acknowledged article is found by a search at the end");
            assertTrue(summary.get("commits") < summary.get("writes"), "writes share commits");
            assertEquals(0, soak.exitValue(), log);

            // Flat, with room for what 1,500 more articles legitimately cost (a few MB) and for the segments that
            // merges come and go with; a leak per request or per commit (a reader, a file, a buffer) is far above it.
            double heapStart = summary.get("heap_after_full_gc_start_mb");
            double heapEnd = summary.get("heap_after_full_gc_end_mb");
            assertTrue(heapEnd <= 2 * heapStart + 32, "heap after a full GC: " + heapStart + " MB after the warm-up, " + heapEnd + " MB at the end");
            double filesStart = summary.get("files_start");
            assertTrue(summary.get("files_max") <= filesStart + 150, "open files: " + filesStart + " at first, " + summary.get("files_max") + " at most");
        }
    }

    /** The {@code SOAK key=value ...} line Soak ends with. */
    private static Map<String, Double> summary(String log) throws IOException {
        String line = log.lines().filter(l -> l.startsWith("SOAK ")).findFirst()
                .orElseThrow(() -> new AssertionError("no SOAK summary line in:\n" + log));
        Map<String, Double> values = new HashMap<>();
        for (String pair : line.substring(5).split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], Double.parseDouble(kv[1]));
        }
        return values;
    }
}
