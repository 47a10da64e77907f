package com.bpo.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.chat.ClosedBy;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.simulator.TrafficEvent.ChatMessage;
import com.bpo.simulator.TrafficEvent.ConversationClose;
import com.bpo.simulator.TrafficEvent.CustomerProfile;
import com.bpo.simulator.TrafficEvent.EventKind;
import com.bpo.simulator.TrafficEvent.OrderChange;
import com.bpo.simulator.TrafficEvent.PhoneCall;
import com.bpo.simulator.TrafficEvent.Reveal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 6, 18, 9, 30, 0, 0, ZoneOffset.ofHours(8));

    private FakePlatform platform;
    private Tally tally;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        platform = new FakePlatform();
        tally = new Tally();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void recordsGoOutAsNdjsonBatchesPerKindAndBrandWithTheBrandsToken() {
        replay(List.of(
                message("brand-zongzi", "c-1", 0, Sender.CUSTOMER, null),
                message("brand-zongzi", "c-1", 1, Sender.AGENT, "agent-starcall-1"),
                message("brand-teahouse", "c-9", 0, Sender.CUSTOMER, null),
                call("call-1", true),
                call("call-2", false),
                order("o-1", OrderStatus.PLACED)));

        List<FakePlatform.Received> messages = platform.received("POST", "/api/v1/chat/messages");
        assertThat(messages).hasSize(2);
        assertThat(messages)
                .allSatisfy(request -> assertThat(request.contentType()).isEqualTo("application/x-ndjson"));
        FakePlatform.Received zongzi = messages.stream()
                .filter(request -> request.body().contains("c-1"))
                .findFirst()
                .orElseThrow();
        assertThat(zongzi.body().lines()).hasSize(2);
        assertThat(zongzi.authorization()).contains(encodedSubject("integration-zongzi"));
        assertThat(platform.received("POST", "/api/v1/calls"))
                .singleElement()
                .satisfies(request -> assertThat(request.body().lines()).hasSize(2));
        assertThat(platform.received("POST", "/api/v1/commerce/orders")).hasSize(1);
        assertThat(tally.sent(EventKind.MESSAGE)).isEqualTo(3);
        assertThat(tally.sent(EventKind.CALL)).isEqualTo(2);
        assertThat(tally.sent(EventKind.ORDER)).isEqualTo(1);
        assertThat(tally.totalFailed()).isZero();
    }

    @Test
    void aBatchMetByTheRateLimitIsSentAgainAfterRetryAfter() {
        AtomicInteger answers = new AtomicInteger();
        platform.answer(
                "/api/v1/chat/messages",
                request -> answers.getAndIncrement() == 0
                        ? new FakePlatform.Reply(429, "{\"detail\":\"slow down\"}", 1)
                        : FakePlatform.Reply.of(200, "{\"accepted\":1,\"duplicates\":0,\"rejected\":0}"));

        replay(List.of(message("brand-zongzi", "c-1", 0, Sender.CUSTOMER, null)));

        List<FakePlatform.Received> sent = platform.received("POST", "/api/v1/chat/messages");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
        assertThat(tally.sent(EventKind.MESSAGE)).isEqualTo(1);
    }

    @Test
    void rejectedRecordsAreCountedAndDescribed() {
        platform.answer(
                "/api/v1/chat/messages",
                request -> FakePlatform.Reply.of(
                        200,
                        "{\"accepted\":1,\"duplicates\":0,\"rejected\":1,\"rejections\":[{\"index\":1,\"errors\":"
                                + "[{\"field\":\"shopId\",\"message\":\"no active engagement\"}]}]}"));

        replay(List.of(
                message("brand-zongzi", "c-1", 0, Sender.CUSTOMER, null),
                message("brand-zongzi", "c-1", 1, Sender.CUSTOMER, null)));

        assertThat(tally.sent(EventKind.MESSAGE)).isEqualTo(1);
        assertThat(tally.rejectedByKind().get(EventKind.MESSAGE)).isEqualTo(1);
        assertThat(tally.problems()).singleElement().asString().contains("shopId", "no active engagement");
    }

    @Test
    void aCloseIsTriedAgainUntilTheConversationIsThere() {
        AtomicInteger answers = new AtomicInteger();
        platform.answer(
                "/api/v1/chat/conversations/",
                request -> answers.getAndIncrement() < 1
                        ? FakePlatform.Reply.of(404, "{\"detail\":\"not found\"}")
                        : FakePlatform.Reply.of(200, "{}"));

        replay(List.of(
                message("brand-zongzi", "c-1", 0, Sender.CUSTOMER, null),
                new ConversationClose("brand-zongzi", "c-1", T0.plusMinutes(5), ClosedBy.CUSTOMER)));

        List<FakePlatform.Received> closes = platform.received("POST", "/api/v1/chat/conversations/c-1/close");
        assertThat(closes).hasSize(2);
        assertThat(closes.get(0).path()).endsWith("?brandId=brand-zongzi");
        assertThat(closes.get(0).body())
                .contains("\"closedBy\":\"CUSTOMER\"", "\"closedAt\":\"2026-06-18T09:35:00+08:00\"");
        assertThat(tally.sent(EventKind.CLOSE)).isEqualTo(1);
    }

    @Test
    void aProfileIsPutAndARevealGoesOutWithTheAgentsOwnTokenAndPurpose() {
        replay(List.of(
                new CustomerProfile("brand-zongzi", "tb-1", T0.toInstant(), "张三", "13812345678", "浙江省杭州市文三路1号", "nick"),
                new Reveal(
                        "brand-zongzi",
                        "tb-1",
                        "agent-bluesea-2",
                        T0.toInstant().plusSeconds(60),
                        List.of("phone", "address"),
                        "customer follow-up")));

        assertThat(platform.received("PUT", "/api/v1/customers/tb-1?brandId=brand-zongzi"))
                .singleElement()
                .satisfies(request -> assertThat(request.body()).contains("\"phone\":\"13812345678\""));
        assertThat(platform.received("POST", "/api/v1/customers/tb-1/reveal?brandId=brand-zongzi"))
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.authorization()).contains(encodedSubject("bluesea-agent-2"));
                    assertThat(request.body())
                            .contains("\"purpose\":\"customer follow-up\"", "\"phone\"", "\"address\"");
                });
        assertThat(tally.sent(EventKind.PROFILE)).isEqualTo(1);
        assertThat(tally.sent(EventKind.REVEAL)).isEqualTo(1);
    }

    @Test
    void aForbiddenRequestFailsWithoutEndlessRetries() {
        platform.answer("/api/v1/commerce/orders", request -> FakePlatform.Reply.of(403, "{\"detail\":\"no role\"}"));

        replay(List.of(order("o-1", OrderStatus.PLACED)));

        assertThat(platform.received("POST", "/api/v1/commerce/orders")).hasSize(1);
        assertThat(tally.failedByKind().get(EventKind.ORDER)).isEqualTo(1);
        assertThat(tally.problems()).singleElement().asString().contains("HTTP 403", "no role");
    }

    @Test
    void aPlatformThatDoesNotAnswerStopsTheRunWithAClearMessage() {
        List<TrafficEvent> profiles = new ArrayList<>();
        for (int i = 0; i < Replay.UNREACHABLE_AFTER + 10; i++) {
            profiles.add(new CustomerProfile(
                    "brand-zongzi", "tb-" + i, T0.toInstant(), "张三", "13812345678", "浙江省杭州市文三路1号", "nick"));
        }
        // Port 1 on loopback: nothing listens, every connection is refused at once.
        PlatformClient nowhere = new PlatformClient(URI.create("http://127.0.0.1:1"));

        assertThatThrownBy(() -> replay(profiles, nowhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the platform does not answer")
                .hasMessageContaining("is the stack up?");
    }

    @Test
    void theClockPacingSpreadsTheScenarioOverRealTimeDividedBySpeed() {
        Instant start = T0.toInstant();
        Replay.Pacing clock = Replay.Pacing.clock(1_000, start, 600);
        Replay.Pacing rate = Replay.Pacing.rate(1_000, 250);

        assertThat(clock.dueNanos(0, start.plus(Duration.ofMinutes(10)))).isEqualTo(1_000 + 1_000_000_000L);
        assertThat(rate.dueNanos(500, start)).isEqualTo(1_000 + 2_000_000_000L);
    }

    @Test
    void theProgressLineShowsEveryKindAndTheRate() {
        tally.sent(EventKind.MESSAGE, 12_345);
        tally.sent(EventKind.REVEAL, 7);

        String line = Progress.line(tally, 2500, T0.toInstant());

        assertThat(line)
                .contains("messages 12,345", "reveals 7", "calls 0", "| 2,500 events/s", "at 06-18 09:30")
                .doesNotContain("rejected");
    }

    private void replay(List<TrafficEvent> events) {
        replay(events, new PlatformClient(platform.gateway()));
    }

    private void replay(List<TrafficEvent> events, PlatformClient client) {
        Map<String, TokenSource> tokens = new ConcurrentHashMap<>();
        Progress progress = new Progress(new PrintStream(output, true, StandardCharsets.UTF_8), false, tally);
        Replay replay = new Replay(
                client,
                brand -> tokens.computeIfAbsent(
                        brand,
                        b -> TokenSource.clientCredentials(
                                client.http(), platform.realm(), "integration-" + b.substring(6), "secret")),
                agent -> tokens.computeIfAbsent(
                        agent,
                        a -> TokenSource.password(
                                client.http(),
                                platform.realm(),
                                "bpo-cli",
                                DemoOrganisation.AGENT_LOGINS.get(a),
                                "demo1234")),
                tally,
                progress);
        replay.send(events, Replay.Pacing.rate(System.nanoTime(), 1000));
    }

    private static ChatMessage message(
            String brandId, String conversationId, int index, Sender sender, String agentId) {
        return new ChatMessage(
                brandId,
                conversationId + "-" + index,
                conversationId,
                "shop-x",
                "tb-1",
                "vendor-starcall",
                sender,
                agentId,
                T0.plusSeconds(index * 10L),
                "你好");
    }

    private static PhoneCall call(String callId, boolean answered) {
        return new PhoneCall(
                "brand-zongzi",
                callId,
                "shop-x",
                "tb-1",
                "vendor-starcall",
                CallDirection.INBOUND,
                T0,
                answered ? T0.plusSeconds(10) : null,
                T0.plusSeconds(100),
                answered ? "agent-starcall-1" : null,
                0,
                20);
    }

    private static OrderChange order(String orderId, OrderStatus status) {
        return new OrderChange(
                "brand-zongzi",
                orderId,
                "shop-x",
                "tb-1",
                status,
                T0.plusHours(1),
                T0.plusHours(1),
                new BigDecimal("88.00"));
    }

    private static String encodedSubject(String subject) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"sub\":\"sub-" + subject + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
