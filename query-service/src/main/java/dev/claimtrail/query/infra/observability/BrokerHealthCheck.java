package dev.claimtrail.query.infra.observability;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Not ready while no broker answers: the read models stop following the logs without one.
 * Readiness only: a restart would not bring the broker back.
 *
 * <p>Quarkus's own check ({@code quarkus.kafka.health.enabled}) waits on the admin client without a
 * timeout, so a probe would hang for the client's default minute while the broker is away; this one
 * answers within {@code claimtrail.health.broker-timeout}. The admin client is kept and reconnects
 * by itself once the broker is back.
 */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    private final Map<String, Object> kafkaConfig;
    private final String bootstrapServers;
    private final Duration timeout;
    private Admin admin;

    /** @param kafkaConfig every {@code kafka.*} property, so a secured broker is reached as the channels reach it */
    public BrokerHealthCheck(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                             @ConfigProperty(name = "claimtrail.health.broker-timeout", defaultValue = "3s") Duration timeout) {
        this.kafkaConfig = kafkaConfig;
        this.bootstrapServers = String.valueOf(kafkaConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-broker").withData("bootstrap.servers", bootstrapServers);
        int millis = (int) timeout.toMillis();
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(millis))
                    .nodes().get(millis + 500L, TimeUnit.MILLISECONDS).size();
            return response.status(nodes > 0).withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return response.down().withData("reason", "no broker answered within " + timeout.toMillis() + " ms: "
                    + cause.getClass().getSimpleName()).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            // Only what an admin client understands: the map also holds consumer and producer settings.
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "claimtrail-health");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            // Reconnect attempts back off to at most a second, so readiness returns soon after the broker.
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
