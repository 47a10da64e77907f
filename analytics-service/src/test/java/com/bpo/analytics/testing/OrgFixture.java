package com.bpo.analytics.testing;

import static org.awaitility.Awaitility.await;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.Topics;
import com.bpo.contracts.org.AgentChanged;
import com.bpo.contracts.org.BrandChanged;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.EngagementRole;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.Platform;
import com.bpo.contracts.org.ShopChanged;
import com.bpo.contracts.org.TeamChanged;
import com.bpo.contracts.org.VendorChanged;
import com.bpo.kit.messaging.CloudEventRecords;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.org.OrgKind;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sets up the organisation a test needs the way production does: publishes {@code BrandChanged}, {@code ShopChanged},
 * {@code VendorChanged}, {@code TeamChanged}, {@code AgentChanged} and {@code EngagementChanged} states on
 * {@code org.events} as binary CloudEvents (keyed {@code <kind>:<id>}, {@code ce_brandid}/{@code ce_vendorid} set, as
 * agent-service publishes them) and waits until the service's organisation copy ({@code kit_org_state}) holds them.
 *
 * <pre>{@code
 * @Inject OrgFixture org;                       // or: new OrgFixture(eventProducer)
 *
 * org.publish(List.of(
 *                 OrgFixture.brand("brand-1", ZoneId.of("Asia/Shanghai")),
 *                 OrgFixture.shop("shop-1", "brand-1"),
 *                 OrgFixture.engagement("eng-1", "brand-1", "vendor-1", List.of("shop-1"), KpiVariants.DEFAULTS)))
 *         .awaitStored();
 * }</pre>
 *
 * <p>Each state gets {@code ce_time} = now, strictly later than anything this fixture published before, so a state
 * published later replaces an earlier one of the same aggregate; {@link #publish(EventPayload, Instant)} sets another
 * time (an older time is ignored by the copy, as a replay would be). One fixture per test: it remembers what it
 * published until {@link #awaitStored()}. Use ids unique to the test (the broker and the copy outlive a test).
 */
@Dependent
public class OrgFixture {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SOURCE = "/agent-service";

    private final EventProducer producer;
    // What awaitStored waits for, by record key: the latest state published for it, or a tombstone.
    private final Map<String, Expected> expected = new LinkedHashMap<>();
    private Instant lastTime = Instant.EPOCH;

    public OrgFixture(EventProducer producer) {
        this.producer = Objects.requireNonNull(producer, "producer");
    }

    /**
     * Publishes organisation states in their order, each with the next {@code ce_time}, and returns once the broker
     * has acknowledged all of them.
     *
     * @throws IllegalArgumentException if a payload is not an organisation state
     */
    public OrgFixture publish(List<? extends EventPayload> states) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (EventPayload state : states) {
            records.add(record(state, nextTime()));
        }
        send(records);
        return this;
    }

    /** Publishes one organisation state with the next {@code ce_time}; see {@link #publish(List)}. */
    public OrgFixture publish(EventPayload state) {
        return publish(List.of(state));
    }

    /** Publishes one organisation state as of {@code time}, e.g. an older state that the copy must ignore. */
    public OrgFixture publish(EventPayload state, Instant time) {
        send(List.of(record(state, time.truncatedTo(ChronoUnit.MICROS))));
        return this;
    }

    /** Publishes a tombstone for an aggregate: it was deleted from the compacted topic. */
    public OrgFixture delete(OrgKind kind, String id) {
        String key = kind.key() + ":" + id;
        expected.put(key, new Expected(kind, id, null, null));
        send(List.of(new ProducerRecord<>(Topics.ORG_EVENTS, key, null)));
        return this;
    }

    /**
     * Waits until the organisation copy shows every state (and deletion) published through this fixture since the
     * last call: the row of each aggregate holds the state published last, or a later one.
     *
     * @throws org.awaitility.core.ConditionTimeoutException if it does not within 30 seconds
     */
    public void awaitStored() {
        List<Expected> pending = new ArrayList<>(expected.values());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> allStored(pending));
        expected.clear();
    }

    // ---- States with the fields tests rarely care about filled in.

    public static BrandChanged brand(String brandId, ZoneId timeZone) {
        return new BrandChanged(brandId, "Brand " + brandId, timeZone, true);
    }

    public static ShopChanged shop(String shopId, String brandId) {
        return new ShopChanged(shopId, brandId, Platform.TMALL, "Shop " + shopId, true);
    }

    public static VendorChanged vendor(String vendorId) {
        return new VendorChanged(vendorId, "Vendor " + vendorId, true);
    }

    public static TeamChanged team(String teamId, String vendorId) {
        return new TeamChanged(teamId, vendorId, "Team " + teamId, true);
    }

    public static AgentChanged agent(String agentId, String vendorId, String teamId) {
        return new AgentChanged(agentId, vendorId, teamId, "user-" + agentId, "Agent " + agentId, List.of(), 5, true);
    }

    /** An active engagement on chat and phone for pre- and after-sales, without service hours or SLA targets. */
    public static EngagementChanged engagement(
            String engagementId, String brandId, String vendorId, List<String> shopIds, KpiVariants kpiVariants) {
        return new EngagementChanged(
                engagementId,
                brandId,
                vendorId,
                shopIds,
                List.of(Channel.CHAT, Channel.PHONE),
                List.of(EngagementRole.PRE_SALES, EngagementRole.AFTER_SALES),
                List.of(),
                ZoneId.of("Asia/Shanghai"),
                true,
                null,
                null,
                null,
                kpiVariants);
    }

    private ProducerRecord<String, byte[]> record(EventPayload state, Instant time) {
        OrgKind kind = OrgKind.of(state)
                .orElseThrow(() -> new IllegalArgumentException(
                        "not an organisation state: " + state.getClass().getName()));
        OutgoingEvent event = OutgoingEvent.of(state)
                .withBrand(brandOf(state))
                .withVendor(vendorOf(state))
                .withTime(time);
        String eventId = UUID.randomUUID().toString();
        EventEnvelope envelope = event.envelope(eventId, SOURCE, event.validatedPayload());
        Expected previous = expected.get(event.key());
        // A state older than one published before for the same aggregate is ignored by the copy: keep waiting for
        // the newer one.
        if (previous == null || previous.time() == null || !time.isBefore(previous.time())) {
            expected.put(event.key(), new Expected(kind, kind.idOfRecordKey(event.key()), eventId, time));
        }
        return CloudEventRecords.toRecord(event.topic(), event.key(), envelope, event.headers());
    }

    private void send(List<ProducerRecord<String, byte[]>> records) {
        producer.sendAll(records).await().atMost(PATIENCE);
    }

    // PostgreSQL keeps microseconds; strictly increasing so that a later publish always wins.
    private Instant nextTime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        lastTime = now.isAfter(lastTime) ? now : lastTime.plus(1, ChronoUnit.MICROS);
        return lastTime;
    }

    private static String brandOf(EventPayload state) {
        if (state instanceof BrandChanged brand) {
            return brand.brandId();
        }
        if (state instanceof ShopChanged shop) {
            return shop.brandId();
        }
        return state instanceof EngagementChanged engagement ? engagement.brandId() : null;
    }

    private static String vendorOf(EventPayload state) {
        if (state instanceof VendorChanged vendor) {
            return vendor.vendorId();
        }
        if (state instanceof TeamChanged team) {
            return team.vendorId();
        }
        if (state instanceof AgentChanged agent) {
            return agent.vendorId();
        }
        return state instanceof EngagementChanged engagement ? engagement.vendorId() : null;
    }

    private static boolean allStored(List<Expected> pending) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(
                        "select event_id, state_time from kit_org_state where kind = ? and id = ?")) {
            for (Expected wanted : pending) {
                query.setString(1, wanted.kind().key());
                query.setString(2, wanted.id());
                try (ResultSet row = query.executeQuery()) {
                    if (!wanted.isSatisfiedBy(row)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    // The application's own role: the copy is platform data it reads without any brand scope.
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** An aggregate's expected row: the state with {@code eventId} (or a later one), or none after a tombstone. */
    private record Expected(OrgKind kind, String id, String eventId, Instant time) {

        boolean isSatisfiedBy(ResultSet row) throws SQLException {
            if (eventId == null) {
                return !row.next();
            }
            if (!row.next()) {
                return false;
            }
            Timestamp stored = row.getTimestamp(2);
            return eventId.equals(row.getString(1)) || stored.toInstant().isAfter(time);
        }
    }
}
