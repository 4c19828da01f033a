package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.ArticleIndex;
import verbatim.index.CorpusIndexer;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;
import verbatim.search.LuceneSearch;
import verbatim.search.Search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real server on a free port over a real index: the bundled {@code corpus/} folder plus four
 * hand-written articles that share the made-up word {@code zorbaxium}, so counts over them can be
 * worked out by hand:
 *
 * <pre>
 * id         site           year  tags             speakers
 * zx-retail  alpha.example  2021  retail, marque   Jeanne Martin
 * zx-prix    alpha.example  2022  retail           Paul Durand
 * zx-luxe    beta.example   2022  luxe             Jeanne Martin, Paul Durand
 * zx-poison  beta.example   2023  securite         (none)
 * </pre>
 */
final class ApiFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_KEY = "s3cret-admin-key";

    static final List<Article> HAND_WRITTEN = List.of(
            article("zx-retail", "Le zorbaxium change le commerce", "alpha.example", "2021-03-01", List.of("retail", "marque"),
                    "Le zorbaxium industriel arrive dans les magasins. Chaque marque veut sa part du marché.\n\n"
                            + "« Le zorbaxium va transformer la distribution », explique Jeanne Martin, directrice de Mobilis."),
            article("zx-prix", "Le prix du zorbaxium", "alpha.example", "2022-05-10", List.of("retail"),
                    "Le prix du zorbaxium a doublé cette année dans les rayons.\n\n"
                            + "« Nous ne pouvons plus suivre la hausse du zorbaxium », affirme Paul Durand, directeur de Carrefix."),
            article("zx-luxe", "Zorbaxium et luxe", "beta.example", "2022-11-20", List.of("luxe"),
                    "Les maisons de luxe découvrent le zorbaxium.\n\n"
                            + "« Le zorbaxium est un matériau noble », explique Jeanne Martin, directrice de Mobilis.\n\n"
                            + "« Le zorbaxium coûte trop cher », répond Paul Durand, directeur de Carrefix."),
            article("zx-poison", "Zorbaxium piégé", "beta.example", "2023-01-15", List.of("securite"),
                    "Un lecteur a écrit <script>alert(1)</script> à côté du mot zorbaxium dans un commentaire. "
                            + "Un autre a tenté <img src=x onerror=alert(1)> avec du zorbaxium & des guillemets \"doubles\"."));

    final ArticleIndex index;
    final ApiServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AutoCloseable engine;

    private ApiFixture(ArticleIndex index, ApiServer server, AutoCloseable engine) {
        this.index = index;
        this.server = server;
        this.engine = engine;
    }

    /** Indexes the bundled corpus and the hand-written articles into {@code dir} and serves them. */
    static ApiFixture start(Path dir, ServerConfig config) throws IOException {
        LuceneArticleIndex index = LuceneArticleIndex.open(dir);
        return start(index, new LuceneSearch(index), config, () -> { });
    }

    /**
     * The same articles through another engine: {@code index} must be empty; {@code engine} is closed after
     * the server and the index (a connection, say).
     */
    static ApiFixture start(ArticleIndex index, Search search, ServerConfig config, AutoCloseable engine) throws IOException {
        CorpusIndexer.Summary summary = new CorpusIndexer(index, new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES),
                new CorpusIndexer.Listener() { }).sync(Path.of("corpus"), false);
        assertEquals(9, summary.indexed(), "the bundled corpus: five seed texts and four HTML pages " + summary);
        ArticleAnalysis analysis = new ArticleAnalysis();
        for (Article a : HAND_WRITTEN) index.upsert(analysis.analyse(a));
        index.commit();
        return new ApiFixture(index, ApiServer.start(index, search, config, 0), engine);
    }

    static ServerConfig withKey() {
        return new ServerConfig(ADMIN_KEY, List.of("*"), ServerConfig.DEFAULT_MAX_BODY_BYTES);
    }

    private static Article article(String id, String title, String site, String date, List<String> tags, String text) {
        return new Article(id, "hand/" + id, "https://" + site + "/" + id, title, "Rédaction", LocalDate.parse(date), site, tags, "fr", text);
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET that must answer 200 with JSON; returns the body. */
    JsonNode ok(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), pathAndQuery + " -> " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return JSON.readTree(r.body());
    }

    /** Asserts an RFC 9457 problem with this status and returns its body. */
    static JsonNode problem(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "content type of a " + status + ": " + r.headers().firstValue("Content-Type"));
        JsonNode body = JSON.readTree(r.body());
        assertEquals(status, body.path("status").asInt(), r.body());
        assertTrue(body.path("type").isTextual(), r.body());
        assertTrue(body.path("title").isTextual() && !body.path("title").asText().isBlank(), r.body());
        assertTrue(body.path("detail").isTextual() && !body.path("detail").asText().isBlank(), r.body());
        return body;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.stop();
        index.close();
        try {
            engine.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
