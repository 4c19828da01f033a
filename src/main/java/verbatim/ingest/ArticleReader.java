package verbatim.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads articles from files and records: HTML pages, plain-text extractions, and JSON Lines
 * (optionally gzipped). Everything it cannot use becomes a {@link Problem}; nothing is thrown for bad input.
 *
 * <pre>{@code
 * ArticleReader reader = new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES);
 * reader.read(Path.of("corpus/pages/a.html"), "pages/a.html", sink);
 * }</pre>
 */
public final class ArticleReader {

    /** Files (and single JSONL records) above this size are skipped: 20 MB. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    /** Receives what reading produces, in file order. */
    public interface Sink {
        void article(Article article);

        void problem(Problem problem);

        /** How far into a large file reading has got, in bytes of the file; for progress bars. */
        default void progress(long fileBytesRead) {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBytes;
    private final HtmlCleaner htmlCleaner = new HtmlCleaner();
    private final TextCleaner textCleaner = new TextCleaner();

    public ArticleReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The kinds of file this reader understands, by name. */
    public static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".txt")
                || name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
    }

    /**
     * Reads one file. {@code source} names it in ids and reports: a corpus-relative path when the
     * file is part of a corpus, or the path as the user gave it.
     */
    public void read(Path file, String source, Sink sink) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
                readJsonLines(file, source, name.endsWith(".gz"), sink);
                return;
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                sink.problem(new Problem(source, "file is " + size + " bytes, over the limit of " + maxBytes));
                return;
            }
            if (size == 0) {
                sink.problem(new Problem(source, "empty file"));
                return;
            }
            boolean html = name.endsWith(".html") || name.endsWith(".htm");
            String content = TextDecoder.decode(Files.readAllBytes(file), html);
            Article article = html ? fromHtml(content, null, source) : fromText(content, source);
            if (article.text().isBlank()) {
                sink.problem(new Problem(source, "no article text found"));
            } else {
                deliver(sink, article);
            }
        } catch (SinkFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (TextDecoder.NotTextException e) {
            sink.problem(new Problem(source, e.getMessage()));
        } catch (IOException | RuntimeException e) {
            sink.problem(new Problem(source, "cannot read: " + describe(e)));
        }
    }

    /** An article from an HTML page; {@code url} (may be null) is where it was fetched from. */
    public Article fromHtml(String html, String url, String source) {
        CleanedPage page = htmlCleaner.clean(html, url);
        String canonical = page.url() != null ? page.url() : url;
        String id = canonical != null ? Ids.fromUrl(canonical) : Ids.fromPath(source);
        return toArticle(id, source, canonical, page);
    }

    /** An article from text already pulled out of a page (first line: the title, when it looks like one). */
    public Article fromText(String text, String source) {
        CleanedPage page = textCleaner.clean(text);
        return toArticle(Ids.fromPath(source), source, page.url(), page);
    }

    /**
     * An article from a JSON record: {@code id}, {@code url}, {@code title}, {@code text} or {@code html},
     * {@code date}, {@code author}, {@code site}, {@code tags}, {@code lang}. The record's own fields win over
     * what cleaning its HTML finds.
     *
     * @throws IllegalArgumentException when the record has no usable text, naming what is missing
     */
    public Article fromJson(JsonNode record, String source) {
        if (!record.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, found " + record.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String url = string(record, "url");
        CleanedPage page;
        if (string(record, "text") != null) {
            page = new CleanedPage(null, null, null, null, null, null, null, normaliseText(string(record, "text")));
        } else if (string(record, "html") != null) {
            page = htmlCleaner.clean(string(record, "html"), url);
        } else {
            throw new IllegalArgumentException("record has neither \"text\" nor \"html\"");
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagNode = record.get("tags");
        if (tagNode != null && tagNode.isArray()) {
            tagNode.forEach(t -> {
                if (t.isTextual() && !t.asText().isBlank()) tags.add(t.asText().strip());
            });
        } else if (tagNode != null && tagNode.isTextual() && !tagNode.asText().isBlank()) {
            tags.add(tagNode.asText().strip());
        }
        CleanedPage merged = new CleanedPage(
                first(title(record), page.title()),
                first(string(record, "author"), page.author()),
                firstDay(Dates.parse(string(record, "date")), page.date()),
                first(string(record, "site"), page.site()),
                first(url, page.url()),
                tags.isEmpty() ? page.tags() : tags,
                first(string(record, "lang"), page.lang()),
                page.text());
        String id = string(record, "id") != null ? Ids.safe(string(record, "id"))
                : merged.url() != null ? Ids.fromUrl(merged.url()) : Ids.fromPath(source);
        Article article = toArticle(id, source, merged.url(), merged);
        if (article.text().isBlank()) {
            throw new IllegalArgumentException("record has no article text");
        }
        return article;
    }

    private void readJsonLines(Path file, String source, boolean gzipped, Sink sink) throws IOException {
        long[] position = {0};
        try (InputStream raw = new FilterInputStream(Files.newInputStream(file)) {
                 @Override
                 public int read(byte[] b, int off, int len) throws IOException {
                     int n = super.read(b, off, len);
                     if (n > 0) position[0] += n;
                     return n;
                 }
             };
             InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE)
                     .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (number % 1000 == 0) sink.progress(position[0]);
                if (line.isBlank()) continue;
                String where = source + ":" + number;
                if (line.length() > maxBytes) {
                    sink.problem(new Problem(where, "record is over the limit of " + maxBytes + " bytes"));
                    continue;
                }
                try {
                    deliver(sink, fromJson(JSON.readTree(line), source));
                } catch (JsonProcessingException e) {
                    sink.problem(new Problem(where, "malformed JSON: " + e.getOriginalMessage()));
                } catch (IllegalArgumentException e) {
                    sink.problem(new Problem(where, e.getMessage()));
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            sink.problem(new Problem(source, "corrupt gzip data: " + describe(e) + " (records before it were read)"));
        }
    }

    /** A failure of the sink (the index, say) is the caller's, not the input's: it must not be reported as bad input. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private static void deliver(Sink sink, Article article) {
        try {
            sink.article(article);
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    private static Article toArticle(String id, String source, String url, CleanedPage page) {
        String site = page.site() != null ? page.site() : hostOf(url);
        String lang = page.lang() != null ? page.lang() : Languages.guess(page.text());
        return new Article(id, source, url, PageMetadata.blankToNull(page.title()), PageMetadata.blankToNull(page.author()), page.date(),
                site, page.tags(), lang, page.text());
    }

    /**
     * Records carry text with runs of spaces, tabs and carriage returns, and up to any number of
     * blank lines; keep the paragraphs and drop the noise. Invisible characters go too: a soft hyphen or a zero-width
     * space inside a word ("Ma\u00ADcron") would otherwise split or hide it from search and from the name finder, as
     * {@link TextCleaner} and the HTML cleaner already ensure for their inputs. One pass: this runs on every record.
     */
    static String normaliseText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                newlines++;
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
                space = true;
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                continue;
            } else {
                if (out.length() > 0) {
                    if (newlines > 0) out.append(newlines == 1 ? "\n" : "\n\n");
                    else if (space) out.append(' ');
                }
                newlines = 0;
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    static String hostOf(String url) {
        if (url == null) return null;
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String title(JsonNode record) {
        String title = string(record, "title");
        return title == null ? null : normaliseText(title).replace('\n', ' ');
    }

    private static String string(JsonNode record, String field) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static LocalDate firstDay(LocalDate a, LocalDate b) {
        return a != null ? a : b;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
