package com.bpo.analytics.commerce;

import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.contracts.commerce.RatingReceived;
import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.ingest.Batch;
import com.bpo.kit.ingest.BatchLine;
import com.bpo.kit.ingest.BatchReader;
import com.bpo.kit.ingest.IngestAnswer;
import com.bpo.kit.ingest.ReceivedCounters;
import com.bpo.kit.ingest.Rejection;
import com.bpo.kit.messaging.Fact;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.messaging.VertxContexts;
import com.bpo.kit.org.OrgCopy;
import com.bpo.kit.tenant.TenantScopes;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Takes orders and ratings from brands' shop systems (ARCHITECTURE section 4, facts received from outside): each
 * record is checked, its shop must be a shop of the caller's brand in the organisation copy, and it is published as
 * {@code OrderChanged} or {@code RatingReceived} on {@code commerce.events} straight to Kafka; the answer comes once
 * the broker acknowledged every record. Event ids derive from brand and natural key (order id and status, rating id),
 * so a batch sent again publishes the same ids and changes nothing downstream.
 */
@ApplicationScoped
public class CommerceIngestion {

    /** At most this many records per request; larger batches are refused whole with 413. */
    static final int MAX_RECORDS = 10_000;

    private final TenantScopes scopes;
    private final BatchReader reader;
    private final OrgCopy orgCopy;
    private final FactPublisher facts;
    private final ReceivedCounters orderOutcomes;
    private final ReceivedCounters ratingOutcomes;

    CommerceIngestion(
            TenantScopes scopes, BatchReader reader, OrgCopy orgCopy, FactPublisher facts, MeterRegistry registry) {
        this.scopes = scopes;
        this.reader = reader;
        this.orgCopy = orgCopy;
        this.facts = facts;
        this.orderOutcomes =
                new ReceivedCounters(registry, "bpo.orders.received", "Order records received, by outcome");
        this.ratingOutcomes =
                new ReceivedCounters(registry, "bpo.ratings.received", "Rating records received, by outcome");
    }

    /**
     * Reads, checks and publishes a batch of order records for the caller's brand ({@code brandId} names it when the
     * caller's access covers several brands).
     */
    public Uni<IngestAnswer> ingestOrders(String brandId, byte[] body, String contentType) {
        return ingest(brandId, body, contentType, OrderRecord.class, OrderRecord::shopId, this::orders)
                .invoke(orderOutcomes::count);
    }

    /** As {@link #ingestOrders}, for rating records. */
    public Uni<IngestAnswer> ingestRatings(String brandId, byte[] body, String contentType) {
        return ingest(brandId, body, contentType, RatingRecord.class, RatingRecord::shopId, this::ratings)
                .invoke(ratingOutcomes::count);
    }

    /** What one kind of record becomes: the facts to publish and the answer once they are durable. */
    private record Decided(List<Fact> facts, IngestAnswer answer) {}

    /** Decides a batch whose shops were looked up: rejections, duplicates within the batch and the facts. */
    @FunctionalInterface
    private interface Decision<T> {
        Decided decide(String brandId, Batch<T> batch, Set<String> shopsOfBrand);
    }

    private <T> Uni<IngestAnswer> ingest(
            String requestedBrand,
            byte[] body,
            String contentType,
            Class<T> recordType,
            Function<T, String> shopOf,
            Decision<T> decision) {
        // The brand first: a caller outside its scope learns nothing and costs no parsing.
        return scopes.current()
                .map(scope -> brandOf(scope.selectBrand(requestedBrand), requestedBrand))
                .chain(brandId -> read(body, contentType, recordType)
                        .chain(batch -> orgCopy.shopsOfBrand(brandId, shopIds(batch, shopOf))
                                .chain(shops -> publish(decision.decide(brandId, batch, shops)))));
    }

    private static String brandOf(String selected, String requested) {
        if (selected == null) {
            throw ProblemException.notFound("Brand " + requested + " not found.");
        }
        return selected;
    }

    // Binding and validating 10,000 records takes tens of milliseconds of CPU: not on the event loop. The batch comes
    // back on the request's context, where the organisation copy's reactive session may be used.
    private <T> Uni<Batch<T>> read(byte[] body, String contentType, Class<T> recordType) {
        return VertxContexts.onWorker(() -> reader.read(body, contentType, recordType, MAX_RECORDS));
    }

    private static <T> Set<String> shopIds(Batch<T> batch, Function<T, String> shopOf) {
        Set<String> shopIds = new HashSet<>();
        batch.lines().forEach(line -> shopIds.add(shopOf.apply(line.record())));
        return shopIds;
    }

    private Uni<IngestAnswer> publish(Decided decided) {
        return facts.publish(decided.facts())
                .invoke(ids -> Log.debugf(
                        "Published %d commerce facts (%d duplicates, %d rejected)",
                        ids.size(),
                        decided.answer().duplicates(),
                        decided.answer().rejected()))
                .map(ids -> decided.answer());
    }

    private Decided orders(String brandId, Batch<OrderRecord> batch, Set<String> shopsOfBrand) {
        List<Rejection> refusals = new ArrayList<>();
        List<Fact> published = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, OrderChanged> firstOfOrder = new HashMap<>();
        int duplicates = 0;
        for (BatchLine<OrderRecord> line : batch.lines()) {
            OrderRecord record = line.record();
            List<FieldError> errors = new ArrayList<>(CommerceRules.orderErrors(record));
            if (!shopsOfBrand.contains(record.shopId())) {
                errors.add(notAShopOf(brandId, record.shopId()));
            }
            OrderChanged order = errors.isEmpty() ? orderChanged(brandId, record) : null;
            if (order != null) {
                errors.addAll(disagreements(firstOfOrder.putIfAbsent(order.orderId(), order), order));
            }
            if (!errors.isEmpty()) {
                refusals.add(new Rejection(line.index(), errors));
                continue;
            }
            String naturalKey = order.orderId() + "/" + order.status();
            if (!seen.add(naturalKey)) {
                duplicates++;
                continue;
            }
            OutgoingEvent event = OutgoingEvent.of(order).withBrand(brandId).withTime(order.at());
            published.add(new Fact(event, naturalKey));
        }
        return new Decided(published, IngestAnswer.of(batch.rejecting(refusals), duplicates));
    }

    private Decided ratings(String brandId, Batch<RatingRecord> batch, Set<String> shopsOfBrand) {
        List<Rejection> refusals = new ArrayList<>();
        List<Fact> published = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (BatchLine<RatingRecord> line : batch.lines()) {
            RatingRecord record = line.record();
            List<FieldError> errors = new ArrayList<>(CommerceRules.ratingErrors(record));
            if (!shopsOfBrand.contains(record.shopId())) {
                errors.add(notAShopOf(brandId, record.shopId()));
            }
            if (!errors.isEmpty()) {
                refusals.add(new Rejection(line.index(), errors));
                continue;
            }
            if (!seen.add(record.ratingId())) {
                duplicates++;
                continue;
            }
            RatingReceived rating = new RatingReceived(
                    record.ratingId(),
                    brandId,
                    record.shopId(),
                    record.customerId(),
                    record.orderId(),
                    record.conversationId(),
                    record.ratedAt().toInstant(),
                    Math.toIntExact(record.itemScore()),
                    Math.toIntExact(record.serviceScore()),
                    Math.toIntExact(record.logisticsScore()));
            OutgoingEvent event = OutgoingEvent.of(rating).withBrand(brandId).withTime(rating.ratedAt());
            published.add(new Fact(event, record.ratingId()));
        }
        return new Decided(published, IngestAnswer.of(batch.rejecting(refusals), duplicates));
    }

    private static OrderChanged orderChanged(String brandId, OrderRecord record) {
        return new OrderChanged(
                record.orderId(),
                brandId,
                record.shopId(),
                record.customerId(),
                record.status(),
                CommerceRules.placedAt(record),
                record.at().toInstant(),
                CommerceRules.amount(record),
                CommerceRules.CURRENCY);
    }

    // Every status of an order repeats where and by whom it was placed (the KPIs read them from any one status), so
    // records of one order in one batch must agree on them.
    private static List<FieldError> disagreements(OrderChanged first, OrderChanged order) {
        if (first == null || first == order) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        if (!first.shopId().equals(order.shopId())) {
            errors.add(FieldError.of("shopId", "differs from an earlier record of the same order in this batch"));
        }
        if (!first.customerId().equals(order.customerId())) {
            errors.add(FieldError.of("customerId", "differs from an earlier record of the same order in this batch"));
        }
        if (!Objects.equals(first.placedAt(), order.placedAt())) {
            errors.add(FieldError.of("placedAt", "differs from an earlier record of the same order in this batch"));
        }
        return errors;
    }

    // The same words whether the shop is unknown or another brand's: a caller cannot probe other brands' shops.
    private static FieldError notAShopOf(String brandId, String shopId) {
        return new FieldError("shopId", "is not a shop of brand " + brandId, shopId);
    }
}
