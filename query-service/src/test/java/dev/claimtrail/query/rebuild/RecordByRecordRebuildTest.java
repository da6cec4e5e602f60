package dev.claimtrail.query.rebuild;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

/**
 * RebuildTest's proof for the record-by-record rebuild ({@code claimtrail.rebuild.bulk=false}), the fallback
 * for logs larger than the heap: it must give the same read model as the live projections too.
 */
@QuarkusTest
@TestProfile(RecordByRecordRebuildTest.RecordByRecord.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(FreshDatabaseResource.class)
class RecordByRecordRebuildTest extends RebuildTest {

    public static class RecordByRecord implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimtrail.rebuild.bulk", "false");
        }
    }
}
