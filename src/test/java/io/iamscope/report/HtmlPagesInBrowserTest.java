package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML pages opened in a real browser: headless Chromium from the OS (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them), driven by Selenium, one browser for the class. Each
 * page loads with no console error (a script blocked by the page's Content-Security-Policy is one), and does
 * what it is for; screenshots are written under target/screenshots/ for a person to look at. Skipped, saying
 * why, where the browser is not installed.
 */
class HtmlPagesInBrowserTest {
    static final Path CHROMIUM = Path.of(System.getProperty("iamscope.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("iamscope.chromedriver", "/usr/bin/chromedriver"));
    static final Path PAGES = Path.of(System.getProperty("iamscope.build.dir", "target"), "html");
    static final Path SCREENSHOTS = Path.of(System.getProperty("iamscope.build.dir", "target"), "screenshots");

    private static ChromeDriver browser;
    /**
     * Selenium's devtools bindings are not on the class path (the tests need none): its warning that none matches
     * the browser's version is kept out of the build's output. Held here so that the setting is not collected.
     */
    private static final java.util.logging.Logger DEVTOOLS = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools");

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void startBrowser() {
        if (!installed()) {
            return;
        }
        DEVTOOLS.setLevel(Level.SEVERE);
        // The driver named, so that Selenium Manager never looks for one on the network.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1400,1000", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
    }

    /** Each test skipped, saying why, where there is no browser (surefire lists a class-level skip as nothing). */
    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(browser != null, "no headless browser here: install Debian's chromium and"
                + " chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + "; .ci/run does) to open the HTML pages in"
                + " a browser");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Writes the page under target/html/ and opens it from there, as an analyst opens a file. */
    private static void open(String name, String page) throws IOException {
        Files.createDirectories(PAGES);
        Path file = PAGES.resolve(name + ".html").toAbsolutePath();
        Files.writeString(file, page, StandardCharsets.UTF_8);
        browser.get(file.toUri().toString());
    }

    /** The console's warnings and errors since the last call: a page must have none. */
    private static List<String> consoleProblems() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
    }

    /** The whole page, as tall as it is, to target/screenshots/NAME.png. */
    private static void screenshot(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 16000)));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(before);
    }

    @Test
    void blastRadiusPage() throws IOException {
        open("blast-radius", HtmlRenderersTest.blastPage());
        assertEquals(List.of(), consoleProblems());
        assertTrue(browser.findElement(By.id("verdict")).getText().startsWith("ADMIN: YES: can make itself an"
                + " administrator of acme-dev (333333333333)"));

        // The drawing: the start, its group, acme-dev's control standing for the 21 principals reached through it,
        // and the path out of acme-dev into acme-prod; one line per hop, admins marked.
        assertEquals(6, browser.findElements(By.cssSelector("#path-graph g.node")).size());
        assertEquals(5, browser.findElements(By.cssSelector("#path-graph g.edge")).size());
        assertTrue(browser.findElement(By.cssSelector("#path-graph g.node[data-arn='arn:aws:iam::333333333333:root']"))
                .getText().contains("account (21 principals)"));
        assertEquals(1, browser.findElements(By.cssSelector("#path-graph g.node.start")).size());
        assertEquals(1, browser.findElements(By.cssSelector("#path-graph g.node.admin")).size(), "acme-dev's control");

        // A hop clicked shows its evidence: the statement that allows it.
        WebElement hop = browser.findElement(By.cssSelector("#path-graph g.edge[data-to='acme-dev (333333333333)']"));
        WebElement evidence = browser.findElement(By.id("hop-" + hop.getDomAttribute("data-hop")));
        assertFalse(evidence.isDisplayed());
        hop.findElement(By.cssSelector("text.technique")).click();
        assertTrue(evidence.isDisplayed());
        assertTrue(evidence.getText().contains("arn:aws:iam::333333333333:policy/contractor-tooling"), evidence.getText());
        assertTrue(evidence.getText().contains("SelfServiceTooling"), evidence.getText());
        assertEquals(1, browser.findElements(By.cssSelector(".hop-evidence")).stream()
                .filter(WebElement::isDisplayed).count());

        // Filtering a table hides the rows without the text; clearing it shows them again.
        List<WebElement> rows = browser.findElements(By.cssSelector("#reachable tbody tr"));
        WebElement filter = browser.findElement(By.cssSelector("input.table-filter[data-table='reachable']"));
        filter.sendKeys("acme-deploy");
        long shown = rows.stream().filter(WebElement::isDisplayed).count();
        assertTrue(shown >= 1 && shown < rows.size(), shown + " of " + rows.size() + " rows shown");
        rows.stream().filter(WebElement::isDisplayed).forEach(r -> assertTrue(r.getText().contains("acme-deploy")));
        filter.clear();
        filter.sendKeys(" ");
        assertEquals(rows.size(), rows.stream().filter(WebElement::isDisplayed).count());

        // Sorting by hops puts the farthest first on the second click.
        WebElement hops = browser.findElement(By.xpath("//table[@id='reachable']/thead//th[.='hops']"));
        hops.click();
        hops.click();
        assertEquals("descending", hops.getDomAttribute("aria-sort"));
        List<WebElement> first = browser.findElements(By.cssSelector("#reachable tbody tr:first-child td"));
        assertEquals("4", first.get(3).getText());

        // Each hunting query has its copy button.
        int queries = browser.findElements(By.cssSelector("#queries pre")).size();
        assertTrue(queries > 0);
        assertEquals(queries, browser.findElements(By.cssSelector("#queries button.copy")).size());
        browser.findElement(By.cssSelector("#queries button.copy")).click();
        assertEquals(List.of(), consoleProblems());
        hop.findElement(By.cssSelector("text.technique")).click();
        screenshot("blast-radius");

        // Printed: no controls, every hop's evidence listed under the drawing.
        browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertFalse(filter.isDisplayed());
            assertFalse(browser.findElement(By.cssSelector("#queries button.copy")).isDisplayed());
            assertEquals(5, browser.findElements(By.cssSelector(".hop-evidence")).stream()
                    .filter(WebElement::isDisplayed).count());
            screenshot("blast-radius-print");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }

    @Test
    void reviewPage() throws IOException {
        open("review", HtmlRenderersTest.reviewPage());
        assertEquals(List.of(), consoleProblems());
        assertTrue(browser.findElement(By.id("verdict")).getText().startsWith("FINDINGS: 70"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#findings tbody tr"));
        assertEquals(70, rows.size());
        browser.findElement(By.cssSelector("input.table-filter[data-table='findings']")).sendKeys("ROOT_");
        long shown = rows.stream().filter(WebElement::isDisplayed).count();
        assertTrue(shown >= 2 && shown < rows.size(), shown + " rows shown");
        assertTrue(browser.findElement(By.cssSelector(".filter-count[data-table='findings']")).getText()
                .endsWith("of 70 rows match"));
        // Sorted by severity, descending: critical first.
        WebElement severity = browser.findElement(By.xpath("//table[@id='findings']/thead//th[.='severity']"));
        severity.click();
        severity.click();
        assertEquals("critical", browser.findElement(By.cssSelector("#findings tbody tr td")).getText());
        // A top finding's link unfolds its details.
        WebElement details = browser.findElement(By.id("finding-0"));
        assertFalse(details.findElement(By.className("body")).isDisplayed());
        browser.findElement(By.cssSelector("#top a[href='#finding-0']")).click();
        assertTrue(details.findElement(By.className("body")).isDisplayed());
        assertTrue(details.findElement(By.className("body")).getText().contains("fix:"));
        assertEquals(List.of(), consoleProblems());
        screenshot("review");
    }

    @Test
    void graphPage() throws IOException {
        open("graph", HtmlRenderersTest.graphPage());
        assertEquals(List.of(), consoleProblems());
        assertEquals(31, browser.findElements(By.cssSelector("#path-graph g.node")).size());
        assertEquals(30, browser.findElements(By.cssSelector("#path-graph g.edge")).size());
        WebElement hop = browser.findElement(By.cssSelector("#path-graph g.edge[data-to='acme-deploy']"));
        hop.findElement(By.cssSelector("text.technique")).click();
        WebElement evidence = browser.findElement(By.id("hop-" + hop.getDomAttribute("data-hop")));
        assertTrue(evidence.isDisplayed());
        assertTrue(evidence.getText().contains("sts:AssumeRole"), evidence.getText());
        assertEquals(List.of(), consoleProblems());
        screenshot("graph");
    }

    @Test
    void trailPage() throws IOException {
        open("trail", HtmlRenderersTest.trailPage());
        assertEquals(List.of(), consoleProblems());
        assertTrue(browser.findElement(By.id("verdict")).getText().startsWith("ANSWER: the attacker acted as 6"));
        assertTrue(browser.findElement(By.id("outside")).getText().contains("break-glass-prod"));

        // The five credentials handed out drawn as steps taken; the one the graph says cannot be, in red.
        List<WebElement> walked = browser.findElements(By.cssSelector("#path-graph g.edge.walked"));
        assertEquals(5, walked.size());
        WebElement unexpected = browser.findElement(By.cssSelector("#path-graph g.edge.walked.unexpected"));
        assertEquals("break-glass-prod", unexpected.getDomAttribute("data-to"));
        String red = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(arguments[0].querySelector('path.line')).stroke", unexpected);
        assertEquals("rgb(179, 38, 30)", red);
        assertTrue(browser.findElements(By.cssSelector("#path-graph g.node.faint")).size() > 0);

        // A step clicked shows its CloudTrail event and the graph's word on it.
        WebElement evidence = browser.findElement(By.id("hop-" + unexpected.getDomAttribute("data-hop")));
        assertFalse(evidence.isDisplayed());
        unexpected.findElement(By.cssSelector("text.technique")).click();
        assertTrue(evidence.isDisplayed());
        assertTrue(evidence.getText().contains("2026-11-27T22:20:00Z"), evidence.getText());
        assertTrue(evidence.getText().contains("ASIAZPRODBREAKGLASS1"), evidence.getText());
        assertTrue(evidence.getText().contains("NOT PREDICTED"), evidence.getText());
        WebElement predicted = browser.findElement(By.cssSelector("#path-graph g.edge.walked[data-to='dev-break-glass']"));
        predicted.findElement(By.cssSelector("text.technique")).click();
        WebElement shown = browser.findElement(By.id("hop-" + predicted.getDomAttribute("data-hop")));
        assertTrue(shown.getText().contains("iam-create-policy-version"), shown.getText());
        assertFalse(evidence.isDisplayed());

        // Filtering the timeline.
        List<WebElement> rows = browser.findElements(By.cssSelector("#credentials tbody tr"));
        assertEquals(6, rows.size());
        browser.findElement(By.cssSelector("input.table-filter[data-table='credentials']")).sendKeys("ASIAZPROD");
        assertEquals(2, rows.stream().filter(WebElement::isDisplayed).count());
        assertEquals(List.of(), consoleProblems());
        unexpected.findElement(By.cssSelector("text.technique")).click();
        screenshot("trail");
    }

    /** Markup in the logs (event names, user agents, ARNs) stays text. */
    @Test
    void hostileLogsStayText() throws IOException {
        open("trail-hostile", Golden.render(out -> TrailHtmlRenderer.render(HtmlRenderersTest.hostileTrail(), out)));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertEquals(List.of(), consoleProblems());
        assertTrue(browser.findElement(By.id("credentials")).getText().contains("aws-cli/2 " + HtmlRenderersTest.SCRIPT));
        assertTrue(browser.findElements(By.tagName("img")).isEmpty());
    }

    /** Markup in a snapshot's names stays text: no script runs, no console error, the name shown as written. */
    @Test
    void hostileNamesStayText() throws IOException {
        open("blast-radius-hostile", Golden.render(out -> BlastHtmlRenderer.render(HtmlRenderersTest.hostile(),
                Bounds.STANDARD, out)));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertEquals(List.of(), consoleProblems());
        assertTrue(browser.findElement(By.className("subtitle")).getText().contains(HtmlRenderersTest.SCRIPT));
        assertTrue(browser.findElements(By.tagName("img")).isEmpty());
    }
}
