package dev.claimtrail.query.dashboard;

import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.support.Await;
import dev.claimtrail.query.support.EventProducer;
import dev.claimtrail.query.support.HeadlessChromium;
import dev.claimtrail.query.support.TestEvents;
import dev.claimtrail.query.support.ValleyFrontReports;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium against the real broker and database: filtering,
 * a story's reports side by side, a claim highlighted in its article, and article text that tries
 * to run script. Skipped (not failed) where Chromium is not installed. Screenshots of every step go
 * to {@code target/dashboard-screenshots/}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /** Markup a feed could carry; the dashboard must show it as text and never run it. */
    static final String HOSTILE_TEXT = "ORSK. <script>window.__pwned=1</script>Police chief Jane Roe said that 40 "
            + "gunmen <img src=x onerror=\"window.__pwned=2\"> had left the dam near Orsk. Nobody else commented.";
    static final String HOSTILE_CONTENT = "40 gunmen <img src=x onerror=\"window.__pwned=2\"> had left the dam near Orsk";

    @TestHTTPResource("/")
    URL root;

    ValleyFrontReports reports;
    ArticleSnapshot hostileArticle;
    ClaimRecorded hostileClaim;
    String storyId;
    HeadlessChromium browser;
    Path screenshots = Path.of(System.getProperty("claimtrail.screenshots.dir", "target/dashboard-screenshots"));

    @BeforeEach
    void publishOnce() {
        if (reports != null) {
            return;
        }
        // Years before the other tests' copy: its claims that name no group must never meet these.
        reports = new ValleyFrontReports(UUID.randomUUID().toString().substring(0, 8), 5);
        ArticleSnapshot plain = TestEvents.article("hostile-" + UUID.randomUUID(), 1,
                LocalDate.parse(reports.january.publishedAt()).plusMonths(8).toString(), HOSTILE_TEXT,
                "<i>Mischief</i> Gazette");
        // a feed can send any URL: the dashboard must never make "javascript:" a link
        hostileArticle = new ArticleSnapshot(plain.id(), plain.revision(), plain.externalId(),
                "javascript:window.__pwned=3", plain.title(), plain.outlet(), plain.publishedAt(), plain.language(),
                plain.text(), plain.contentHash());
        hostileClaim = TestEvents.claim(hostileArticle, ValleyFrontReports.V1)
                .source("Jane Roe", Claim.Source.PERSON, "Police chief Jane Roe").cue("said", "say")
                .content(HOSTILE_CONTENT).subject(reports.subject, "gunmen")
                .quantity(40, null, "gunmen", reports.subject).recorded();
        try (EventProducer producer = EventProducer.connect()) {
            for (ArticleSnapshot article : reports.articles()) {
                publish(producer, article, reports.claimsOf(article));
            }
            publish(producer, hostileArticle, List.of(hostileClaim));
        }
        storyId = List.of(reports.kalininFigure.eventId(), reports.kalininCrossing.eventId(),
                reports.commandFigure.eventId(), reports.highlandBoth.eventId()).stream().sorted().findFirst().get();
        Await.projection().until(() -> Integer.valueOf(8).equals(given().queryParam("subject", reports.subject)
                .get("/api/claims").path("items.size()")));
        Await.projection().until(() -> Integer.valueOf(4).equals(given().get("/api/stories/" + storyId)
                .path("memberCount")));
    }

    private static void publish(EventProducer producer, ArticleSnapshot article, List<ClaimRecorded> claims) {
        producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
        List<Event> events = new ArrayList<>(claims);
        events.add(ValleyFrontReports.processed(article, ValleyFrontReports.V1, claims.size()));
        producer.publishInTransaction(Topics.CLAIMS, events.toArray(new Event[0]));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyResponseCarriesTheContentSecurityPolicy() {
        for (String path : List.of("/", "/dashboard/app.js", "/dashboard/dashboard.css", "/api/claims",
                "/api/no-such-thing")) {
            given().get(path).then().header("Content-Security-Policy", equalTo(CSP))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
        given().get("/").then().statusCode(200).contentType("text/html");
        given().get("/dashboard/app.js").then().statusCode(200).contentType("text/javascript");
    }

    @Test
    void aReaderFiltersToASubjectOpensAStoryAndSeesTheClaimInItsArticle() {
        WebDriver driver = driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(root.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-choices=loaded]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#claims-table tbody tr")));
        browser.screenshot(screenshots, "01-claims");

        // filter to the group: its seven claims and the hostile one, nothing else
        new Select(driver.findElement(By.name("subject"))).selectByValue(reports.subject);
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#claims-table tbody tr")).size() == 8
                && d.getCurrentUrl().contains("subject=" + reports.subject));
        for (WebElement row : driver.findElements(By.cssSelector("#claims-table tbody tr"))) {
            assertTrue(row.findElements(By.tagName("td")).get(3).getText().contains(reports.subject), row.getText());
        }
        WebElement hostileRow = driver.findElement(
                By.cssSelector("#claims-table tr[data-claim-id='" + hostileClaim.eventId() + "']"));
        assertTrue(hostileRow.getText().contains(HOSTILE_CONTENT), hostileRow.getText());
        assertTrue(hostileRow.getText().contains("<i>Mischief</i> Gazette"), hostileRow.getText());
        browser.screenshot(screenshots, "02-claims-of-subject");

        // search words narrow the list within the subject
        driver.findElement(By.name("q")).sendKeys("riverbank");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("q=riverbank")
                && d.findElements(By.cssSelector("#claims-table tbody tr")).size() == 1);
        assertEquals(reports.commandFigure.eventId(), driver.findElement(By.cssSelector("#claims-table tbody tr"))
                .getDomAttribute("data-claim-id"));
        driver.findElement(By.name("q")).clear();
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("q=")
                && d.findElements(By.cssSelector("#claims-table tbody tr")).size() == 8);

        // the briefing as three outlets told it, side by side, with the figure worded two ways
        driver.findElement(By.cssSelector("#tabs a[data-view=stories]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#stories-list li[data-story-id='" + storyId + "'] a.story-link"))).click();
        wait.until(d -> d.findElements(By.cssSelector("#story-members section.member")).size() == 3);
        assertEquals(reports.subject, new Select(driver.findElement(By.name("subject"))).getFirstSelectedOption()
                .getDomAttribute("value"), "the filters follow the reader to the story");
        assertEquals(List.of("Steppe Post", "Caspian Wire", "Highland Herald"),
                driver.findElements(By.cssSelector("#story-members section.member")).stream()
                        .map(e -> e.getDomAttribute("data-outlet")).toList());
        String figures = driver.findElement(By.id("story-figures")).getText();
        assertTrue(figures.contains("about 6,500 fighters") && figures.contains("up to 6,500 militants")
                && figures.contains("worded differently"), figures);
        assertTrue(figures.contains("Caspian Wire (Northern Alliance Command)"), figures);
        browser.screenshot(screenshots, "03-story");

        // one report in its article: the sentence and what was said highlighted
        driver.findElement(By.cssSelector("#story-members a[href*='" + reports.commandFigure.eventId() + "']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-text mark.evidence")));
        Claim command = reports.commandFigure.claim();
        assertEquals(command.evidence().text(), joinedText(driver, "#article-text mark.evidence"));
        assertEquals(command.content().text(), joinedText(driver, "#article-text .content"));
        assertEquals(reports.caspian.text(), driver.findElement(By.id("article-text")).getText());
        String provenance = driver.findElement(By.id("provenance")).getText();
        assertTrue(provenance.contains("Caspian Wire") && provenance.contains(reports.caspian.publishedAt())
                && provenance.contains("The Northern Alliance Command"), provenance);
        browser.screenshot(screenshots, "04-claim-in-article");

        // the figures of the subject over time: one point per dated figure
        driver.findElement(By.cssSelector("#tabs a[data-view=figures]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#figure-chart circle")));
        int dated = given().get("/api/subjects/" + reports.subject + "/figures").path("items.findAll { it.date }.size()");
        assertEquals(8, dated);
        assertEquals(dated, driver.findElements(By.cssSelector("#figure-chart circle")).size());
        List<String> tooltips = driver.findElements(By.cssSelector("#figure-chart title")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
        assertTrue(tooltips.contains(command.claimedAt().value()
                        + " (claimed) · up to 6,500 militants · Northern Alliance Command · Caspian Wire"),
                tooltips.toString());
        browser.screenshot(screenshots, "05-figures");

        driver.findElement(By.cssSelector("#tabs a[data-view=conflicts]")).click();
        String conflicts = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflicts-list"))).getText();
        assertTrue(conflicts.contains("6,500 about " + reports.subject) && conflicts.contains("Dilshod Rakhimov")
                && conflicts.contains("Andrey Kalinin"), conflicts);
        browser.screenshot(screenshots, "06-conflicts");

        driver.findElement(By.cssSelector("#tabs a[data-view=denials]")).click();
        String denials = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("denials-list"))).getText();
        assertTrue(denials.contains(reports.groupDenial.claim().content().text())
                && denials.contains(reports.kalininCrossing.claim().content().text()), denials);
        browser.screenshot(screenshots, "07-denials");

        assertNoConsoleErrors(driver);
    }

    @Test
    void markupInAnArticleIsShownAsTextAndNeverRuns() {
        WebDriver driver = driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(root + "#/claims?subject=" + reports.subject);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#claims-table tr[data-claim-id='" + hostileClaim.eventId() + "'] a.claim-link"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-text mark.evidence")));
        WebElement text = driver.findElement(By.id("article-text"));

        assertEquals(HOSTILE_TEXT, text.getText());
        assertEquals(hostileClaim.claim().evidence().text(), joinedText(driver, "#article-text mark.evidence"));
        assertEquals(HOSTILE_CONTENT, joinedText(driver, "#article-text .content"));
        assertEquals(0, driver.findElements(By.cssSelector("#view img, #view script, #view i")).size());
        assertEquals("undefined", ((JavascriptExecutor) driver).executeScript("return typeof window.__pwned"));
        assertTrue(driver.findElement(By.id("provenance")).getText().contains("<i>Mischief</i> Gazette"));
        WebElement articleLink = driver.findElement(By.cssSelector("#provenance a[target=_blank]"));
        assertEquals("#", articleLink.getDomAttribute("href"));
        browser.screenshot(screenshots, "08-hostile-article");
        assertNoConsoleErrors(driver);
    }

    private WebDriver driver() {
        String missing = HeadlessChromium.missing();
        Assumptions.assumeTrue(missing == null, () -> "browser test skipped: " + missing);
        if (browser == null) {
            browser = HeadlessChromium.start();
        }
        return browser.driver();
    }

    private static String joinedText(WebDriver driver, String selector) {
        StringBuilder text = new StringBuilder();
        for (WebElement e : driver.findElements(By.cssSelector(selector))) {
            text.append(e.getAttribute("textContent"));
        }
        return text.toString();
    }

    /** Script errors and CSP violations both reach the console as SEVERE entries. */
    private static void assertNoConsoleErrors(WebDriver driver) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), errors);
    }
}
