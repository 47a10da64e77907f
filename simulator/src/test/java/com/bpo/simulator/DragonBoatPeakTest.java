package com.bpo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.simulator.TrafficEvent.ChatMessage;
import com.bpo.simulator.TrafficEvent.ConversationClose;
import com.bpo.simulator.TrafficEvent.CustomerProfile;
import com.bpo.simulator.TrafficEvent.EventKind;
import com.bpo.simulator.TrafficEvent.OrderChange;
import com.bpo.simulator.TrafficEvent.PhoneCall;
import com.bpo.simulator.TrafficEvent.Rating;
import com.bpo.simulator.TrafficEvent.Reveal;
import com.bpo.simulator.TrafficFigures.VendorFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DragonBoatPeakTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 16);
    private static final int DAYS = 3;

    private List<TrafficEvent> traffic;
    private TrafficFigures figures;

    @BeforeAll
    void generate() {
        traffic = DragonBoatPeak.generate(42, FIRST_DAY, DAYS);
        figures = TrafficFigures.of(traffic);
    }

    @Test
    void sameSeedGivesTheSameTraffic() {
        List<TrafficEvent> again = DragonBoatPeak.generate(42, FIRST_DAY, DAYS);

        assertThat(again).isEqualTo(traffic);
        assertThat(wireLines(again)).isEqualTo(wireLines(traffic));
    }

    @Test
    void anotherSeedGivesOtherTrafficWithOtherIds() {
        List<TrafficEvent> other = DragonBoatPeak.generate(43, FIRST_DAY, DAYS);

        assertThat(other).isNotEqualTo(traffic);
        // Ids carry the seed, so a run with another seed adds traffic instead of repeating it.
        assertThat(Collections.disjoint(messageIds(other), messageIds(traffic))).isTrue();
    }

    @Test
    void everyKindOfEventIsPresent() {
        assertThat(figures.events())
                .allSatisfy((kind, count) -> assertThat(count).as(kind.label()).isPositive());
        assertThat(traffic).anyMatch(e -> e instanceof ChatMessage m && m.sender() == Sender.BOT);
        assertThat(traffic).anyMatch(e -> e instanceof OrderChange o && o.status() == OrderStatus.REFUNDED);
        assertThat(traffic).anyMatch(e -> e instanceof Rating r && r.conversationId() != null);
        assertThat(traffic).anyMatch(e -> e instanceof Rating r && r.conversationId() == null);
    }

    @Test
    void trafficStaysInsideTheDaysAndIsSortedByTime() {
        Instant start = FIRST_DAY.atStartOfDay(DragonBoatPeak.ZONE).toInstant();
        Instant end = FIRST_DAY.plusDays(DAYS).atStartOfDay(DragonBoatPeak.ZONE).toInstant();

        assertThat(traffic).allSatisfy(event -> assertThat(event.at()).isBetween(start, end.minusNanos(1)));
        for (int i = 1; i < traffic.size(); i++) {
            assertThat(traffic.get(i).at()).isAfterOrEqualTo(traffic.get(i - 1).at());
        }
    }

    @Test
    void theVolumeRisesTowardsTheFestival() {
        Map<LocalDate, Long> perDay = traffic.stream()
                .filter(e -> e instanceof ChatMessage m && m.sender() == Sender.CUSTOMER)
                .collect(Collectors.groupingBy(
                        e -> e.at().atZone(DragonBoatPeak.ZONE).toLocalDate(), Collectors.counting()));

        assertThat(perDay.get(FIRST_DAY.plusDays(2))).isGreaterThan(perDay.get(FIRST_DAY) * 13 / 10);
    }

    @Test
    void blueseaAnswersMoreSlowlyLeavesMoreUnansweredAndConvertsLess() {
        Map<String, VendorFigures> zongzi = figures.vendors().get(DemoOrganisation.BRAND_ZONGZI);
        VendorFigures starcall = zongzi.get(DemoOrganisation.VENDOR_STARCALL);
        VendorFigures bluesea = zongzi.get(DemoOrganisation.VENDOR_BLUESEA);

        assertThat(starcall.inquiries()).isGreaterThan(1000);
        assertThat(bluesea.inquiries()).isGreaterThan(1000);
        assertThat(bluesea.meanFirstResponseSeconds()).isGreaterThan(starcall.meanFirstResponseSeconds() * 2);
        assertThat(bluesea.responseRate()).isLessThan(starcall.responseRate() - 0.03);
        assertThat(bluesea.buyingShare()).isLessThan(starcall.buyingShare() * 0.8);
    }

    @Test
    void someCallsAreAbandonedMoreOftenAtBluesea() {
        Map<String, VendorFigures> zongzi = figures.vendors().get(DemoOrganisation.BRAND_ZONGZI);
        VendorFigures starcall = zongzi.get(DemoOrganisation.VENDOR_STARCALL);
        VendorFigures bluesea = zongzi.get(DemoOrganisation.VENDOR_BLUESEA);

        assertThat(starcall.callsAbandoned()).isPositive();
        assertThat(bluesea.abandonRate()).isGreaterThan(starcall.abandonRate() * 1.5);
        assertThat(traffic)
                .filteredOn(e -> e instanceof PhoneCall)
                .map(e -> (PhoneCall) e)
                .allSatisfy(call -> assertThat(call.abandoned()).isEqualTo(call.agentId() == null));
    }

    @Test
    void oneAgentRevealsFarMoreCustomersThanAnyOther() {
        Map<String, Long> reveals = figures.revealsByAgent();
        long overRevealing = reveals.get(DemoOrganisation.OVER_REVEALING_AGENT);
        long mostOfTheOthers = reveals.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(DemoOrganisation.OVER_REVEALING_AGENT))
                .mapToLong(Map.Entry::getValue)
                .max()
                .orElse(0);

        assertThat(reveals.keySet()).isSubsetOf(DemoOrganisation.AGENT_LOGINS.keySet());
        assertThat(mostOfTheOthers).isPositive();
        assertThat(overRevealing).isGreaterThan(mostOfTheOthers * 10);
    }

    @Test
    void agentsRevealOnlyCustomersTheyServedAndWhoseProfileCameFirst() {
        Map<String, Instant> profiles = new HashMap<>();
        Set<String> served = new HashSet<>();
        for (TrafficEvent event : traffic) {
            if (event instanceof CustomerProfile profile) {
                profiles.putIfAbsent(profile.brandId() + "|" + profile.customerId(), profile.at());
            } else if (event instanceof ChatMessage message && message.agentId() != null) {
                served.add(message.brandId() + "|" + message.customerId() + "|" + message.agentId());
            } else if (event instanceof Reveal reveal) {
                String customer = reveal.brandId() + "|" + reveal.customerId();
                assertThat(profiles).containsKey(customer);
                assertThat(served).contains(customer + "|" + reveal.agentId());
                assertThat(reveal.purpose()).isNotBlank();
            }
        }
    }

    @Test
    void ordersArePlacedBeforeTheyArePaidOrRefundedAndBuyersHaveProfiles() {
        Map<String, OrderChange> placed = new HashMap<>();
        Set<String> profiles = new HashSet<>();
        for (TrafficEvent event : traffic) {
            if (event instanceof CustomerProfile profile) {
                profiles.add(profile.brandId() + "|" + profile.customerId());
            } else if (event instanceof OrderChange order) {
                if (order.status() == OrderStatus.PLACED) {
                    assertThat(profiles).contains(order.brandId() + "|" + order.customerId());
                    placed.put(order.orderId(), order);
                } else {
                    OrderChange placement = placed.get(order.orderId());
                    assertThat(placement).as(order.orderId()).isNotNull();
                    assertThat(order.placedAt()).isEqualTo(placement.placedAt());
                    assertThat(order.amount()).isLessThanOrEqualTo(placement.amount());
                }
            }
        }
        long paidLater = traffic.stream()
                .filter(e -> e instanceof OrderChange o
                        && o.status() == OrderStatus.PAID
                        && o.changedAt().isAfter(o.placedAt().plusDays(1)))
                .count();
        assertThat(paidLater).isPositive();
    }

    @Test
    void conversationsAreClosedAfterTheirLastMessage() {
        Map<String, Instant> lastMessage = new HashMap<>();
        for (TrafficEvent event : traffic) {
            if (event instanceof ChatMessage message) {
                lastMessage.put(message.brandId() + "|" + message.conversationId(), message.at());
            } else if (event instanceof ConversationClose close) {
                Instant last = lastMessage.get(close.brandId() + "|" + close.conversationId());
                assertThat(last).isNotNull().isBefore(close.at());
            }
        }
    }

    @Test
    void agentMessagesNameTheirAgentAndOthersDoNot() {
        assertThat(traffic)
                .filteredOn(e -> e instanceof ChatMessage)
                .map(e -> (ChatMessage) e)
                .allSatisfy(message -> {
                    assertThat(message.agentId() != null).isEqualTo(message.sender() == Sender.AGENT);
                    assertThat(message.vendorId()).isNotNull();
                });
        assertThat(traffic)
                .filteredOn(e -> e instanceof ChatMessage m && m.brandId().equals(DemoOrganisation.BRAND_TEAHOUSE))
                .allSatisfy(e -> assertThat(((ChatMessage) e).vendorId()).isEqualTo(DemoOrganisation.VENDOR_BLUESEA));
    }

    @Test
    void wireRecordsCarryWhatTheApiRequires() {
        ChatMessage message = first(ChatMessage.class);
        assertThat(message.wire().fieldNames())
                .toIterable()
                .contains("messageId", "conversationId", "shopId", "customerId", "sender", "sentAt", "text");
        assertThat(message.wire().get("sentAt").asText()).endsWith("+08:00");
        OrderChange order = first(OrderChange.class);
        assertThat(order.wire().get("currency").asText()).isEqualTo("CNY");
        assertThat(order.wire().get("amount").asText()).matches("\\d+\\.\\d{2}");
        PhoneCall abandoned = traffic.stream()
                .filter(e -> e instanceof PhoneCall c && c.abandoned())
                .map(e -> (PhoneCall) e)
                .findFirst()
                .orElseThrow();
        assertThat(abandoned.wire().has("answeredAt")).isFalse();
        assertThat(abandoned.wire().has("agentId")).isFalse();
        assertThat(first(CustomerProfile.class).wire().get("phone").asText()).matches("1[3-9]\\d{9}");
    }

    @Test
    void aCustomerHasTheSameProfileInEveryRun() {
        assertThat(DragonBoatPeak.profile("brand-zongzi", "tb-100001", Instant.EPOCH))
                .isEqualTo(DragonBoatPeak.profile("brand-zongzi", "tb-100001", Instant.EPOCH));
        assertThat(DragonBoatPeak.profile("brand-zongzi", "tb-100001", Instant.EPOCH))
                .isNotEqualTo(DragonBoatPeak.profile("brand-zongzi", "tb-100002", Instant.EPOCH));
    }

    @Test
    void theDaysEndAtTheStartOfToday() {
        assertThat(DragonBoatPeak.firstDay(LocalDate.of(2026, 6, 19), 3)).isEqualTo(LocalDate.of(2026, 6, 16));
    }

    private <T extends TrafficEvent> T first(Class<T> type) {
        return traffic.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    private static List<String> wireLines(List<TrafficEvent> events) {
        return events.stream().map(event -> event.wire().toString()).toList();
    }

    private static Set<String> messageIds(List<TrafficEvent> events) {
        return events.stream()
                .filter(e -> e.kind() == EventKind.MESSAGE)
                .map(e -> ((ChatMessage) e).messageId())
                .collect(Collectors.toSet());
    }
}
