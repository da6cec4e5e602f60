package dev.claimtrail.query.support;

import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;

import java.util.List;

import static io.restassured.RestAssured.given;

/** The two claims of the council report the projection tests publish, and what the API serves of an article. */
public final class CouncilClaims {

    private CouncilClaims() {
    }

    public static ClaimRecorded mayor(ArticleSnapshot article, String version) {
        return TestEvents.claim(article, version)
                .source("Lena Ortiz", Claim.Source.PERSON, "Lena Ortiz").cue("said", "say")
                .content("the new bridge would open in spring").subject("BRIDGE", "new bridge").recorded();
    }

    public static ClaimRecorded engineers(ArticleSnapshot article, String version) {
        return TestEvents.claim(article, version)
                .source("unnamed source", Claim.Source.UNNAMED, "Engineers").cue("warned", "warn")
                .content("the budget could double").recorded();
    }

    /** Ids of the claims the API serves for the article. */
    public static List<String> servedIds(ArticleSnapshot article) {
        return given().queryParam("articleId", article.id()).get("/api/claims")
                .then().statusCode(200).extract().path("items.id");
    }
}
