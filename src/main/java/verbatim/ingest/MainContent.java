package verbatim.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article in a parsed page and renders it as blocks of plain text.
 *
 * <p>Three passes, each linear in the size of the tree: prune what is never article text (scripts,
 * hidden nodes, navigation, widgets named as such), choose the content root (a declared article body
 * when the page has one, else the best block by a Readability-style text/link-density score), then
 * render the root block by block and drop blocks that read as furniture (share labels, comment
 * forms, related-post lists, bylines, captions).
 */
final class MainContent {

    private MainContent() {
    }

    private static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template", "iframe", "svg",
            "canvas", "object", "embed", "button", "input", "select", "textarea", "option", "label", "nav", "aside",
            "menu", "dialog", "figcaption", "video", "audio", "picture", "img", "map", "link", "meta", "head", "math");
    private static final Set<String> DROP_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary", "dialog",
            "alertdialog", "search", "menu", "menubar", "toolbar", "tablist", "button");
    static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header", "footer", "h1", "h2",
            "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tbody", "thead",
            "tr", "figure", "address", "hr", "center", "details", "summary", "body", "form", "fieldset", "hgroup");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote", "h2", "h3", "h4", "h5",
            "h6", "li", "dd");

    /** Text and link counts of one element's subtree, in non-blank characters. */
    static final class Stats {
        int chars;
        int linkChars;
        int commas;
        double score;
        boolean scored;

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    /** The article text of {@code doc}; {@code title} is dropped where the page repeats it. */
    static String extract(Document doc, String title) {
        Element body = doc.body();
        if (body == null) {
            return "";
        }
        pruneHard(body);
        Map<Element, Stats> stats = measure(body);
        Set<Element> keep = protectedElements(body, stats);
        pruneByName(body, stats, keep);
        stats = measure(body);

        List<Element> roots = chooseRoots(body, stats);
        List<Block> blocks = Blocks.render(roots);
        String text = Blocks.clean(blocks, title);
        if (text.isEmpty() && !(roots.size() == 1 && roots.get(0) == body)) {
            text = Blocks.clean(Blocks.render(List.of(body)), title);
        }
        return text;
    }

    // ---- pass 1: prune -----------------------------------------------------------------------

    private static void pruneHard(Element body) {
        body.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment || node instanceof DataNode) {
                    return FilterResult.REMOVE;
                }
                if (!(node instanceof Element e) || depth == 0) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (DROP_TAGS.contains(tag) || isHidden(e)) {
                    return FilterResult.REMOVE;
                }
                String role = e.attr("role");
                if (!role.isEmpty() && DROP_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
                    return FilterResult.REMOVE;
                }
                return FilterResult.CONTINUE;
            }
        });
    }

    private static boolean isHidden(Element e) {
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden")) && !e.normalName().equals("body")) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty()) {
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            if (s.contains("display:none") || s.contains("visibility:hidden")) {
                return true;
            }
        }
        return (flags(e) & HIDDEN) != 0;
    }

    private static final int STRONG = 1;
    private static final int WEAK = 2;
    private static final int POSITIVE = 4;
    private static final int BODY = 8;
    private static final int HIDDEN = 16;
    private static final int COMMENT = 32;
    // Class names repeat across elements and across a site's pages; regexes per element were the hot spot.
    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> FLAGS = new java.util.concurrent.ConcurrentHashMap<>();

    static int flags(Element e) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return 0;
        }
        String key = cls + '\u0001' + id;
        Integer cached = FLAGS.get(key);
        if (cached != null) {
            return cached;
        }
        String lowCls = cls.toLowerCase(Locale.ROOT);
        String names = (cls + " " + id).toLowerCase(Locale.ROOT).strip();
        int f = 0;
        f |= Furniture.STRONG_NEGATIVE_CLASS.matcher(names).find() ? STRONG : 0;
        f |= Furniture.WEAK_NEGATIVE_CLASS.matcher(names).find() ? WEAK : 0;
        f |= Furniture.POSITIVE_CLASS.matcher(names).find() ? POSITIVE : 0;
        f |= Furniture.BODY_CLASS.matcher(lowCls).find() ? BODY : 0;
        f |= Furniture.HIDDEN_CLASS.matcher(lowCls).find() ? HIDDEN : 0;
        f |= names.contains("comment") ? COMMENT : 0;
        if (FLAGS.size() > 100_000) {
            FLAGS.clear();
        }
        FLAGS.put(key, f);
        return f;
    }

    /** Declared article bodies and their ancestors: never pruned for their class names. */
    private static Set<Element> protectedElements(Element body, Map<Element, Stats> stats) {
        Set<Element> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : body.getAllElements()) {
            if (isDeclaredBody(e) || e.normalName().equals("article") || e.normalName().equals("main")) {
                Stats s = stats.get(e);
                if (s == null || s.chars - s.linkChars < 150 || isStronglyNegative(e)) {
                    continue;
                }
                for (Element a = e; a != null && keep.add(a); a = a.parent()) {
                    // walk up until an ancestor is already marked
                }
            }
        }
        return keep;
    }

    private static void pruneByName(Element body, Map<Element, Stats> stats, Set<Element> keep) {
        Stats all = stats.get(body);
        int pageChars = all == null ? 0 : all.chars;
        body.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e) || depth == 0 || keep.contains(e)) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (tag.equals("a") || tag.equals("p") || tag.startsWith("h") && tag.length() == 2) {
                    return FilterResult.CONTINUE;
                }
                Stats s = stats.get(e);
                // A wrapper holding most of the page is the page, whatever its class says.
                boolean holdsPage = s != null && s.chars > 0.6 * pageChars && pageChars > 500;
                int f = flags(e);
                if (tag.equals("footer") || tag.equals("header") || tag.equals("form")) {
                    if (!holdsPage || isStronglyNegative(e)) {
                        return FilterResult.REMOVE;
                    }
                    return FilterResult.CONTINUE;
                }
                if ((f & STRONG) != 0) {
                    if (!holdsPage || (f & COMMENT) != 0) {
                        return FilterResult.REMOVE;
                    }
                } else if (!holdsPage && (f & WEAK) != 0 && (f & POSITIVE) == 0) {
                    return FilterResult.REMOVE;
                }
                return FilterResult.CONTINUE;
            }
        });
    }

    private static boolean isStronglyNegative(Element e) {
        return (flags(e) & STRONG) != 0;
    }

    static boolean isDeclaredBody(Element e) {
        String itemprop = e.attr("itemprop");
        if (!itemprop.isEmpty() && (itemprop.equalsIgnoreCase("articleBody") || itemprop.equalsIgnoreCase("text")
                && !e.normalName().equals("span"))) {
            return true;
        }
        return (flags(e) & BODY) != 0;
    }

    // ---- measuring ---------------------------------------------------------------------------

    /** Text, link text and commas per element, bottom-up in one traversal. */
    static Map<Element, Stats> measure(Element root) {
        Map<Element, Stats> out = new IdentityHashMap<>(1024);
        ArrayList<Stats> stack = new ArrayList<>();
        int[] linkDepth = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    Stats s = new Stats();
                    out.put(e, s);
                    stack.add(s);
                    if (e.normalName().equals("a")) {
                        linkDepth[0]++;
                    }
                } else if (node instanceof TextNode t && !stack.isEmpty()) {
                    String w = t.getWholeText();
                    int n = 0;
                    int commas = 0;
                    for (int i = 0; i < w.length(); i++) {
                        char c = w.charAt(i);
                        if (!Character.isWhitespace(c) && c != '\u00a0') {
                            n++;
                            if (c == ',') {
                                commas++;
                            }
                        }
                    }
                    Stats top = stack.get(stack.size() - 1);
                    top.chars += n;
                    top.commas += commas;
                    if (linkDepth[0] > 0) {
                        top.linkChars += n;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    Stats s = stack.remove(stack.size() - 1);
                    if (!stack.isEmpty()) {
                        Stats parent = stack.get(stack.size() - 1);
                        parent.chars += s.chars;
                        parent.linkChars += s.linkChars;
                        parent.commas += s.commas;
                    }
                    if (e.normalName().equals("a")) {
                        linkDepth[0]--;
                    }
                }
            }
        }, root);
        return out;
    }

    // ---- pass 2: choose the root --------------------------------------------------------------

    static List<Element> chooseRoots(Element body, Map<Element, Stats> stats) {
        Element declared = null;
        int declaredText = 0;
        Map<String, Integer> declaredClasses = new java.util.HashMap<>();
        Set<Element> teasers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Element> declaredAll = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (isDeclaredBody(e)) {
                declaredAll.add(e);
                declaredClasses.merge(e.className() + "|" + e.attr("itemprop"), 1, Integer::sum);
            }
        }
        for (Element e : declaredAll) {
            // The same "article body" class repeated many times is a list of teasers, not the article.
            if (declaredClasses.get(e.className() + "|" + e.attr("itemprop")) >= 3) {
                teasers.add(e);
                continue;
            }
            Stats s = stats.get(e);
            int own = s == null ? 0 : s.chars - s.linkChars;
            if (own > declaredText) {
                declared = e;
                declaredText = own;
            }
        }

        List<Element> scored = densityCandidate(body, stats, teasers);
        int scoredText = 0;
        for (Element e : scored) {
            Stats s = stats.get(e);
            scoredText += s == null ? 0 : s.chars - s.linkChars;
        }
        if (declared != null && declaredText >= 150 && declaredText >= 0.4 * scoredText) {
            return List.of(declared);
        }
        if (scored.isEmpty() || scoredText < 100) {
            return List.of(body);
        }
        return scored;
    }

    /** Readability-style scoring: paragraphs vote for their ancestors, discounted by link density. */
    private static List<Element> densityCandidate(Element body, Map<Element, Stats> stats, Set<Element> teasers) {
        List<Element> candidates = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            String tag = e.normalName();
            boolean paragraph = PARAGRAPH_TAGS.contains(tag) || tag.equals("div") && !hasBlockChild(e);
            if (!paragraph) {
                continue;
            }
            Stats s = stats.get(e);
            if (s == null || s.chars < 25) {
                continue;
            }
            double vote = 1 + s.commas + Math.min(s.chars / 100.0, 3);
            Element a = e.parent();
            for (int level = 0; a != null && level < 5; level++, a = a.parent()) {
                Stats as = stats.get(a);
                if (as == null) {
                    break;
                }
                if (!as.scored) {
                    as.scored = true;
                    as.score = baseScore(a, teasers.contains(a));
                    candidates.add(a);
                }
                as.score += vote / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        candidates.sort((x, y) -> Double.compare(finalScore(stats, y), finalScore(stats, x)));
        if (candidates.isEmpty() || finalScore(stats, candidates.get(0)) <= 0) {
            return List.of();
        }
        Element top = candidates.get(0);
        double best = finalScore(stats, top);
        // Page builders split one article over many sibling modules, each a good candidate on its own:
        // when several strong candidates share an ancestor, that ancestor is the article.
        List<Element> strong = new ArrayList<>();
        for (int i = 1; i < Math.min(6, candidates.size()); i++) {
            if (finalScore(stats, candidates.get(i)) >= 0.75 * best) {
                strong.add(candidates.get(i));
            }
        }
        if (strong.size() >= 2) {
            for (Element a = top.parent(); a != null && a != body; a = a.parent()) {
                int inside = 0;
                for (Element c : strong) {
                    if (isAncestor(a, c)) {
                        inside++;
                    }
                }
                if (inside >= 2) {
                    top = a;
                    break;
                }
            }
        }
        // Climb while the parent keeps most of the evidence, so lead and body in sibling wrappers stay together.
        double last = finalScore(stats, top);
        for (Element a = top.parent(); a != null && a != body; a = a.parent()) {
            Stats as = stats.get(a);
            if (as == null || !as.scored) {
                break;
            }
            double ps = finalScore(stats, a);
            if (ps < best / 3) {
                break;
            }
            if (ps > last) {
                top = a;
            }
            last = ps;
        }
        best = Math.max(best, finalScore(stats, top));
        Element parent = top.parent();
        if (parent == null || top == body) {
            return List.of(top);
        }
        // Articles split over sibling wrappers (lead, body, aside paragraphs) come back together here.
        double threshold = Math.max(10, best * 0.2);
        String topClass = top.className();
        List<Element> out = new ArrayList<>();
        for (Element sib : parent.children()) {
            if (sib == top) {
                out.add(sib);
                continue;
            }
            Stats s = stats.get(sib);
            if (s == null || s.chars == 0) {
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(sib.className()) ? best * 0.2 : 0;
            if (s.scored && finalScore(stats, sib) + bonus >= threshold) {
                out.add(sib);
            } else if (s.scored && s.chars >= 100 && s.linkDensity() < 0.2 && finalScore(stats, sib) > 0) {
                out.add(sib); // a lead or standfirst kept in its own wrapper next to the body
            } else if (sib.normalName().equals("p")) {
                double ld = s.linkDensity();
                if (s.chars > 80 && ld < 0.25 || s.chars <= 80 && ld == 0 && sib.text().matches("(?s).*\\.( |$).*")) {
                    out.add(sib);
                }
            }
        }
        return out;
    }

    private static double finalScore(Map<Element, Stats> stats, Element e) {
        Stats s = stats.get(e);
        return s == null ? 0 : s.score * (1 - s.linkDensity());
    }

    private static boolean isAncestor(Element a, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == a) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBlockChild(Element e) {
        for (Element c : e.children()) {
            if (BLOCK_TAGS.contains(c.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static double baseScore(Element e, boolean teaser) {
        double score = switch (e.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (e.normalName().equals("article")) {
            score += 10;
        }
        if (teaser) {
            return score - 25;
        }
        if (isDeclaredBody(e)) {
            score += 30;
        }
        int f = flags(e);
        if ((f & (STRONG | WEAK)) != 0) {
            score -= 25;
        }
        if ((f & POSITIVE) != 0) {
            score += 25;
        }
        return score;
    }
}
