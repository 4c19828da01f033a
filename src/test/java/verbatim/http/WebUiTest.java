package verbatim.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import verbatim.analysis.ArticleAnalysis;
import verbatim.ingest.Article;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The widget and the search page in headless Chromium, against the real API over the bundled corpus
 * (see {@link ApiFixture}) plus an article whose title and text try to run script. The widget is
 * embedded in a "blog" served from another origin, with CSS that tries to restyle everything.
 * Skipped where Chromium or its driver is not installed. Screenshots go to target/screenshots/.
 * {@link SolrWebUiTest} runs the same checks with the server on a SolrCloud collection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String PWN = "window.__pwned=1";

    ApiFixture api;
    HttpServer blog;
    ChromeDriver driver;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "end-to-end web tests need /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        api = startApi(dir.resolve("index"));

        blog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Another origin than the API (127.0.0.1 vs localhost), so the widget's requests are cross-origin.
        String page = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title>
                <style>* { color: red !important; font-size: 40px !important; display: block; font-family: serif !important }
                input { display: none } mark { background: black !important } html { font-size: 40px }</style></head>
                <body><h1>My blog</h1><p>Search my favourite articles:</p>
                <div id="verbatim-search"></div>
                <script src="%s/widget.js" data-target="#verbatim-search" data-size="5" async></script>
                </body></html>""".formatted(api.base());
        blog.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().equals("/") ? page : "<!doctype html><p>an article page</p>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        blog.start();

        // A poisoned article: markup in the title and text, a javascript: URL. It must only ever show as text.
        api.index.upsert(new ArticleAnalysis().analyse(new Article("poisoned", "hand/poisoned", blogUrl() + "poisoned-article",
                "Quixotrope <img src=x onerror=" + PWN + "> <script>" + PWN + "</script>", "<b onmouseover=" + PWN + ">x</b>",
                LocalDate.parse("2024-02-02"), "evil.example", List.of("securite"), "fr",
                "Le quixotrope arrive. <script>" + PWN + "</script> Puis <img src=x onerror=" + PWN + "> et encore du quixotrope.")));
        api.index.upsert(new ArticleAnalysis().analyse(new Article("poisoned-url", "hand/poisoned-url", "javascript:" + PWN,
                "Quixotrope et javascript", null, LocalDate.parse("2024-02-03"), "evil.example", List.of(), "fr",
                "Un autre quixotrope, dont le lien veut lancer du script.")));
        api.index.commit();

        Path profile = Files.createDirectories(dir.resolve("chrome-profile"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1200,900", "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(screenshots());
    }

    /** The server under test, serving {@link ApiFixture}'s articles. */
    ApiFixture startApi(Path dir) throws Exception {
        return ApiFixture.start(dir, ServerConfig.defaults());
    }

    /** Where screenshots go: the README links the embedded index's; {@link SolrWebUiTest} puts its own beside them. */
    Path screenshots() {
        return SHOTS;
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) driver.quit();
        if (blog != null) blog.stop(0);
        if (api != null) api.close();
    }

    @BeforeEach
    void phoneOrDesktop() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 900));
    }

    String blogUrl() {
        return "http://127.0.0.1:" + blog.getAddress().getPort() + "/";
    }

    // ---- widget ------------------------------------------------------------------------------

    @Test
    void widgetIsSmallAndCacheable() throws Exception {
        HttpResponse<String> r = api.get("/widget.js");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), r.headers().toString());
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("max-age"), r.headers().toString());
        int bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= 20 * 1024, "widget.js is " + bytes + " bytes; the budget is 20 KB");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, api.get("/widget.js", "If-None-Match", etag).statusCode());
        for (String path : List.of("/", "/app.js", "/app.css")) {
            HttpResponse<String> page = api.get(path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Cache-Control").isPresent(), path);
        }
        assertTrue(api.get("/").headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }

    @Test
    void widgetSuggestsAsYouTypeThenShowsHighlightedResults() {
        WebElement input = widgetInput();
        type(input, "zo");
        waitFor(d -> count(".opt.sug") > 0);
        assertTrue(this.<Boolean>js("return " + SHADOW + ".querySelector('.opt.sug mark') !== null"), "the typed prefix is marked in suggestions");
        assertEquals("true", input.getAttribute("aria-expanded"));
        assertEquals("combobox", input.getAttribute("role"));
        type(input, "rbaxium");
        waitFor(d -> count(".opt.hit") > 0 && count(".opt.hit mark") > 0);
        String status = js("return " + SHADOW + ".querySelector('.status').textContent");
        assertTrue(status.contains("résultat"), status);
        assertTrue(count(".opt.hit") <= 5, "data-size=5");
        String listId = input.getAttribute("aria-controls");
        assertEquals("listbox", js("return " + SHADOW + ".getElementById('" + listId + "').getAttribute('role')"));
        screenshot("widget");

        clear(input);
        type(input, "zorbaxiom");
        waitFor(d -> ((String) js("return " + SHADOW + ".querySelector('.status').textContent")).contains("Vouliez-vous dire"));
        assertTrue(((String) js("return " + SHADOW + ".querySelector('.status').textContent")).contains("Aucun résultat"));
        clear(input);
    }

    @Test
    void widgetKeyboard() {
        WebElement input = widgetInput();
        type(input, "zorbaxium");
        waitFor(d -> count(".opt.hit") > 1);
        input.sendKeys(Keys.ARROW_DOWN);
        String first = input.getAttribute("aria-activedescendant");
        assertNotNull(first);
        assertEquals("true", js("return " + SHADOW + ".getElementById('" + first + "').getAttribute('aria-selected')"));
        input.sendKeys(Keys.ARROW_DOWN);
        String second = input.getAttribute("aria-activedescendant");
        assertNotEquals(first, second);
        input.sendKeys(Keys.ARROW_UP);
        assertEquals(first, input.getAttribute("aria-activedescendant"));
        input.sendKeys(Keys.ESCAPE);
        assertEquals("false", input.getAttribute("aria-expanded"));
        assertNull(input.getAttribute("aria-activedescendant"));
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals("true", input.getAttribute("aria-expanded"));

        // Enter on a suggestion searches it; Enter on a result opens the article.
        clear(input);
        type(input, "quixo");
        // Suggestions for an earlier prefix ("q") can still be on screen under load: wait for those of "quixo".
        waitFor(d -> count(".opt.sug") > 0 && Boolean.TRUE.equals(js("return [..." + SHADOW
                + ".querySelectorAll('.opt.sug')].every(o => o.textContent.toLowerCase().includes('quixo'))")));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waitFor(d -> count(".opt.hit") > 0);
        assertTrue(input.getAttribute("value").toLowerCase().startsWith("quixo"), input.getAttribute("value"));
        assertEquals(0, count(".opt.sug"), "choosing a suggestion closes the suggestions");
        String href = null;
        input.sendKeys(Keys.ARROW_DOWN);
        for (int i = 0; i < count(".opt.hit"); i++) {
            href = js("return " + SHADOW + ".getElementById('" + input.getAttribute("aria-activedescendant") + "').querySelector('a').href");
            if (href.endsWith("/poisoned-article")) break;
            input.sendKeys(Keys.ARROW_DOWN);
        }
        assertEquals(blogUrl() + "poisoned-article", href);
        input.sendKeys(Keys.ENTER);
        waitFor(d -> d.getCurrentUrl().endsWith("/poisoned-article"));
    }

    @Test
    void anAnswerOvertakenByANewerOneIsIgnored() {
        WebElement input = widgetInput();
        // Hold back the answer to the search for "zorbaxiu" (none found) until after the one for "zorbaxium",
        // and let it arrive even though the widget aborted it.
        js("""
                const f = window.fetch;
                window.fetch = (url, options) => /api\\/search\\?q=zorbaxiu&/.test(url)
                    ? f(url).then(r => new Promise(done => setTimeout(() => done(r), 1500)))
                    : f(url, options);
                return null;""");
        type(input, "zorbaxiu");
        sleep(400); // past the debounce: the slow request is on its way
        type(input, "m");
        waitFor(d -> count(".opt.hit") == 4);
        sleep(1800); // the overtaken answer arrives now
        assertEquals(4L, count(".opt.hit"));
        assertTrue(((String) js("return " + SHADOW + ".querySelector('.status').textContent")).startsWith("4 résultats"));
    }

    @Test
    void hostPageCssDoesNotReachTheWidget() {
        WebElement input = widgetInput();
        type(input, "zorbaxium");
        waitFor(d -> count(".opt.hit mark") > 0);
        Map<String, Object> style = js("""
                const root = %s, s = getComputedStyle(root.querySelector('input')), t = getComputedStyle(root.querySelector('.opt.hit a')),
                      m = getComputedStyle(root.querySelector('mark')), box = getComputedStyle(root.querySelector('.v'));
                return {inputDisplay: s.display, inputSize: s.fontSize, titleColor: t.color, titleSize: t.fontSize,
                        markBackground: m.backgroundColor, boxFont: box.fontFamily, boxColor: box.color};""".formatted(SHADOW));
        assertNotEquals("none", style.get("inputDisplay"), style.toString());
        assertEquals("16px", style.get("inputSize"), style.toString());
        assertNotEquals("rgb(255, 0, 0)", style.get("titleColor"), style.toString());
        assertNotEquals("40px", style.get("titleSize"), style.toString());
        assertNotEquals("rgb(0, 0, 0)", style.get("markBackground"), style.toString());
        assertNotEquals("rgb(255, 0, 0)", style.get("boxColor"), style.toString());
        assertFalse(((String) style.get("boxFont")).startsWith("serif"), style.toString());
        assertEquals(0L, (Long) js("return Object.keys(window).filter(k => /verbatim/i.test(k) && k !== 'Verbatim').length"),
                "one global: window.Verbatim");

        // Phone width: the box fits the screen.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 740));
        long width = js("return Math.round(" + SHADOW + ".querySelector('input').getBoundingClientRect().right)");
        long viewport = js("return document.documentElement.clientWidth");
        assertTrue(width <= viewport, "input ends at " + width + "px in a " + viewport + "px viewport");
        js("document.querySelector('#verbatim-search').scrollIntoView(); return null");
        sleep(300); // headless Chromium repaints a moment after a resize
        screenshot("widget-phone");
    }

    @Test
    void poisonedArticleRunsNothingInTheWidget() {
        WebElement input = widgetInput();
        type(input, "quixotrope");
        waitFor(d -> count(".opt.hit") >= 2);
        String titles = js("return [..." + SHADOW + ".querySelectorAll('.opt.hit a')].map(a => a.textContent).join('|')");
        assertTrue(titles.contains("<img src=x onerror=" + PWN + ">"), "markup shows as text: " + titles);
        assertEquals(0L, (Long) js("return " + SHADOW + ".querySelectorAll('img, script, b').length"));
        String hrefs = js("return [..." + SHADOW + ".querySelectorAll('.opt.hit a')].map(a => a.href).join(' ')");
        assertFalse(hrefs.contains("javascript:"), hrefs);
        js("return " + SHADOW + ".querySelectorAll('.opt.hit').forEach(o => o.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))");
        assertNull(js("return window.__pwned"), "no script from an article ran");
    }

    // ---- search page -------------------------------------------------------------------------

    @Test
    void facetsNarrowAndKeepTheOtherCounts() {
        driver.get(api.base() + "/?q=zorbaxium");
        waitFor(d -> hits().size() == 4);
        Map<String, String> before = facetCounts("speaker");
        assertTrue(before.containsKey("Jeanne Martin") && before.containsKey("Paul Durand"), before.toString());
        checkbox("speaker", "Jeanne Martin").click();
        waitFor(d -> hits().size() == 2);
        assertTrue(driver.getCurrentUrl().contains("speaker=Jeanne+Martin"), driver.getCurrentUrl());
        assertTrue(checkbox("speaker", "Jeanne Martin").isSelected());
        assertEquals(before, facetCounts("speaker"), "counts of a facet ignore its own filter (multi-select)");
        assertTrue(driver.findElements(By.cssSelector("#hits mark")).size() > 0, "highlighted passages");
        screenshot("search-page");
        driver.navigate().back();
        waitFor(d -> hits().size() == 4);
        assertFalse(checkbox("speaker", "Jeanne Martin").isSelected());
    }

    @Test
    void quotesTabFindsAnInterviewAnswerAndLinksToThePassage() {
        driver.get(api.base() + "/");
        WebElement q = driver.findElement(By.id("q"));
        q.sendKeys("\"bataille de l'engagement\"", Keys.ENTER);
        waitFor(d -> d.getCurrentUrl().contains("q="));
        driver.findElement(By.id("tab-quotes")).click();
        waitFor(d -> d.getCurrentUrl().contains("tab=quotes") && !driver.findElements(By.cssSelector("#hits li.quote")).isEmpty());
        WebElement quote = driver.findElements(By.cssSelector("#hits li.quote")).getFirst();
        assertEquals("Pierre-Emmanuel Cros", quote.findElement(By.cssSelector(".speaker")).getText());
        assertTrue(quote.findElement(By.tagName("blockquote")).getText().contains("bataille de l"), quote.getText());
        assertTrue(quote.findElements(By.cssSelector("blockquote mark")).size() > 0);
        assertEquals("true", driver.findElement(By.id("tab-quotes")).getAttribute("aria-selected"));
        screenshot("quotes");

        quote.findElement(By.cssSelector("figcaption a")).click();
        waitFor(d -> !driver.findElements(By.cssSelector("#articleview mark.quote.target")).isEmpty());
        assertTrue(driver.getCurrentUrl().contains("article="), driver.getCurrentUrl());
        String marked = driver.findElement(By.cssSelector("#articleview mark.quote.target")).getText();
        assertTrue(marked.contains("bataille de l"), marked);
        assertTrue(driver.findElements(By.cssSelector("#articleview mark.speaker")).size() > 0, "speakers are marked");
        screenshot("article");
        driver.navigate().back();
        waitFor(d -> !driver.findElements(By.cssSelector("#hits li.quote")).isEmpty());
        assertTrue(driver.findElement(By.id("articleview")).getAttribute("hidden") != null);
    }

    @Test
    void theUrlHoldsTheWholeSearch() {
        driver.get(api.base() + "/?q=zorbaxium");
        waitFor(d -> hits().size() == 4);
        checkbox("site", "beta.example").click();
        waitFor(d -> hits().size() == 2);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sort"))).selectByValue("date");
        waitFor(d -> d.getCurrentUrl().contains("sort=date"));
        waitFor(d -> !"true".equals(driver.findElement(By.id("results")).getAttribute("aria-busy")));
        List<String> titles = hits();
        String url = driver.getCurrentUrl();
        String original = driver.getWindowHandle();

        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(url);
        waitFor(d -> hits().size() == 2);
        assertEquals(titles, hits());
        assertEquals("zorbaxium", driver.findElement(By.id("q")).getAttribute("value"));
        waitFor(d -> checkbox("site", "beta.example").isSelected());
        assertEquals("date", driver.findElement(By.id("sort")).getAttribute("value"));
        driver.close();
        driver.switchTo().window(original);

        driver.navigate().back(); // undo the sort
        waitFor(d -> !d.getCurrentUrl().contains("sort=date"));
        // The page searches again after going back and draws its facets anew: a checkbox read meanwhile is stale.
        waitFor(d -> "relevance".equals(d.findElement(By.id("sort")).getAttribute("value"))
                && checkbox("site", "beta.example").isSelected());
        driver.navigate().back(); // undo the site
        waitFor(d -> hits().size() == 4);
    }

    @Test
    void poisonedArticleRunsNothingOnTheSearchPage() {
        driver.get(api.base() + "/?q=quixotrope");
        waitFor(d -> hits().size() >= 2);
        assertTrue(String.join("|", hits()).contains("<script>"), hits().toString());
        driver.get(api.base() + "/?article=poisoned");
        waitFor(d -> !driver.findElement(By.cssSelector("#articleview h1")).getText().isEmpty());
        assertEquals(0, driver.findElements(By.cssSelector("main img, main script, main b")).size());
        assertTrue(driver.findElement(By.cssSelector("#articleview .text")).getText().contains("<script>"));
        assertNull(js("return window.__pwned"));
    }

    // ---- helpers -----------------------------------------------------------------------------

    static final String SHADOW = "document.querySelector('#verbatim-search').shadowRoot";

    WebElement widgetInput() {
        driver.get(blogUrl());
        waitFor(d -> Boolean.TRUE.equals(js("return !!(" + SHADOW.replace(".shadowRoot", "") + " && " + SHADOW + ")")));
        SearchContext root = driver.findElement(By.id("verbatim-search")).getShadowRoot();
        return root.findElement(By.cssSelector("input"));
    }

    /** Types like a person: one key at a time. */
    void type(WebElement input, String text) {
        for (char c : text.toCharArray()) {
            input.sendKeys(String.valueOf(c));
            sleep(40);
        }
    }

    void clear(WebElement input) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }

    long count(String selector) {
        return js("return " + SHADOW + ".querySelectorAll('" + selector + "').length");
    }

    List<String> hits() {
        return js("return [...document.querySelectorAll('#hits li h2')].map(h => h.textContent)");
    }

    WebElement checkbox(String facet, String value) {
        return driver.findElements(By.cssSelector("#facets fieldset[data-facet=" + facet + "] input")).stream()
                .filter(cb -> value.equals(cb.getAttribute("value"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + facet + " checkbox for " + value));
    }

    Map<String, String> facetCounts(String facet) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (WebElement label : driver.findElements(By.cssSelector("#facets fieldset[data-facet=" + facet + "] label"))) {
            counts.put(label.findElement(By.cssSelector(".value")).getText(), label.findElement(By.cssSelector(".count")).getText());
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    <T> T js(String script) {
        return (T) ((JavascriptExecutor) driver).executeScript(script);
    }

    void waitFor(Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots().resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void assertNotNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNotNull(o);
    }
}
