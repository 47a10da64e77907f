package com.bpo.kit.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.contracts.Channel;
import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventTypes;
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
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The organisation copy ({@code kit_org_state}) follows org.events, and {@link OrgCopy} reads it. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class OrgCopyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    EventProducer producer;

    @Inject
    OrgCopy orgCopy;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String brand = "org-brand-" + suffix;
    private final String vendor = "org-vendor-" + suffix;
    private final String shop = "org-shop-" + suffix;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void everyKindIsStoredWithItsColumnsAndThePublishedState() throws SQLException {
        OrgEventsOnPartitionZero orgEvents = new OrgEventsOnPartitionZero(producer);
        String brandEvent = orgEvents.publish(brandChanged("Zongzi Co", ZoneId.of("Europe/Berlin")), t0);
        orgEvents.publish(
                OutgoingEvent.of(new ShopChanged(shop, brand, Platform.TMALL, "Flagship", true))
                        .withBrand(brand),
                t0);
        orgEvents.publish(
                OutgoingEvent.of(new VendorChanged(vendor, "Hangzhou CS", true)).withVendor(vendor), t0);
        orgEvents.publish(
                OutgoingEvent.of(new TeamChanged("team-" + suffix, vendor, "Pre-sales", false))
                        .withVendor(vendor),
                t0);
        orgEvents.publish(
                OutgoingEvent.of(agent("agent-" + suffix, "team-" + suffix)).withVendor(vendor), t0);
        orgEvents.publish(
                OutgoingEvent.of(engagement("eng-" + suffix, List.of(shop), 3))
                        .withBrand(brand)
                        .withVendor(vendor),
                t0);

        await().atMost(PATIENCE).until(() -> rowCount("kind = 'engagement' and id = ?", "eng-" + suffix) == 1);

        assertThat(rows(
                        "id in (?, ?, ?, ?, ?, ?)",
                        brand,
                        shop,
                        vendor,
                        "team-" + suffix,
                        "agent-" + suffix,
                        "eng-" + suffix))
                .containsExactlyInAnyOrder(
                        new StoredRow("brand", brand, brand, null, true),
                        new StoredRow("shop", shop, brand, null, true),
                        new StoredRow("vendor", vendor, null, vendor, true),
                        new StoredRow("team", "team-" + suffix, null, vendor, false),
                        new StoredRow("agent", "agent-" + suffix, null, vendor, true),
                        new StoredRow("engagement", "eng-" + suffix, brand, vendor, true));
        assertThat(text("select event_id from kit_org_state where kind = 'brand' and id = ?", brand))
                .isEqualTo(brandEvent);
        assertThat(text("select state_time::text from kit_org_state where kind = 'brand' and id = ?", brand))
                .isEqualTo(text("select ?::timestamptz::text", t0.toString()));
        // The JSON field names are what SQL joins read; these are the examples of the kit's README.
        assertThat(text("select state->>'timeZone' from kit_org_state where kind = 'brand' and id = ?", brand))
                .isEqualTo("Europe/Berlin");
        assertThat(text(
                        "select state->'kpiVariants'->>'conversionWindowDays' from kit_org_state"
                                + " where kind = 'engagement' and id = ?",
                        "eng-" + suffix))
                .isEqualTo("3");
        assertThat(text(
                        "select (state->'shopIds' ?? ?)::text from kit_org_state where kind = 'engagement' and id = ?",
                        shop,
                        "eng-" + suffix))
                .isEqualTo("true");
        assertThat(text(
                        "select state->>'teamId' from kit_org_state where kind = 'agent' and id = ?",
                        "agent-" + suffix))
                .isEqualTo("team-" + suffix);
    }

    @Test
    void orgCopyReadsTimeZonesShopsTeamsAndWholeStates() {
        OrgEventsOnPartitionZero orgEvents = new OrgEventsOnPartitionZero(producer);
        String otherBrand = brand + "-other";
        String otherShop = shop + "-other";
        EngagementChanged engagement = engagement("eng-" + suffix, List.of(shop), 5);
        orgEvents.publish(brandChanged("Mooncake Co", ZoneId.of("America/New_York")), t0);
        orgEvents.publish(
                OutgoingEvent.of(new ShopChanged(shop, brand, Platform.JD, "JD store", false))
                        .withBrand(brand),
                t0);
        orgEvents.publish(
                OutgoingEvent.of(new ShopChanged(otherShop, otherBrand, Platform.JD, "Other", true))
                        .withBrand(otherBrand),
                t0);
        orgEvents.publish(
                OutgoingEvent.of(agent("agent-" + suffix, "team-" + suffix)).withVendor(vendor), t0);
        orgEvents.publish(OutgoingEvent.of(engagement).withBrand(brand).withVendor(vendor), t0);

        await().atMost(PATIENCE)
                .until(() -> onVertx(() -> orgCopy.find(EngagementChanged.class, engagement.engagementId()))
                        .isPresent());

        assertThat(onVertx(() -> orgCopy.find(EngagementChanged.class, engagement.engagementId())))
                .contains(engagement);
        assertThat(onVertx(() -> orgCopy.timeZone(brand))).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(onVertx(() -> orgCopy.timeZone("unknown-" + brand))).isEqualTo(OrgCopy.DEFAULT_TIME_ZONE);
        // A deactivated shop still belongs to its brand; another brand's shop and an unknown shop do not.
        assertThat(onVertx(() -> orgCopy.shopsOfBrand(brand, List.of(shop, otherShop, "unknown-" + shop))))
                .containsExactly(shop);
        assertThat(onVertx(() -> orgCopy.shopBelongsTo(otherBrand, otherShop))).isTrue();
        assertThat(onVertx(() -> orgCopy.shopBelongsTo(brand, otherShop))).isFalse();
        assertThat(onVertx(() -> orgCopy.teamOf("agent-" + suffix))).contains("team-" + suffix);
        assertThat(onVertx(() -> orgCopy.teamOf("unknown-agent-" + suffix))).isEmpty();
        assertThat(onVertx(() -> orgCopy.find(VendorChanged.class, vendor))).isEmpty();
    }

    @Test
    void olderStateAfterANewerOneIsIgnored() throws SQLException {
        OrgEventsOnPartitionZero orgEvents = new OrgEventsOnPartitionZero(producer);
        String newer = orgEvents.publish(brandChanged("Renamed", ZoneId.of("Asia/Tokyo")), t0.plusSeconds(60));
        orgEvents.publish(brandChanged("Original", ZoneId.of("Asia/Shanghai")), t0);
        awaitProcessedUpToHere(orgEvents);

        assertThat(text("select state->>'name' from kit_org_state where kind = 'brand' and id = ?", brand))
                .isEqualTo("Renamed");
        assertThat(text("select event_id from kit_org_state where kind = 'brand' and id = ?", brand))
                .isEqualTo(newer);
        assertThat(onVertx(() -> orgCopy.timeZone(brand))).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void laterStateReplacesTheStoredOne() {
        OrgEventsOnPartitionZero orgEvents = new OrgEventsOnPartitionZero(producer);
        orgEvents.publish(
                OutgoingEvent.of(agent("agent-" + suffix, "team-a-" + suffix)).withVendor(vendor), t0);
        orgEvents.publish(
                OutgoingEvent.of(agent("agent-" + suffix, "team-b-" + suffix)).withVendor(vendor), t0.plusSeconds(1));

        await().atMost(PATIENCE)
                .until(() -> onVertx(() -> orgCopy.teamOf("agent-" + suffix)).equals(Optional.of("team-b-" + suffix)));
    }

    @Test
    void tombstoneDeletesTheRowOfItsKey() {
        OrgEventsOnPartitionZero orgEvents = new OrgEventsOnPartitionZero(producer);
        ShopChanged shopChanged = new ShopChanged(shop, brand, Platform.PDD, "PDD store", true);
        orgEvents.publish(OutgoingEvent.of(shopChanged).withBrand(brand), t0);
        orgEvents.publish(
                OutgoingEvent.of(new ShopChanged(shop + "-kept", brand, Platform.PDD, "Kept", true))
                        .withBrand(brand),
                t0);
        await().atMost(PATIENCE)
                .until(() -> onVertx(() -> orgCopy.shopsOfBrand(brand, List.of(shop, shop + "-kept")))
                                .size()
                        == 2);

        orgEvents.tombstone(shopChanged.key());

        await().atMost(PATIENCE).until(() -> !onVertx(() -> orgCopy.shopBelongsTo(brand, shop)));
        assertThat(onVertx(() -> orgCopy.shopBelongsTo(brand, shop + "-kept"))).isTrue();
    }

    @Test
    void invalidRecordIsDeadLetteredAndTheCopyMovesOn() {
        OrgEventsOnPartitionZero orgEvents = new OrgEventsOnPartitionZero(producer);
        String badId = UUID.randomUUID().toString();
        byte[] shopWithoutBrand = ("{\"shopId\":\"" + shop + "-bad\",\"platform\":\"TMALL\",\"name\":\"x\","
                        + "\"active\":true}")
                .getBytes(StandardCharsets.UTF_8);
        orgEvents.publishRaw(
                "shop:" + shop + "-bad",
                new EventEnvelope(
                        badId, EventTypes.SHOP_CHANGED, "/agent-service", t0, null, null, null, shopWithoutBrand));
        orgEvents.publish(
                OutgoingEvent.of(new ShopChanged(shop, brand, Platform.TMALL, "Good", true))
                        .withBrand(brand),
                t0);

        await().atMost(PATIENCE).until(() -> onVertx(() -> orgCopy.shopBelongsTo(brand, shop)));
        try (KafkaTestClient kafka =
                new KafkaTestClient(InfraTestResource.kafka().bootstrapServers())) {
            ConsumerRecord<String, String> deadLetter = kafka.awaitRecord(
                    Topics.deadLetterTopic(Topics.ORG_EVENTS),
                    record -> badId.equals(KafkaTestClient.header(record, CloudEventHeaders.ID)),
                    PATIENCE);
            assertThat(KafkaTestClient.header(deadLetter, "dead-letter-reason")).contains("brandId");
        }
        assertThat(onVertx(() -> orgCopy.find(ShopChanged.class, shop + "-bad")))
                .isEmpty();
    }

    private OutgoingEvent brandChanged(String name, ZoneId zone) {
        return OutgoingEvent.of(new BrandChanged(brand, name, zone, true)).withBrand(brand);
    }

    private AgentChanged agent(String agentId, String teamId) {
        return new AgentChanged(agentId, vendor, teamId, "user-" + agentId, "Agent", List.of("PRE_SALES"), 5, true);
    }

    private EngagementChanged engagement(String engagementId, List<String> shopIds, int conversionWindowDays) {
        return new EngagementChanged(
                engagementId,
                brand,
                vendor,
                shopIds,
                List.of(Channel.CHAT),
                List.of(EngagementRole.PRE_SALES),
                List.of(),
                ZoneId.of("Asia/Shanghai"),
                true,
                null,
                null,
                null,
                new KpiVariants(45, conversionWindowDays, null, null, null));
    }

    /** A sentinel on the same partition shows up once every earlier record was handled. */
    private void awaitProcessedUpToHere(OrgEventsOnPartitionZero orgEvents) {
        String sentinel = "sentinel-" + UUID.randomUUID();
        orgEvents.publish(
                OutgoingEvent.of(new VendorChanged(sentinel, "Sentinel", true)).withVendor(sentinel), Instant.now());
        await().atMost(PATIENCE).until(() -> onVertx(() -> orgCopy.find(VendorChanged.class, sentinel))
                .isPresent());
    }

    private static <T> T onVertx(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredRow(String kind, String id, String brandId, String vendorId, boolean active) {}

    private static List<StoredRow> rows(String where, String... parameters) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(
                        "select kind, id, brand_id, vendor_id, active from kit_org_state where " + where)) {
            bind(query, parameters);
            List<StoredRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new StoredRow(
                            result.getString(1),
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getBoolean(5)));
                }
            }
            return rows;
        }
    }

    private static int rowCount(String where, String... parameters) throws SQLException {
        return rows(where, parameters).size();
    }

    private static String text(String sql, String... parameters) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private static void bind(PreparedStatement query, String... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            query.setString(i + 1, parameters[i]);
        }
    }

    // As the application role, the one services read the copy with.
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
