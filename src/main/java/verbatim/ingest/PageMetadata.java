package verbatim.ingest;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself: title, author, date, site, canonical URL, tags and language.
 * Must run before {@link MainContent} prunes the tree, since JSON-LD lives in scripts and
 * category lines in the entry footer.
 */
final class PageMetadata {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
            "scholarlyarticle", "socialmediaposting", "liveblogposting", "posting", "report", "recipe", "webpage",
            "creativework", "review", "howto", "qapage", "discussionforumposting");

    private static final Pattern TITLE_SUFFIX = Pattern.compile("^(.{12,}?)\\s+(?:[|\\-–—»·•]|::)\\s+([^|\\-–—»·•]{2,60})$");
    private static final Pattern CATEGORY_LINE = Pattern.compile(
            "(?iu)^\\s*(?:cette entrée a été publiée dans|cet article a été publié dans|publié dans|classé dans|catégories?"
                    + "|categories|rubriques?|tags?|mots[- ]clés|étiquettes|posted in|filed under|tagged(?: with)?)\\b\\s*:?");
    private static final Pattern REL_TAG = Pattern.compile("(?i)(?:^|\\s)(?:tag|category)(?:$|\\s)");
    private static final Pattern REL_AUTHOR = Pattern.compile("(?i)(?:^|\\s)author(?:$|\\s)");
    private static final Set<String> NON_TAGS = Set.of("non classé", "uncategorized", "général", "general", "divers", "");

    String title;
    String author;
    LocalDate date;
    String site;
    String url;
    List<String> tags = List.of();
    String lang;

    /** The elements metadata comes from, gathered in one walk over the tree. */
    private static final class Scan {
        final Map<String, List<String>> meta = new HashMap<>();
        final List<Element> jsonLd = new ArrayList<>();
        final List<Element> tagLinks = new ArrayList<>();
        final List<Element> categoryLines = new ArrayList<>();
        Element canonical;
        Element h1;
        Element relAuthor;
        Element time;

        Scan(Document doc) {
            org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
                if (node instanceof Element e) {
                    element(e);
                } else if (node instanceof org.jsoup.nodes.TextNode t && categoryLines.size() < 10) {
                    String w = t.getWholeText();
                    if (w.length() < 200 && t.parent() instanceof Element p && CATEGORY_LINE.matcher(w).lookingAt()
                            && (categoryLines.isEmpty() || categoryLines.get(categoryLines.size() - 1) != p)) {
                        categoryLines.add(p);
                    }
                }
            }, doc);
        }

        private void element(Element e) {
            switch (e.normalName()) {
                case "meta" -> {
                    String key = e.hasAttr("property") ? e.attr("property")
                            : e.hasAttr("name") ? e.attr("name")
                            : e.hasAttr("itemprop") ? e.attr("itemprop")
                            : e.attr("http-equiv");
                    String value = e.attr("content").strip();
                    if (!key.isEmpty() && !value.isEmpty()) {
                        meta.computeIfAbsent(key.toLowerCase(Locale.ROOT).strip(), k -> new ArrayList<>(2)).add(value);
                    }
                }
                case "script" -> {
                    if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                        jsonLd.add(e);
                    }
                }
                case "link" -> {
                    String rel = e.attr("rel").toLowerCase(Locale.ROOT);
                    if (canonical == null && rel.equals("canonical")) {
                        canonical = e;
                    } else if (relAuthor == null && rel.equals("author") && e.hasAttr("title")) {
                        relAuthor = e;
                    }
                }
                case "a" -> {
                    String rel = e.attr("rel");
                    if (!rel.isEmpty()) {
                        if (REL_TAG.matcher(rel).find()) {
                            tagLinks.add(e);
                        } else if (relAuthor == null && REL_AUTHOR.matcher(rel).find()) {
                            relAuthor = e;
                        }
                    }
                }
                case "h1" -> h1 = h1 == null ? e : h1;
                case "time" -> time = time == null && e.hasAttr("datetime") ? e : time;
                default -> {
                }
            }
        }
    }

    static PageMetadata read(Document doc, String baseUri) {
        PageMetadata m = new PageMetadata();
        Scan scan = new Scan(doc);
        Map<String, List<String>> meta = scan.meta;
        JsonNode ld = jsonLdArticle(scan.jsonLd);

        m.lang = language(doc, meta);
        m.url = firstNonBlank(absolute(scan.canonical, "href"), first(meta, "og:url"), blankToNull(baseUri));
        m.site = firstNonBlank(first(meta, "og:site_name"), ArticleReader.hostOf(m.url), ArticleReader.hostOf(baseUri));

        String h1 = scan.h1 == null ? null : blankToNull(scan.h1.text());
        String titleTag = blankToNull(doc.title());
        m.title = firstNonBlank(stripSiteSuffix(first(meta, "og:title"), m.site, false),
                stripSiteSuffix(text(ld, "headline"), m.site, false), h1, stripSiteSuffix(titleTag, m.site, true),
                stripSiteSuffix(first(meta, "twitter:title"), m.site, false));

        Element relAuthor = scan.relAuthor;
        m.author = firstNonBlank(notUrl(first(meta, "author")), notUrl(first(meta, "article:author")),
                ld == null ? null : authorName(ld.get("author")), notUrl(first(meta, "dc.creator")),
                notUrl(first(meta, "parsely-author")), notUrl(first(meta, "sailthru.author")),
                relAuthor == null ? null : blankToNull(relAuthor.hasText() ? relAuthor.text() : relAuthor.attr("title")));

        m.date = firstDate(first(meta, "article:published_time"), text(ld, "datePublished"),
                first(meta, "datepublished"), scan.time == null ? null : scan.time.attr("datetime"),
                first(meta, "date"), first(meta, "dc.date"), first(meta, "dc.date.issued"), first(meta, "dcterms.created"),
                first(meta, "pubdate"), first(meta, "publish-date"), first(meta, "publishdate"),
                first(meta, "sailthru.date"), first(meta, "og:published_time"), text(ld, "dateCreated"),
                first(meta, "article:modified_time"), text(ld, "dateModified"));

        m.tags = tags(scan, ld);
        return m;
    }

    private static String first(Map<String, List<String>> meta, String key) {
        List<String> values = meta.get(key);
        return values == null ? null : blankToNull(values.get(0));
    }

    // ---- JSON-LD ---------------------------------------------------------------------------

    /** The page's article object, or its first object with a headline; null when there is none or it is broken. */
    private static JsonNode jsonLdArticle(List<Element> scripts) {
        JsonNode fallback = null;
        for (Element script : scripts) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (Exception | StackOverflowError broken) {
                continue; // publishers ship broken JSON-LD often enough; the page still has meta tags
            }
            List<JsonNode> objects = new ArrayList<>();
            flatten(root, objects, 0);
            for (JsonNode o : objects) {
                if (isArticleType(o.get("@type")) && (o.has("headline") || o.has("datePublished") || o.has("author"))) {
                    if (!typeIs(o.get("@type"), "webpage") || o.has("headline")) {
                        return o;
                    }
                }
                if (fallback == null && o.has("headline")) {
                    fallback = o;
                }
            }
        }
        return fallback;
    }

    private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                flatten(n, out, depth + 1);
            }
        } else if (node.isObject()) {
            out.add(node);
            flatten(node.get("@graph"), out, depth + 1);
            flatten(node.get("mainEntity"), out, depth + 1);
        }
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText("").toLowerCase(Locale.ROOT));
    }

    private static boolean typeIs(JsonNode type, String name) {
        return type != null && type.isTextual() && type.asText().equalsIgnoreCase(name);
    }

    private static String text(JsonNode o, String field) {
        if (o == null) {
            return null;
        }
        JsonNode v = o.get(field);
        if (v == null) {
            return null;
        }
        if (v.isArray() && !v.isEmpty()) {
            v = v.get(0);
        }
        return v.isValueNode() ? blankToNull(v.asText()) : null;
    }

    private static String authorName(JsonNode author) {
        if (author == null) {
            return null;
        }
        if (author.isTextual()) {
            return notUrl(blankToNull(author.asText()));
        }
        if (author.isObject()) {
            return notUrl(blankToNull(author.path("name").asText("")));
        }
        if (author.isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode a : author) {
                String n = authorName(a);
                if (n != null && !names.contains(n)) {
                    names.add(n);
                }
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return null;
    }

    // ---- tags ------------------------------------------------------------------------------

    private static List<String> tags(Scan scan, JsonNode ld) {
        Map<String, List<String>> meta = scan.meta;
        Map<String, String> tags = new LinkedHashMap<>(); // folded -> as written; first spelling wins
        for (String t : meta.getOrDefault("article:tag", List.of())) {
            for (String part : t.split(",")) {
                addTag(tags, part);
            }
        }
        for (Element a : scan.tagLinks) {
            addTag(tags, a.text());
        }
        if (ld != null) {
            JsonNode keywords = ld.get("keywords");
            if (keywords != null && keywords.isArray()) {
                keywords.forEach(k -> addTag(tags, k.asText("")));
            } else if (keywords != null && keywords.isTextual()) {
                for (String part : keywords.asText().split(",")) {
                    addTag(tags, part);
                }
            }
        }
        // "Cette entrée a été publiée dans : A, B" style lines, found by their own text.
        for (Element line : scan.categoryLines) {
            if (tags.size() > 50) {
                break;
            }
            Element holder = line.getElementsByTag("a").isEmpty() && line.parent() != null ? line.parent() : line;
            var links = holder.getElementsByTag("a");
            if (!links.isEmpty() && links.size() <= 30) {
                links.forEach(a -> addTag(tags, a.text()));
            } else if (links.isEmpty()) {
                String own = line.ownText();
                Matcher m = CATEGORY_LINE.matcher(own);
                if (m.find()) {
                    for (String part : own.substring(m.end()).split("[,;]")) {
                        addTag(tags, part);
                    }
                }
            }
        }
        return List.copyOf(tags.values());
    }

    private static void addTag(Map<String, String> tags, String raw) {
        if (raw == null) {
            return;
        }
        String t = raw.strip().replaceAll("\\s+", " ").replaceAll("^#", "");
        String key = t.toLowerCase(Locale.ROOT);
        if (t.length() > 80 || NON_TAGS.contains(key) || tags.size() >= 50) {
            return;
        }
        tags.putIfAbsent(key, t);
    }

    // ---- small parsers ---------------------------------------------------------------------

    private static String language(Document doc, Map<String, List<String>> meta) {
        Element html = doc.selectFirst("html");
        String code = html == null ? "" : html.attr("lang");
        if (code.isBlank() && html != null) {
            code = html.attr("xml:lang");
        }
        if (code.isBlank()) {
            code = firstNonBlank(first(meta, "og:locale"), first(meta, "content-language"), first(meta, "language"));
            if (code == null) {
                return null;
            }
        }
        code = code.strip().toLowerCase(Locale.ROOT);
        return code.length() >= 2 && Character.isLetter(code.charAt(0)) && Character.isLetter(code.charAt(1))
                && (code.length() == 2 || !Character.isLetter(code.charAt(2))) ? code.substring(0, 2) : null;
    }

    private static LocalDate firstDate(String... candidates) {
        for (String c : candidates) {
            LocalDate d = Dates.parse(c);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** Drops a trailing " | Site" when it names the site or is short enough to be a site name. */
    static String stripSiteSuffix(String title, String site, boolean shortSuffixIsSite) {
        if (title == null) {
            return null;
        }
        String t = title.strip().replaceAll("\\s+", " ");
        Matcher m = TITLE_SUFFIX.matcher(t);
        if (m.matches()) {
            String suffix = m.group(2).strip();
            String siteKey = site == null ? "" : site.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            boolean namesSite = !siteKey.isEmpty() && (siteKey.contains(suffix.toLowerCase(Locale.ROOT).replace(" ", ""))
                    || suffix.toLowerCase(Locale.ROOT).contains(siteKey));
            if (namesSite || (shortSuffixIsSite && suffix.split(" ").length <= 3)) {
                t = m.group(1).strip();
            }
        }
        return blankToNull(t);
    }

    private static String absolute(Element e, String attr) {
        if (e == null) {
            return null;
        }
        String abs = e.absUrl(attr);
        return blankToNull(abs.isEmpty() ? e.attr(attr) : abs);
    }

    private static String notUrl(String s) {
        return s == null || s.startsWith("http://") || s.startsWith("https://") || s.startsWith("/") ? null : s;
    }

    static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
