package dev.claimtrail.claims.infra.observability;

import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Traces and metrics of the article stream. The connector traces records one at a time, but this
 * service takes them in batches and writes claims through a Kafka transaction, so it cannot follow an
 * article on its own: each article gets a span here, a child of its record's trace, and the claim
 * records written while that span is current carry its context (see {@link #traceOf()}).
 *
 * <p>Metrics: {@code claimtrail_extraction_seconds} (timer, by extractor version and outcome),
 * {@code claimtrail_extraction_claims} (claims per article), {@code claimtrail_dead_letters_total}
 * (records dead-lettered, by dead-letter topic and reason, counted once the transaction committed).
 */
@ApplicationScoped
public class ArticleObservability {

    public static final String EXTRACTION_TIME = "claimtrail.extraction";
    public static final String CLAIMS_PER_ARTICLE = "claimtrail.extraction.claims";
    public static final String DEAD_LETTERS = "claimtrail.dead.letters";

    /** Dead-letter reasons, few and fixed so they can be a label: the full reason is in the record's headers. */
    public static final String UNDECODABLE = "undecodable";
    public static final String EXTRACTION_FAILED = "extraction-failed";

    private static final Logger LOG = Logger.getLogger(ArticleObservability.class);
    private static final String MDC_TRACE_ID = "traceId";
    private static final String MDC_SPAN_ID = "spanId";

    private final MeterRegistry registry;
    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public ArticleObservability(MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.registry = registry;
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("claimtrail.claims");
    }

    /**
     * Starts the span of one article record and makes it current on this thread until closed. Its parent
     * is the consumer span the connector recorded for the record, or else the record's own traceparent.
     */
    public ArticleSpan articleSpan(KafkaRecord<String, String> record) {
        Context parent = record.getMetadata(TracingMetadata.class)
                .map(TracingMetadata::getCurrentContext)
                .filter(context -> Span.fromContext(context).getSpanContext().isValid())
                .orElseGet(() -> openTelemetry.getPropagators().getTextMapPropagator()
                        .extract(Context.root(), record.getHeaders(), HeadersGetter.INSTANCE));
        Span span = tracer.spanBuilder("extract claims")
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.getTopic())
                .setAttribute("messaging.kafka.message.key", String.valueOf(record.getKey()))
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.getPartition()))
                .startSpan();
        return new ArticleSpan(span, span.makeCurrent());
    }

    /**
     * The trace the current article's output continues: attach it to each outgoing message so the
     * connector writes it as that record's {@code traceparent}, whichever thread ends up sending.
     */
    public static TracingMetadata traceOf() {
        return TracingMetadata.withCurrent(Context.current());
    }

    /**
     * Runs one extraction and records its duration and, unless it failed, its number of claims.
     *
     * @param events what the extraction produced; its ArticleProcessed gives outcome, version and count
     */
    public <T> T extraction(Supplier<T> extraction, Function<T, List<? extends Event>> events) {
        long started = System.nanoTime();
        T result = extraction.get();
        try {
            measure(System.nanoTime() - started, events.apply(result));
        } catch (RuntimeException e) {
            // Measuring must never fail the article's transaction.
            LOG.warn("could not record extraction metrics", e);
        }
        return result;
    }

    private void measure(long nanos, List<? extends Event> events) {
        ArticleProcessed processed = events.stream()
                .filter(ArticleProcessed.class::isInstance).map(ArticleProcessed.class::cast)
                .reduce((first, second) -> second).orElse(null);
        String version = processed == null || processed.extractor() == null ? "unknown" : processed.extractor().version();
        String outcome = processed == null ? "unknown" : processed.outcome();
        Timer.builder(EXTRACTION_TIME)
                .description("Time to extract the claims of one article")
                .tag("extractor_version", version)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (processed != null && !ArticleProcessed.FAILED.equals(outcome)) {
            DistributionSummary.builder(CLAIMS_PER_ARTICLE)
                    .description("Claims extracted per article")
                    .tag("extractor_version", version)
                    // le=1 also counts the articles without any claim
                    .serviceLevelObjectives(1, 2, 5, 10, 20, 50)
                    .register(registry)
                    .record(processed.claimCount());
        } else if (processed != null) {
            Span.current().setStatus(StatusCode.ERROR, processed.reason() == null ? "extraction failed" : processed.reason());
        }
    }

    /** Counts dead letters that are now in the log: call once their transaction committed. */
    public void deadLettered(String reason, int count) {
        if (count <= 0) {
            return;
        }
        try {
            Counter.builder(DEAD_LETTERS)
                    .description("Records written to a dead-letter topic, by reason")
                    .tag("topic", Topics.ARTICLES_DLQ)
                    .tag("source_topic", Topics.ARTICLES)
                    .tag("reason", reason)
                    .register(registry)
                    .increment(count);
        } catch (RuntimeException e) {
            LOG.warn("could not count dead letters", e);
        }
    }

    /** The current span of an article record; closing it ends the span and restores the thread's context. */
    public static final class ArticleSpan implements AutoCloseable {
        private final Span span;
        private final Scope scope;
        private final Object previousTraceId;
        private final Object previousSpanId;

        ArticleSpan(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
            // Extraction threads have no Vert.x context, so Quarkus does not fill the log MDC for them.
            this.previousTraceId = MDC.get(MDC_TRACE_ID);
            this.previousSpanId = MDC.get(MDC_SPAN_ID);
            MDC.put(MDC_TRACE_ID, span.getSpanContext().getTraceId());
            MDC.put(MDC_SPAN_ID, span.getSpanContext().getSpanId());
        }

        @Override
        public void close() {
            restore(MDC_TRACE_ID, previousTraceId);
            restore(MDC_SPAN_ID, previousSpanId);
            scope.close();
            span.end();
        }

        private static void restore(String key, Object previous) {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        }
    }

    /** Reads W3C trace headers (traceparent, tracestate) from Kafka record headers. */
    enum HeadersGetter implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header header : headers) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
