package com.bpo.agent.call;

import com.bpo.agent.ingest.Routing;
import com.bpo.contracts.Channel;
import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.call.CallEnded;
import com.bpo.kit.ingest.Batch;
import com.bpo.kit.ingest.BatchLine;
import com.bpo.kit.ingest.IngestAnswer;
import com.bpo.kit.ingest.ReceivedCounters;
import com.bpo.kit.ingest.Rejection;
import com.bpo.kit.messaging.Fact;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.tenant.Principal;
import com.bpo.kit.tenant.TenantConnections;
import com.bpo.kit.tenant.TenantScopes;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes ended calls from brands' telephony and vendors' desk tools: each record is checked, routed to its brand,
 * vendor and engagement, and published as {@code CallEnded} on {@code call.events} straight to Kafka; the answer comes
 * once the broker acknowledged. Event ids derive from brand and call id, so the same call sent again changes nothing
 * downstream. The call table is built from the topic ({@link CallTables}).
 */
@ApplicationScoped
public class CallIngestion {

    private final TenantScopes scopes;
    private final TenantConnections connections;
    private final FactPublisher facts;
    private final ReceivedCounters received;

    CallIngestion(TenantScopes scopes, TenantConnections connections, FactPublisher facts, MeterRegistry registry) {
        this.scopes = scopes;
        this.connections = connections;
        this.facts = facts;
        this.received = new ReceivedCounters(
                registry, "bpo.calls.received", "Calls received through the ingestion API, by outcome");
    }

    /** Checks, routes and publishes a batch; the answer counts what was accepted (durable) and rejected. */
    public Uni<IngestAnswer> ingest(Batch<CallRecord> batch) {
        Principal principal = scopes.principal();
        return scopes.current()
                .chain(scope -> connections.inScope(scope, transaction -> lookUp(transaction, batch)))
                .chain(known -> publish(batch, known, principal));
    }

    private record Known(Routing routing, Set<String> calls) {}

    private Uni<Known> lookUp(SqlConnection transaction, Batch<CallRecord> batch) {
        return Routing.loadFor(transaction, Channel.PHONE, batch.lines(), CallRecord::shopId, CallRecord::agentId)
                .chain(routing -> routing.storedIds(
                                transaction, "call", "call_id", batch.lines(), CallRecord::shopId, CallRecord::callId)
                        .map(calls -> new Known(routing, calls)));
    }

    private Uni<IngestAnswer> publish(Batch<CallRecord> batch, Known known, Principal principal) {
        List<Rejection> refusals = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        List<Fact> calls = new ArrayList<>(batch.lines().size());
        int duplicateCount = 0;
        for (BatchLine<CallRecord> line : batch.lines()) {
            CallRecord record = line.record();
            Rejection refusal = refusal(line.index(), record);
            if (refusal != null) {
                refusals.add(refusal);
                continue;
            }
            Routing.Decision decision = known.routing()
                    .route(
                            record.shopId(),
                            record.agentId(),
                            record.vendorId(),
                            principal.vendorId(),
                            null,
                            record.offeredAt().toInstant());
            if (!decision.routed()) {
                refusals.add(Rejection.of(
                        line.index(),
                        decision.refusal().field(),
                        decision.refusal().message()));
                continue;
            }
            String callKey = Routing.brandKey(decision.route().brandId(), record.callId());
            if (seen.putIfAbsent(callKey, Boolean.TRUE) != null) {
                duplicateCount++;
                continue;
            }
            if (known.calls().contains(callKey)) {
                duplicateCount++;
            }
            calls.add(callEnded(record, decision.route()));
        }
        IngestAnswer answer = IngestAnswer.of(batch.rejecting(refusals), duplicateCount);
        return facts.publish(calls).invoke(() -> received.count(answer)).map(ignored -> answer);
    }

    /** The rules between a record's fields, which Bean Validation on single fields cannot express. */
    private static Rejection refusal(int index, CallRecord record) {
        Instant offered = record.offeredAt().toInstant();
        Instant ended = record.endedAt().toInstant();
        if (record.answeredAt() != null) {
            Instant answered = record.answeredAt().toInstant();
            if (answered.isBefore(offered)) {
                return Rejection.of(index, "answeredAt", "before offeredAt");
            }
            if (ended.isBefore(answered)) {
                return Rejection.of(index, "endedAt", "before answeredAt");
            }
            if (record.agentId() == null) {
                return Rejection.of(index, "agentId", "required for an answered call");
            }
        } else {
            if (ended.isBefore(offered)) {
                return Rejection.of(index, "endedAt", "before offeredAt");
            }
            if (record.agentId() != null) {
                return Rejection.of(index, "agentId", "only for an answered call; without answeredAt it was abandoned");
            }
        }
        if (record.callbackOf() != null && record.direction() != CallDirection.CALLBACK) {
            return Rejection.of(index, "callbackOf", "only for direction CALLBACK");
        }
        return null;
    }

    private static Fact callEnded(CallRecord record, Routing.Route route) {
        Instant offered = record.offeredAt().toInstant();
        Instant answered =
                record.answeredAt() == null ? null : record.answeredAt().toInstant();
        Instant ended = record.endedAt().toInstant();
        long wait =
                Duration.between(offered, answered == null ? ended : answered).getSeconds();
        long talk = answered == null ? 0 : Duration.between(answered, ended).getSeconds();
        CallEnded call = new CallEnded(
                record.callId(),
                route.brandId(),
                route.vendorId(),
                record.shopId(),
                record.customerId(),
                route.engagement().engagementId(),
                record.agentId(),
                record.direction(),
                offered,
                answered,
                ended,
                wait,
                talk,
                record.holdSeconds() == null ? 0 : record.holdSeconds(),
                record.wrapSeconds() == null ? 0 : record.wrapSeconds(),
                answered == null,
                record.callbackOf());
        OutgoingEvent event = OutgoingEvent.of(call)
                .withBrand(route.brandId())
                .withVendor(route.vendorId())
                .withTime(ended);
        return new Fact(event, record.callId());
    }
}
