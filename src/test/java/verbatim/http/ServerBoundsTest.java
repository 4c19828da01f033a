package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bounds on what a client controls: how deep its JSON nests, how big its headers are, how long it may stall.
 * The server runs with a 1 s idle timeout so stalled clients are dropped within the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerBoundsTest {

    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final String AUTH = "Bearer " + ApiFixture.ADMIN_KEY;

    private ApiFixture api;
    private Path home;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        home = dir;
        Path backups = java.nio.file.Files.createDirectories(dir.resolve("backups"));
        api = ApiFixture.start(dir.resolve("index"), new ServerConfig(ApiFixture.ADMIN_KEY, List.of("*"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, backups, IDLE));
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    // --- JSON nesting -----------------------------------------------------------------------------------------

    private static String nestedTags(int depth) {
        // The record object is one level; tags adds depth - 1 arrays.
        return "{\"id\":\"nest-" + depth + "\",\"text\":\"Le zorbaxium imbriqué.\",\"tags\":"
                + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    @Test
    void jsonWithinTheNestingBoundIsRead() throws Exception {
        HttpResponse<String> r = api.send("POST", "/api/articles", "application/json", nestedTags(ApiServer.MAX_JSON_DEPTH), "Authorization", AUTH);
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void jsonNestedTooDeeplyIsA400() throws Exception {
        for (int depth : new int[]{ApiServer.MAX_JSON_DEPTH + 1, 1_000, 100_000}) {
            for (String method : List.of("POST", "PUT")) {
                String path = method.equals("POST") ? "/api/articles" : "/api/articles/nest-deep";
                HttpResponse<String> r = api.send(method, path, "application/json", nestedTags(depth), "Authorization", AUTH);
                JsonNode problem = ApiFixture.problem(r, 400);
                assertTrue(problem.path("detail").asText().contains("nested too deeply"), r.body());
            }
        }
        assertEquals(404, api.get("/api/articles/nest-deep").statusCode(), "nothing was written");
    }

    @Test
    void deepJsonInABackupRequestIsA400() throws Exception {
        HttpResponse<String> r = api.send("POST", "/api/admin/backup", "application/json", "[".repeat(10_000), "Authorization", AUTH);
        assertTrue(ApiFixture.problem(r, 400).path("detail").asText().contains("nested too deeply"), r.body());
    }

    // --- header size --------------------------------------------------------------------------------------------

    @Test
    void headersOverTheBoundAreA431Problem() throws Exception {
        String request = "GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(ApiServer.MAX_HEADER_BYTES + 1024)
                + "\r\nConnection: close\r\n\r\n";
        String response = exchange(request);
        assertTrue(response.startsWith("HTTP/1.1 431"), head(response));
        assertTrue(response.contains("application/problem+json"), head(response));
        assertTrue(response.contains("\"status\":431"), head(response));
    }

    @Test
    void headersWithinTheBoundAreServed() throws Exception {
        HttpResponse<String> r = api.get("/api/health", "X-Big", "x".repeat(16 * 1024));
        assertEquals(200, r.statusCode(), r.body());
    }

    // --- requests Jetty refuses itself -------------------------------------------------------------------------

    /**
     * Found by ApiFuzzTest: Jetty answers a request it cannot route (an encoded NUL in the path) and closes the
     * connection; without {@code Connection: close} in that answer, a keep-alive client's next request on the same
     * connection got no answer at all ("header parser received no bytes").
     */
    @Test
    void refusedRequestsSayTheConnectionCloses() throws Exception {
        String response = exchange("PUT /api/articles/%00 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400"), head(response));
        assertTrue(response.lines().anyMatch(l -> l.equalsIgnoreCase("Connection: close")), head(response));
        for (int i = 0; i < 10; i++) {
            ApiFixture.problem(api.send("PUT", "/api/articles/%00", "application/json", "{}", "Authorization", AUTH), 400);
            HttpResponse<String> next = api.send("POST", "/api/articles", "text/plain", "", "Authorization", AUTH);
            ApiFixture.problem(next, 400);
        }
    }

    /**
     * Found by ApiFuzzTest: a PUT with a bad id was refused before its body was read, so the connection could be
     * closed while the client was still sending, and the client saw "no bytes" instead of the 400.
     */
    @Test
    void aRefusedIdIsAnsweredEvenWithABodyInFlight() throws Exception {
        String body = "{\"text\":\"" + "Le zorbaxium. ".repeat(2_000) + "\"}";
        try (Socket s = new Socket("localhost", api.server.port())) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write(("PUT /api/articles/a%20b HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + AUTH
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            Thread.sleep(300); // the server sees the headers, and the bad id, before the body
            s.getOutputStream().write((body + "GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            String answers = readUntilClosed(s.getInputStream());
            assertTrue(answers.startsWith("HTTP/1.1 400"), head(answers));
            assertTrue(answers.contains("\"status\":\"ok\""), "the connection carried on to the next request: " + head(answers));
        }
    }

    // --- stalled and slow clients -------------------------------------------------------------------------------

    @Test
    void aClientStalledInItsHeadersIsDisconnectedWhileOthersAreServed() throws Exception {
        try (Socket stalled = new Socket("localhost", api.server.port())) {
            stalled.setSoTimeout(15_000);
            long start = System.nanoTime();
            stalled.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Half".getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            for (int i = 0; i < 5; i++) assertEquals(200, api.get("/api/health").statusCode());
            String answer = readUntilClosed(stalled.getInputStream());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408") || answer.startsWith("HTTP/1.1 400"), head(answer));
            assertTrue(seconds >= IDLE.toMillis() / 1000.0 * 0.8 && seconds < 10, "closed after " + seconds + " s");
        }
    }

    @Test
    void aClientStalledInItsBodyIsDisconnectedWhileOthersAreServed() throws Exception {
        try (Socket stalled = new Socket("localhost", api.server.port())) {
            stalled.setSoTimeout(15_000);
            long start = System.nanoTime();
            stalled.getOutputStream().write(("PUT /api/articles/stalled HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + AUTH
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nLe zorbaxium").getBytes(StandardCharsets.UTF_8));
            stalled.getOutputStream().flush();
            for (int i = 0; i < 5; i++) assertEquals(200, api.get("/api/health").statusCode());
            String answer = readUntilClosed(stalled.getInputStream());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408") || answer.startsWith("HTTP/1.1 400"), head(answer));
            assertTrue(seconds >= IDLE.toMillis() / 1000.0 * 0.8 && seconds < 10, "closed after " + seconds + " s");
        }
        assertEquals(404, api.get("/api/articles/stalled").statusCode(), "half a body writes nothing");
    }

    @Test
    void manyStalledClientsDoNotTieUpTheServer() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket("localhost", api.server.port());
                s.getOutputStream().write(("GET /api/search?q=zorbaxium HTTP/1.1\r\nHost: localhost\r\n").getBytes(StandardCharsets.US_ASCII));
                stalled.add(s);
            }
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                assertEquals(200, api.get("/api/search?q=zorbaxium").statusCode());
                assertTrue((System.nanoTime() - start) / 1e9 < 5, "a normal request waited behind stalled ones");
            }
            for (Socket s : stalled) {
                s.setSoTimeout(15_000);
                readUntilClosed(s.getInputStream());
            }
        } finally {
            for (Socket s : stalled) s.close();
        }
    }

    // --- paging ------------------------------------------------------------------------------------------------

    /** Found by UserQueryFuzzTest: (page - 1) * size overflowed an int, and passed the depth check as a negative. */
    @Test
    void pagesWhoseOffsetOverflowsAreA400() throws Exception {
        for (String paging : List.of("page=1431655766&size=3", "page=113025456&size=19", "page=1073741825&size=4",
                "page=2147483647&size=2", "page=2147483647&size=100")) {
            for (String endpoint : List.of("/api/search?q=zorbaxium&", "/api/search?", "/api/quotes?q=zorbaxium&")) {
                HttpResponse<String> r = api.get(endpoint + paging);
                JsonNode problem = ApiFixture.problem(r, 400);
                assertTrue(problem.path("detail").asText().contains("next_cursor"), endpoint + paging + " -> " + r.body());
            }
        }
    }

    // --- ids cannot reach outside the index ----------------------------------------------------------------------

    private static final String ESCAPE = "verbatim-escape-" + Long.toHexString(System.nanoTime());
    private static final List<String> TRAVERSALS = List.of(
            "..%2F..%2Fetc%2Fpasswd", "..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "..%5C..%5Cetc%5Cpasswd", "..%252F..%252Fetc%252Fpasswd", "%2E%2E", "..", ".", "..%00", "%00",
            "..%2F..%2F" + ESCAPE, "%2e%2e%2f%2e%2e%2f" + ESCAPE, "..%5C..%5C" + ESCAPE, "..%252F..%252F" + ESCAPE,
            "..%C0%AF..%C0%AF" + ESCAPE, "%2F" + ESCAPE, "%2Ftmp%2F" + ESCAPE);

    @Test
    void idsCannotReachOutsideTheIndex() throws Exception {
        int before = api.index.count();
        for (String id : TRAVERSALS) {
            for (String path : List.of("/api/articles/" + id, "/api/articles/" + id + "/similar")) {
                HttpResponse<String> r = api.get(path);
                assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode() + " " + r.body());
                assertTrue(!r.body().contains("root:"), path + " -> " + r.body());
            }
            HttpResponse<String> put = api.send("PUT", "/api/articles/" + id, "text/plain", "Le zorbaxium s'échappe de l'index.",
                    "Authorization", AUTH);
            assertTrue(put.statusCode() == 400 || put.statusCode() == 404 || put.statusCode() == 405,
                    "PUT " + id + " -> " + put.statusCode() + " " + put.body());
            HttpResponse<String> delete = api.send("DELETE", "/api/articles/" + id, null, null, "Authorization", AUTH);
            assertTrue(delete.statusCode() == 400 || delete.statusCode() == 404 || delete.statusCode() == 405,
                    "DELETE " + id + " -> " + delete.statusCode() + " " + delete.body());
        }
        // Unencoded dot segments, as a raw client sends them.
        for (String path : List.of("/api/articles/../../../../etc/passwd", "/api/articles/..\\..\\etc\\passwd",
                "/api/articles/./../../" + ESCAPE)) {
            String response = exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400") || response.startsWith("HTTP/1.1 404"), path + " -> " + head(response));
            assertTrue(!response.contains("root:"), head(response));
        }
        assertEquals(before, api.index.count(), "nothing was written");
        for (Path where : List.of(home, home.getParent(), Path.of(System.getProperty("java.io.tmpdir")),
                Path.of("").toAbsolutePath(), Path.of("/tmp"))) {
            try (var files = java.nio.file.Files.walk(where, 4)) {
                assertTrue(files.noneMatch(f -> f.getFileName() != null && f.getFileName().toString().contains(ESCAPE)),
                        "a file named after a request appeared under " + where);
            } catch (java.io.UncheckedIOException unreadable) {
                // a folder we may not read (another process's temp files): nothing of ours can be there either
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private String exchange(String request) throws IOException {
        try (Socket s = new Socket("localhost", api.server.port())) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return readUntilClosed(s.getInputStream());
        }
    }

    /** Everything the server sends until it closes the connection; fails if it does not within the socket timeout. */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) out.write(buffer, 0, n);
        } catch (SocketTimeoutException e) {
            fail("the server kept the connection open; it sent: " + head(out.toString(StandardCharsets.UTF_8)));
        } catch (java.net.SocketException reset) {
            // closed with unread input: a reset, still a close
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String head(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
