package verbatim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verbatim serve} as a user runs it, in a child JVM: an empty index is filled from the corpus first. */
class ServeCommandTest {

    @TempDir
    Path work;

    @Test
    void serveIndexesTheCorpusWhenTheIndexIsEmptyThenAnswersHealth() throws Exception {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "Premier\n\nUn texte.");
        Files.writeString(corpus.resolve("b.txt"), "Second\n\nUn autre texte.");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "verbatim.Main", "serve", "--port", "0",
                "--corpus", corpus.toString(), "--index", work.resolve("index").toString())
                .redirectErrorStream(true).start();
        try {
            String url = null;
            BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Pattern serving = Pattern.compile("serving .* on (http://localhost:\\d+/)");
            StringBuilder seen = new StringBuilder();
            for (String line; url == null && (line = output.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = serving.matcher(line);
                if (m.find()) url = m.group(1);
            }
            assertNotNull(url, "the server says where it listens; it printed:\n" + seen);
            assertTrue(seen.toString().contains("is empty: indexing"), seen.toString());

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "api/health")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertEquals(200, health.statusCode());
            assertEquals(2, body.get("articles").asInt());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the server");
        }
    }
}
