package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.ArticleIndex;
import verbatim.index.Backups;
import verbatim.index.CorpusIndexer;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;
import verbatim.ingest.Ids;
import verbatim.ingest.TextDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Writes: authenticated, cleaned and analysed like corpus files, durable before they are acknowledged. */
final class ArticleWrites {
    private final ArticleIndex index;
    private final ServerConfig config;
    private final ArticleReader reader;
    private final ArticleAnalysis analysis = new ArticleAnalysis();
    /**
     * Every write goes through it: concurrent writes share commits, and only its thread writes to the index, so
     * the writer reset that follows a disk failure cannot throw away another request's acknowledged write.
     */
    private final GroupCommit commits;

    ArticleWrites(ArticleIndex index, ServerConfig config) {
        this.index = index;
        this.config = config;
        this.reader = new ArticleReader(config.maxBodyBytes());
        this.commits = new GroupCommit(index, config.commitInterval());
    }

    GroupCommit commits() {
        return commits;
    }

    /** Answers the writes still waiting for a commit, then stops taking writes. */
    void close() {
        commits.close();
    }

    void create(Context ctx) throws IOException {
        authorize(ctx);
        Article article = read(ctx, null);
        save(article);
        ctx.status(201).header("Location", "/api/articles/" + article.id()).json(Map.of("id", article.id()));
    }

    void replace(Context ctx) throws IOException {
        authorize(ctx);
        String id = ctx.pathParam("id");
        if (!Ids.safe(id).equals(id)) {
            discardBody(ctx);
            throw ApiException.badRequest("ids hold only letters, digits, '.', '_' and '-'");
        }
        Article article = read(ctx, id);
        boolean replaced = save(article);
        ctx.status(replaced ? 200 : 201).json(Map.of("id", article.id()));
    }

    void delete(Context ctx) throws IOException {
        authorize(ctx);
        String id = ctx.pathParam("id");
        // Checked in commit order: of two DELETEs of one article, only the first answers 204.
        if (commits.delete(id) == GroupCommit.Outcome.NOT_FOUND) {
            throw ApiException.notFound("no article with id '" + SearchParams.abbreviate(id) + "'");
        }
        ctx.status(204);
    }

    /** Backup names: one folder under the backup root, no separators, no dot-dot. */
    private static final Pattern CHARSET_PARAM = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final Pattern BACKUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("'backup-'yyyyMMdd-HHmmss'Z'");

    /** A consistent copy of the last commit into a new folder under the backup root, while serving and writing go on. */
    void backup(Context ctx) throws IOException {
        authorize(ctx);
        Path root = config.backupRoot();
        if (root == null) throw new ApiException(403, "backups are disabled: start the server with --backup-root DIR (env VERBATIM_BACKUP_ROOT)");
        String name = ctx.queryParam("dir");
        if (name == null && ctx.contentType() != null && ctx.contentType().startsWith("application/json") && !ctx.body().isBlank()) {
            JsonNode body;
            body = ApiServer.readJson(ctx.body());
            if (body != null && body.hasNonNull("dir")) name = body.get("dir").asText();
        }
        if (name == null || name.isBlank()) name = BACKUP_STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        if (!BACKUP_NAME.matcher(name).matches() || name.contains("..")) {
            throw ApiException.badRequest("dir names one new folder under the backup root: letters, digits, '.', '_' and '-', "
                    + "no '/' and no '..'");
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) throw ApiException.badRequest("dir must stay under the backup root");
        if (Files.exists(target)) {
            try (Stream<Path> files = Files.list(target)) {
                if (files.findAny().isPresent()) throw new ApiException(409, "backup folder '" + name + "' already exists: choose a new name");
            }
        }
        long start = System.nanoTime();
        Backups.Manifest m = index.backup(target);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dir", name);
        body.put("path", target.toString());
        body.put("generation", m.generation());
        body.put("articles", m.articles());
        body.put("quotes", m.quotes());
        body.put("files", m.files().size());
        body.put("bytes", m.bytes());
        body.put("millis", (System.nanoTime() - start) / 1_000_000);
        ctx.status(201).json(body);
    }

    /** Saves and commits the article (acknowledged means durable); true when it replaced one with the same id. */
    private boolean save(Article article) throws IOException {
        AnalysedArticle analysed = analysis.analyse(article); // the slow part, on the request's own thread
        return commits.upsert(analysed) == GroupCommit.Outcome.REPLACED;
    }

    private Article read(Context ctx, String id) throws IOException {
        // The raw header: Jetty's parsed content type throws on an unknown charset before we could say which.
        String header = ctx.header("Content-Type");
        String type = header == null ? "" : header.toLowerCase(Locale.ROOT);
        // Read through a limit: the stream bypasses the limit Javalin applies to ctx.body().
        long limit = config.maxBodyBytes();
        if (ctx.contentLength() > limit) throw tooLarge(limit);
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
        }
        if (bytes.length > limit) throw tooLarge(limit);
        String body = text(bytes, type);
        if (body.isBlank()) throw ApiException.badRequest("the request body is empty");
        String url = ctx.queryParam("url");
        Article article;
        if (type.startsWith("application/json")) {
            JsonNode record = ApiServer.readJson(body);
            if (record == null || !record.isObject()) throw ApiException.badRequest("body must be a JSON object");
            if (id != null) ((com.fasterxml.jackson.databind.node.ObjectNode) record).put("id", id);
            article = reader.fromJson(record, CorpusIndexer.API_SOURCE);
        } else if (type.startsWith("text/html")) {
            article = reader.fromHtml(body, url, CorpusIndexer.API_SOURCE);
        } else if (type.startsWith("text/plain")) {
            article = reader.fromText(body, CorpusIndexer.API_SOURCE);
        } else {
            throw new ApiException(415, "send application/json, text/html or text/plain, not '" + SearchParams.abbreviate(type) + "'");
        }
        if (article.text().isBlank()) throw ApiException.badRequest("no article text found in the body");
        // Without an id or a URL, the reader can only name the article after its source.
        String finalId = id != null ? id : article.id().equals(Ids.fromPath(CorpusIndexer.API_SOURCE)) ? contentId(article) : article.id();
        return new Article(finalId, CorpusIndexer.API_SOURCE, article.url() != null ? article.url() : url, article.title(),
                article.author(), article.date(), article.site(), article.tags(), article.lang(), article.text());
    }

    /**
     * Decodes a body as a corpus file is decoded (Windows-1252 French without a charset keeps its accents; binary
     * is refused), except that a charset the Content-Type names is believed.
     */
    private static String text(byte[] bytes, String type) {
        Matcher charset = CHARSET_PARAM.matcher(type);
        String declared = charset.find() ? charset.group(1) : null;
        try {
            return TextDecoder.decode(bytes, type.startsWith("text/html"), declared);
        } catch (TextDecoder.NotTextException e) {
            throw ApiException.badRequest("the body is " + e.getMessage());
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new ApiException(415, "unknown charset '" + SearchParams.abbreviate(declared) + "' in the Content-Type");
        }
    }

    /**
     * Reads and drops a body (up to the limit) before an early error: answered while the client is still sending,
     * the connection would be closed under it, and a client that does not wait for 100 Continue would see a
     * reset rather than the error.
     */
    private void discardBody(Context ctx) throws IOException {
        long limit = config.maxBodyBytes();
        if (ctx.contentLength() > limit) return; // the 413 case: closing is the answer
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] sink = new byte[8192];
            long total = 0;
            int n;
            while (total <= limit && (n = in.read(sink)) >= 0) total += n;
        }
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "the body is larger than " + limit + " bytes, the most this server accepts");
    }

    /** An article posted with neither id nor URL is named by its content: posting it twice updates it. */
    private static String contentId(Article a) {
        return "a" + a.contentHash().substring(0, 20);
    }

    private void authorize(Context ctx) {
        if (!config.writesEnabled()) {
            throw new ApiException(403, "writes are disabled: start the server with VERBATIM_ADMIN_KEY set "
                    + "(or --admin-key) and send 'Authorization: Bearer <key>'");
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        // Constant time: the comparison must not tell an attacker how much of the key is right.
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), config.adminKey().getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "a valid 'Authorization: Bearer <admin key>' header is needed to write");
        }
    }
}
