package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static verbatim.http.ApiFixture.enc;

/** Whatever is typed, the answer is results or a 400 that says why: never a 500. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryRobustnessTest {

    private ApiFixture api;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        api = ApiFixture.start(dir, ServerConfig.defaults());
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    static List<String> hostile() {
        List<String> q = new ArrayList<>(List.of(
                "\"", "\"unbalanced", "unbalanced\"", "\"\"", "\" \"", "-", "--", "-\"\"", "OR", "AND OR", "OR OR OR", "zorbaxium OR",
                "OR zorbaxium", "+", "|", "||", "&&", "!", "()", "(((", ")))", "(zorbaxium", "*", "**", "zorb*", "*axium", "~", "zorbaxium~",
                "zorbaxium~2", "\"zorbaxium industriel\"~", "\"zorbaxium industriel\"~99999999999", "\\", "\\\\", "zorbaxium\\",
                "^", "zorbaxium^10", "?", "{}", "[a TO z]", ":", "::", "speaker:", "speaker:\"", "speaker:\"\"", "title:", "title:\"",
                "title:\"zorbaxium", "-title:", "-speaker:x", "year:abc", "year:", "company:-", "tag:*", "site:\"a b",
                "unknownfield:value", "10:30", "a:b:c:d", "-zorbaxium", "-zorbaxium -luxe", "- - -",
                "le la les de du", "a", "à", "l'", "l’engagement", "aujourd'hui", "😀", "zorbaxium 😀", "👩‍💻", "\uD83D",
                "\u0000", "zorb\u0000axium", "\u0007\u0008\u001B[31m", "\t\n\r", "\u200B\u200D\uFEFF", "\u202Ezorbaxium",
                "'; DROP TABLE articles; --", "1' OR '1'='1", "\" OR 1=1 --", "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>", "%00", "%", "%%", "&amp;", "${jndi:ldap://x}", "{{7*7}}", "../../etc/passwd",
                "\u0130stanbul", "ǅ", "Ⅻ", "ﬁnance", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "日本語のテキスト", "مرحبا", "e\u0301ve\u0301nement",
                "x".repeat(2_000), "zorbaxium ".repeat(199), "\"".repeat(1_999), "(".repeat(1_000), "-".repeat(2_000),
                "OR ".repeat(600), "a b ".repeat(500)));
        q.add(IntStream.range(0, 400).mapToObj(i -> "mot" + i).collect(Collectors.joining(" ")));
        q.add(IntStream.range(0, 300).mapToObj(i -> "m" + i).collect(Collectors.joining(" OR ")));
        q.add(IntStream.range(0, 200).mapToObj(i -> "\"a" + i + " b" + i + "\"").collect(Collectors.joining(" ")));
        q.add(IntStream.range(0, 200).mapToObj(i -> "speaker:s" + i).collect(Collectors.joining(" ")));
        q.add("x".repeat(10_000));
        q.add("😀".repeat(5_000));
        q.add("€".repeat(10_000));
        q.add("é\u0000".repeat(5_000));
        q.add("zorbaxium ".repeat(1_000));
        return q;
    }

    private static String show(String q) {
        String printable = q.codePoints().mapToObj(c -> c < 32 ? String.format("\\u%04x", c) : Character.toString(c))
                .collect(Collectors.joining());
        return printable.length() > 60 ? printable.substring(0, 60) + "… (" + q.length() + " chars)" : printable;
    }

    private void assertAnswered(String path, String what) throws Exception {
        HttpResponse<String> r = api.get(path);
        if (r.statusCode() == 200) {
            JsonNode body = ApiFixture.JSON.readTree(r.body());
            assertTrue(body.get("hits").isArray(), what);
        } else if (r.statusCode() == 400) {
            ApiFixture.problem(r, 400);
        } else {
            fail(what + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    @Test
    void aTenThousandCharacterQueryIsA400ThatGivesTheLimit() throws Exception {
        HttpResponse<String> r = api.get("/api/search?q=" + enc("zorbaxium ".repeat(1_000)));
        JsonNode p = ApiFixture.problem(r, 400);
        assertTrue(p.get("detail").asText().contains("10000 characters"), p.toString());
    }

    @Test
    void aRequestTooLongForTheServerIsStillAProblem() throws Exception {
        // beyond what the server reads at all: Jetty answers, in the API's format
        HttpResponse<String> r = api.get("/api/search?q=" + "x".repeat(200_000));
        JsonNode p = ApiFixture.problem(r, 414);
        assertTrue(p.get("detail").asText().contains("KiB"), p.toString());
        HttpResponse<String> nul = api.get("/api/articles/a%00b");
        ApiFixture.problem(nul, nul.statusCode());
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void articleSearchNeverFails(String q) throws Exception {
        assertAnswered("/api/search?q=" + enc(q), "search " + show(q));
        assertAnswered("/api/search?sort=date&size=3&q=" + enc(q), "search by date " + show(q));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void quoteSearchNeverFails(String q) throws Exception {
        assertAnswered("/api/quotes?q=" + enc(q), "quotes " + show(q));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void filterValuesNeverFail(String v) throws Exception {
        for (String facet : List.of("speaker", "company", "tag", "site", "year")) {
            assertAnswered("/api/search?q=zorbaxium&" + facet + "=" + enc(v), facet + "=" + show(v));
        }
        if (v.length() <= 2_000) {
            assertAnswered("/api/search?q=zorbaxium&speaker=" + enc(v) + "&tag=" + enc(v) + "&year=" + enc(v), "filters " + show(v));
        }
        assertAnswered("/api/quotes?company=" + enc(v), "quote filter " + show(v));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void otherParametersNeverFail(String v) throws Exception {
        for (String p : List.of("cursor", "page", "size", "sort", "from", "to")) {
            assertAnswered("/api/search?q=zorbaxium&" + p + "=" + enc(v), p + "=" + show(v));
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void articleIdsNeverFail(String id) throws Exception {
        if (id.isEmpty()) return;
        HttpResponse<String> r = api.get("/api/articles/" + enc(id).replace("+", "%20"));
        assertTrue(r.statusCode() == 404 || r.statusCode() == 400, show(id) + " -> " + r.statusCode() + " " + r.body());
        ApiFixture.problem(r, r.statusCode());
    }
}
