import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Closed-loop HTTP load against a running Verbatim server: N workers, each sending the next request of
 * the query file as soon as its previous one is answered. JDK only (with Recorder.java beside it; see bench/README.md):
 *
 * <pre>
 * java bench/LoadTest.java --url http://localhost:7070 --queries /tmp/queries.tsv \
 *      --connections 16 --seconds 30 [--warmup 5] [--prime 100] [--rate R] [--label http-16] [--tsv results.tsv]
 * </pre>
 *
 * The query file has one request per line, {@code category TAB path?query} (bench/MakeQueries.java writes
 * it). With --rate R the load is open loop instead: R requests/s (at most --connections in flight),
 * each timed from when it was due, so a stalled server is not hidden by a slower client. Prints, per category and overall: requests, throughput, p50/p90/p99/max latency in ms, errors
 * (any non-2xx or exception). With --tsv, appends the same rows to a file.
 */
public class LoadTest {

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:7070", label = null;
        Path queries = null, tsv = null;
        int connections = 16, prime = 100;
        double rate = 0;
        double seconds = 30, warmup = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i].replaceAll("/+$", "");
                case "--queries" -> queries = Path.of(args[++i]);
                case "--connections", "--threads" -> connections = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--label" -> label = args[++i];
                case "--prime" -> prime = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--tsv" -> tsv = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (queries == null) {
            System.err.println("usage: LoadTest --url URL --queries FILE [--connections N] [--seconds S] [--warmup S] [--label L] [--tsv FILE]");
            System.exit(2);
        }
        List<String[]> requests = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)).toList();
        if (label == null) label = rate > 0 ? "http@" + (int) rate : "http-" + connections;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpRequest> built = new ArrayList<>();
        for (String[] r : requests) built.add(HttpRequest.newBuilder(URI.create(url + r[1])).timeout(Duration.ofSeconds(30)).GET().build());

        Recorder rec = new Recorder();
        // Priming: the first requests, one at a time, so one-off work (caches, lazy builds) is not timed.
        for (int i = 0; i < Math.min(prime, built.size()); i++) {
            try {
                client.send(built.get(i), HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception ignored) {
                // counted when it happens again under load
            }
        }
        rec.drive("load", connections, rate, warmup, seconds, requests, i -> {
            try {
                HttpResponse<byte[]> res = client.send(built.get(i), HttpResponse.BodyHandlers.ofByteArray());
                return res.statusCode() / 100 == 2 ? null : res.statusCode() + " " + new String(res.body(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        rec.print(label, seconds, tsv);
    }
}
