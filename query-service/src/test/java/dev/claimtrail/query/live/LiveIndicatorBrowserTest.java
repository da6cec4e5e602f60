package dev.claimtrail.query.live;

import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.support.EventProducer;
import dev.claimtrail.query.support.HeadlessChromium;
import dev.claimtrail.query.support.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The dashboard follows the live stream: a claim served while it is open shows as "1 new claim". */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class LiveIndicatorBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    LiveStream live;

    @Test
    void aClaimServedWhileTheDashboardIsOpenIsAnnounced() {
        String missing = HeadlessChromium.missing();
        Assumptions.assumeTrue(missing == null, () -> "browser test skipped: " + missing);
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            WebDriver driver = browser.driver();
            int before = live.subscriberCount();
            driver.get(root.toString() + "#/claims");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(d -> "ready".equals(d.findElement(By.id("view")).getAttribute("data-state")));
            WebElement indicator = driver.findElement(By.id("live-new"));
            assertFalse(indicator.isDisplayed(), "nothing new yet");
            // the page follows the stream from its first view on
            wait.until(d -> live.subscriberCount() > before);

            ArticleSnapshot article = TestEvents.article(TestEvents.uniqueExternalId("live-ui"), 1, "2024-07-01",
                    "Harbour master Lene Holm said the ferry would sail again on Monday.", "Fjord Post");
            ClaimRecorded claim = TestEvents.claim(article, "1.0").source("Lene Holm", Claim.Source.PERSON, "Harbour master Lene Holm")
                    .cue("said", "say").content("the ferry would sail again on Monday").recorded();
            try (EventProducer producer = EventProducer.connect()) {
                producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
                producer.publishInTransaction(Topics.CLAIMS, claim,
                        TestEvents.processed(article, "1.0", 1, ArticleProcessed.EXTRACTED));
            }
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-new"), "1 new claim"));
            browser.screenshot(java.nio.file.Path.of(System.getProperty("claimtrail.screenshots.dir",
                    "target/dashboard-screenshots")), "live-new-claims");
            indicator.click();
            wait.until(d -> !d.findElement(By.id("live-new")).isDisplayed());
        }
    }
}
