package dev.claimtrail.query.admin;

import dev.claimtrail.events.ArticleEvent;
import dev.claimtrail.events.ClaimEvent;
import dev.claimtrail.events.EventDecodingException;
import dev.claimtrail.query.admin.DeadLetterService.LetterId;
import dev.claimtrail.query.articles.ArticleProjection;
import dev.claimtrail.query.claims.ClaimProjection;
import dev.claimtrail.query.infra.DeadLetters;
import dev.claimtrail.query.infra.KafkaRecords;
import dev.claimtrail.query.infra.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends a dead letter of one of this service's projections back through that projection, after a fix
 * (typically a release that can decode what an older one could not). Nothing is re-published: the
 * record is decoded from the dead-letter topic and applied directly, since the articles and claims
 * logs must keep each event exactly once. Dead letters of other consumer groups belong to the service
 * that runs them (claims-service redrives extraction failures).
 */
@ApplicationScoped
public class RedriveService {

    private static final Logger LOG = Logger.getLogger(RedriveService.class);
    static final String SERVICE = "query-service";

    /** What a redrive did: {@code redriven}, or {@code already-redriven} when it was a no-op. */
    public record RedriveResult(String id, String status, String consumerGroup, String articleId, String eventType) {
    }

    @ConfigProperty(name = "mp.messaging.incoming.articles-in.group.id")
    String articlesGroup;

    @ConfigProperty(name = "mp.messaging.incoming.claims-in.group.id")
    String claimsGroup;

    @Inject
    DeadLetterService deadLetters;

    @Inject
    ArticleProjection articles;

    @Inject
    ClaimProjection claims;

    public RedriveResult redrive(LetterId id) {
        ConsumerRecord<String, String> letter = deadLetters.find(id);
        String group = DeadLetterService.header(letter.headers(), DeadLetters.CONSUMER_GROUP);
        String type = DeadLetterService.header(letter.headers(), "ce_type");
        if (!articlesGroup.equals(group) && !claimsGroup.equals(group)) {
            throw new ProblemException(409, "/problems/not-this-consumer-group", "Dead letter of another consumer group",
                    "dead letter " + id + " failed in consumer group '" + group + "', which query-service does not run; "
                            + "redrive it through the service that does (claims-extractor-* groups: claims-service)");
        }
        if (deadLetters.redriven(id)) {
            return new RedriveResult(id.toString(), "already-redriven", group, letter.key(), type);
        }
        try {
            if (articlesGroup.equals(group)) {
                articles.applyRedriven(KafkaRecords.decode(letter, ArticleEvent.class));
            } else {
                claims.applyRedriven(KafkaRecords.decode(letter, ClaimEvent.class));
            }
        } catch (EventDecodingException e) {
            throw new ProblemException(422, "/problems/still-undecodable", "Dead letter still cannot be handled",
                    "dead letter " + id + " still cannot be decoded: " + e.getMessage() + "; it stays pending");
        }
        // Applied before the marker: should the marker be lost, the letter shows as pending and a second
        // redrive applies it again, which changes nothing.
        deadLetters.markRedriven(id, letter.key(), SERVICE);
        LOG.infof("dead letter %s (%s, group %s) redriven", id, type, group);
        return new RedriveResult(id.toString(), "redriven", group, letter.key(), type);
    }
}
