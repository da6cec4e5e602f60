package dev.claimtrail.query.infra;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Bad requests get RFC 9457 problems that name the problem and reveal nothing of the code. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ProblemApiTest {

    @Test
    void invalidLimitsAreBadRequests() {
        for (String limit : new String[] {"0", "501", "many"}) {
            problem(given().queryParam("limit", limit).get("/api/claims"), 400, "/api/claims")
                    .body("type", equalTo("/problems/invalid-parameter"))
                    .body("detail", containsString("limit"));
        }
        problem(given().queryParam("limit", "-1").get("/api/articles"), 400, "/api/articles");
    }

    @Test
    void invalidCursorsAndDatesAreBadRequests() {
        problem(given().queryParam("cursor", "forged").get("/api/claims"), 400, "/api/claims")
                .body("detail", containsString("cursor"));
        problem(given().queryParam("from", "yesterday").get("/api/claims"), 400, "/api/claims")
                .body("detail", containsString("from"));
        problem(given().queryParam("to", "2024-02-30").get("/api/claims"), 400, "/api/claims");
    }

    @Test
    void unknownArticlesAndRoutesAreNotFound() {
        problem(given().get("/api/articles/no-such-article"), 404, "/api/articles/no-such-article")
                .body("type", equalTo("/problems/not-found"))
                .body("detail", containsString("no-such-article"));
        problem(given().get("/api/nothing-here"), 404, "/api/nothing-here");
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(notNullValue()));
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String instance) {
        return response.then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", notNullValue())
                .body("detail", notNullValue())
                .body("instance", equalTo(instance))
                .body(allOf(not(containsString("Exception")), not(containsString("dev.claimtrail")),
                        not(containsString("\tat "))));
    }
}
