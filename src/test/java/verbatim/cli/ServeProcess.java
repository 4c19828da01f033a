package verbatim.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code verbatim serve} in a child JVM, as an operator runs it: its output is collected, its URL read from it. */
final class ServeProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving .* on (http://localhost:\\d+/)");

    final Process process;
    final String url;
    private final StringBuffer output = new StringBuffer();
    private final Thread pump;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServeProcess(Process process, String url, Thread pump, String seen) {
        this.process = process;
        this.url = url;
        this.pump = pump;
        this.output.append(seen);
    }

    /** Starts {@code serve} with {@code args} and returns once it says where it listens (or fails if it never does). */
    static ServeProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "verbatim.Main", "serve", "--port", "0"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String url = null;
        for (String line; url == null && (line = in.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = SERVING.matcher(line);
            if (m.find()) url = m.group(1);
        }
        if (url == null) {
            p.destroyForcibly();
            throw new IllegalStateException("serve never said where it listens; it printed:\n" + seen);
        }
        ServeProcess[] self = new ServeProcess[1];
        Thread pump = new Thread(() -> {
            try {
                for (String line; (line = in.readLine()) != null; ) self[0].output.append(line).append('\n');
            } catch (IOException ended) {
                // the child is gone
            }
        }, "serve-output");
        self[0] = new ServeProcess(p, url, pump, seen.toString());
        pump.setDaemon(true);
        pump.start();
        return self[0];
    }

    /** Everything the child printed so far; after {@link #waitFor}, all of it. */
    String output() {
        return output.toString();
    }

    boolean waitFor(int seconds) throws InterruptedException {
        boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
        if (ended) pump.join(5_000);
        return ended;
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + pathAndQuery)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String key, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + "api/articles")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An article that every search for {@code zorbaxium} finds. */
    static String article(String id) {
        return "{\"id\":\"" + id + "\",\"title\":\"Zorbaxium " + id + "\",\"text\":\"Le zorbaxium industriel de l'article "
                + id + " arrive dans les magasins. Chaque marque veut sa part du marché.\"}";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
