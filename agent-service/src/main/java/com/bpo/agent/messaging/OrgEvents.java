package com.bpo.agent.messaging;

import com.bpo.agent.domain.Agent;
import com.bpo.agent.domain.Brand;
import com.bpo.agent.domain.Engagement;
import com.bpo.agent.domain.Shop;
import com.bpo.agent.domain.Team;
import com.bpo.agent.domain.Vendor;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.outbox.OutboxWriter;
import com.bpo.kit.tenant.EngagementDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Publishes the full current state of an organisation aggregate on the compacted {@code org.events}, through the
 * outbox, in the transaction that changed it.
 */
@ApplicationScoped
public class OrgEvents {

    private final OutboxWriter outbox;
    private final EngagementDirectory engagementDirectory;

    OrgEvents(OutboxWriter outbox, EngagementDirectory engagementDirectory) {
        this.outbox = outbox;
        this.engagementDirectory = engagementDirectory;
    }

    public Uni<String> brandChanged(Brand brand) {
        return outbox.enqueue(
                OutgoingEvent.of(brand.changed()).withBrand(brand.id).withTime(now()));
    }

    public Uni<String> shopChanged(Shop shop) {
        return outbox.enqueue(
                OutgoingEvent.of(shop.changed()).withBrand(shop.brandId).withTime(now()));
    }

    public Uni<String> vendorChanged(Vendor vendor) {
        return outbox.enqueue(
                OutgoingEvent.of(vendor.changed()).withVendor(vendor.id).withTime(now()));
    }

    public Uni<String> teamChanged(Team team) {
        return outbox.enqueue(
                OutgoingEvent.of(team.changed()).withVendor(team.vendorId).withTime(now()));
    }

    public Uni<String> agentChanged(Agent agent) {
        return outbox.enqueue(
                OutgoingEvent.of(agent.changed()).withVendor(agent.vendorId).withTime(now()));
    }

    /**
     * Publishes the engagement and stores the same state in the kit's engagement copy in this transaction, so that
     * a vendor's access follows the change from the next request on instead of after the relay and the consumer.
     * The copy's consumer later sees the same state with the same event time and keeps it.
     */
    public Uni<String> engagementChanged(Engagement engagement) {
        OutgoingEvent event = OutgoingEvent.of(engagement.changed())
                .withBrand(engagement.brandId)
                .withVendor(engagement.vendorId)
                .withTime(now());
        return outbox.enqueue(event)
                .call(eventId -> engagementDirectory.apply(engagement.changed(), event.time(), eventId));
    }

    // PostgreSQL keeps microseconds: the copy's stored event time must equal the ce_time of the record.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
