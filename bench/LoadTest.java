import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
import java.util.Locale;

/**
 * Closed-loop HTTP load against a running Verbatim server: N workers, each sending the next request of
 * the query file as soon as its previous one is answered. JDK only (with Recorder.java beside it; see bench/README.md):
 *
 * <pre>
 * java bench/LoadTest.java --url http://localhost:7070 --queries /tmp/queries.tsv \
 *      --connections 16 --seconds 30 [--warmup 5] [--prime 100] [--rate R] [--label http-16] [--tsv results.tsv]
 *      [--client jdk|socket]
 * </pre>
 *
 * {@code --client socket} sends each worker's requests on one kept-alive socket of its own with the least client code
 * (a request line, a Host header, read the status, headers and body), instead of the JDK {@code HttpClient}, whose own
 * threads and hand-offs add about a millisecond at p50 and several at p99 on two busy cores: a truer measure of the server.
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
        boolean socket = false;
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
                case "--client" -> socket = switch (args[++i]) {
                    case "socket" -> true;
                    case "jdk" -> false;
                    default -> throw new IllegalArgumentException("--client is jdk or socket, not " + args[i]);
                };
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
        if (socket) {
            URI base = URI.create(url);
            ThreadLocal<Connection> connection = new ThreadLocal<>();
            rec.drive("load", connections, rate, warmup, seconds, requests, i -> {
                try {
                    Connection c = connection.get();
                    if (c == null) connection.set(c = new Connection(base));
                    int status = c.get(requests.get(i)[1]);
                    return status / 100 == 2 ? null : "status " + status;
                } catch (IOException e) {
                    connection.remove();
                    return e.toString();
                }
            });
            rec.print(label, seconds, tsv);
            return;
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

    /** One kept-alive HTTP/1.1 connection, with just enough of the protocol for GET requests to this server. */
    static final class Connection {
        private final String host;
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(URI base) throws IOException {
            host = base.getHost() + ":" + base.getPort();
            socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        /** Sends the request and reads the whole answer; returns its status. */
        int get(String pathAndQuery) throws IOException {
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false, close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).strip());
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                if (lower.startsWith("connection:") && lower.contains("close")) close = true;
            }
            if (chunked) {
                for (long n = Long.parseLong(line().strip(), 16); n > 0; n = Long.parseLong(line().strip(), 16)) {
                    skip(n);
                    line();
                }
                while (!line().isEmpty()) { } // trailers
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                socket.close();
                throw new IOException("the server closed the connection");
            }
            return status;
        }

        private void skip(long n) throws IOException {
            in.skipNBytes(n); // the body is read, not kept: the JDK client's ofByteArray keeps it, a small difference
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) throw new EOFException("the server closed the connection");
                if (c != '\r') b.append((char) c);
            }
            return b.toString();
        }
    }
}
