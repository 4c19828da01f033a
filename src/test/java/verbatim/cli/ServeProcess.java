package verbatim.cli;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code verbatim serve} in a child JVM, as an operator runs it: its output is collected, its URL read from it. */
final class ServeProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving .* on (http://localhost:\\d+/)");

    final Process process;
    final String url;
    private final Path log;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServeProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts {@code serve} with {@code args}, its output going to {@code log}, and returns once it says where it
     * listens (or fails if it never does). A file, not a pipe: {@link Process#destroy()} closes the pipes, and what
     * the child prints while it shuts down would be lost.
     */
    static ServeProcess start(Path log, String... args) throws IOException, InterruptedException {
        return start(List.of(), log, args);
    }

    /** The same, with {@code jvmOptions} (such as {@code -Xmx256m}) for the child JVM. */
    static ServeProcess start(List<String> jvmOptions, Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "verbatim.Main", "serve", "--port", "0"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = SERVING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) return new ServeProcess(p, m.group(1), log);
            if (!p.isAlive()) break;
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new IllegalStateException("serve never said where it listens; it printed:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Everything the child printed so far. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    boolean waitFor(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
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
