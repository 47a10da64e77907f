package com.bpo.simulator;

import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.chat.ClosedBy;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.simulator.TrafficEvent.ChatMessage;
import com.bpo.simulator.TrafficEvent.ConversationClose;
import com.bpo.simulator.TrafficEvent.CustomerProfile;
import com.bpo.simulator.TrafficEvent.OrderChange;
import com.bpo.simulator.TrafficEvent.PhoneCall;
import com.bpo.simulator.TrafficEvent.Rating;
import com.bpo.simulator.TrafficEvent.Reveal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The scenario {@code dragon-boat-peak}: the days before the Dragon Boat Festival, when zongzi gift boxes sell and
 * chat volume climbs day by day. Customers inquire in brand-zongzi's Tmall and JD shops (and, smaller, in
 * brand-teahouse's shop); vendor-starcall answers quickly and sells well, vendor-bluesea answers more slowly, leaves
 * more unanswered and converts less. Orders follow some inquiries the same day, the next day or later; most are paid
 * at once, some days later, a few refunded; some orders are rated. Phone calls come in, and more of bluesea's are
 * abandoned. Agents reveal a customer's address now and then to check an order, except agent-bluesea-2, who reveals
 * nearly every customer he serves.
 *
 * <p>Pure and deterministic: the traffic depends only on the seed, the first day and the number of days. Each shop
 * and day draws from its own random stream, so changing one part of the plan does not reshuffle the rest.
 */
public final class DragonBoatPeak {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Conversations a day in brand-zongzi on the festival's eve, over both shops. */
    static final int ZONGZI_PEAK_CONVERSATIONS = 2000;

    static final int TEAHOUSE_PEAK_CONVERSATIONS = 150;

    /** Relative chat volume by local hour: quiet nights, a morning rush, the evening peak of online shopping. */
    private static final double[] HOUR_WEIGHTS = {
        2, 1, 0.6, 0.4, 0.3, 0.4, 1, 2, 4, 7, 9, 9, 7, 6, 8, 8, 7, 6, 6, 7, 9, 10, 8, 5
    };

    private static final BigDecimal[] PRICES = {
        new BigDecimal("68.00"), new BigDecimal("88.00"), new BigDecimal("128.00"), new BigDecimal("168.00"),
        new BigDecimal("198.00"), new BigDecimal("268.00"), new BigDecimal("328.00"), new BigDecimal("398.00")
    };

    private static final String[] CUSTOMER_OPENERS = {
        "你好，肉粽礼盒还有货吗？",
        "端午节前能送到吗？",
        "蛋黄肉粽和豆沙粽哪个卖得好？",
        "可以开发票吗？",
        "礼盒可以帮忙写贺卡吗？",
        "买三盒有优惠吗？",
        "昨天下的单什么时候发货？",
        "冷链配送吗？夏天会不会坏？"
    };

    private static final String[] CUSTOMER_FOLLOW_UPS = {
        "好的", "那我再看看", "能便宜点吗", "地址写错了，帮我改一下", "急用，今天能发吗", "谢谢", "有没有小包装的", "我的电话13812345678，到了打给我"
    };

    private static final String[] AGENT_REPLIES = {
        "亲，有货的哦，今天下单明天发货",
        "端午前都能送到，放心哦",
        "亲，蛋黄肉粽是我们的招牌，很多老顾客回购",
        "可以开发票的，下单时备注抬头就好",
        "满三盒打九折哦",
        "已经帮您备注了",
        "全程冷链，请放心",
        "好的亲，还有什么可以帮您？"
    };

    private static final String BOT_GREETING = "您好，欢迎光临！端午礼盒热卖中，请问有什么可以帮您？";

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN_NAMES = {
        "伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超"
    };
    private static final String[] CITIES = {
        "浙江省杭州市西湖区文三路", "上海市浦东新区张杨路", "江苏省南京市鼓楼区中山路", "广东省广州市天河区体育西路",
        "北京市朝阳区建国路", "浙江省嘉兴市南湖区中山东路", "四川省成都市锦江区春熙路", "湖北省武汉市江汉区解放大道"
    };
    private static final String[] OVER_REVEAL_PURPOSES = {
        "customer follow-up", "check customer details", "verify identity", "update records"
    };

    private DragonBoatPeak() {}

    /** How one vendor works: how fast its agents answer, how many inquiries it leaves, how well it sells. */
    record VendorStyle(
            String vendorId,
            double firstResponseMedianSeconds,
            double laterResponseMedianSeconds,
            double responseSigma,
            double unansweredShare,
            double conversionShare,
            double callAbandonShare,
            double callWaitMedianSeconds,
            double[] serviceScoreWeights) {}

    static final VendorStyle STARCALL = new VendorStyle(
            DemoOrganisation.VENDOR_STARCALL, 10, 12, 0.6, 0.02, 0.36, 0.05, 8, new double[] {0.01, 0.02, 0.07, 0.2, 0.7
            });

    static final VendorStyle BLUESEA =
            new VendorStyle(DemoOrganisation.VENDOR_BLUESEA, 40, 45, 0.8, 0.08, 0.22, 0.14, 22, new double[] {
                0.03, 0.07, 0.15, 0.3, 0.45
            });

    /** A vendor's part of a shop's traffic and the agents who serve it there. */
    record Share(VendorStyle style, double weight, List<String> agentIds) {}

    /** One shop's traffic plan. */
    record ShopPlan(
            String brandId, String shopId, String customerPrefix, double peakConversations, List<Share> shares) {}

    static final List<ShopPlan> SHOPS = List.of(
            new ShopPlan(
                    DemoOrganisation.BRAND_ZONGZI,
                    DemoOrganisation.SHOP_ZONGZI_TMALL,
                    "tb",
                    ZONGZI_PEAK_CONVERSATIONS * 0.6,
                    List.of(
                            new Share(STARCALL, 0.55, DemoOrganisation.STARCALL_ZONGZI_AGENTS),
                            new Share(BLUESEA, 0.45, DemoOrganisation.BLUESEA_ZONGZI_AGENTS))),
            new ShopPlan(
                    DemoOrganisation.BRAND_ZONGZI,
                    DemoOrganisation.SHOP_ZONGZI_JD,
                    "jd",
                    ZONGZI_PEAK_CONVERSATIONS * 0.4,
                    List.of(
                            new Share(STARCALL, 0.55, DemoOrganisation.STARCALL_ZONGZI_AGENTS),
                            new Share(BLUESEA, 0.45, DemoOrganisation.BLUESEA_ZONGZI_AGENTS))),
            new ShopPlan(
                    DemoOrganisation.BRAND_TEAHOUSE,
                    DemoOrganisation.SHOP_TEAHOUSE_TMALL,
                    "tbt",
                    TEAHOUSE_PEAK_CONVERSATIONS,
                    List.of(new Share(BLUESEA, 1.0, DemoOrganisation.BLUESEA_TEAHOUSE_AGENTS))));

    /** The start of the first day: {@code days} local days ending at the start of {@code today}. */
    public static LocalDate firstDay(LocalDate today, int days) {
        return today.minusDays(days);
    }

    /**
     * The traffic of {@code days} local days from {@code firstDay}, sorted by time. Nothing happens at or after the
     * end of the last day: orders not yet paid then are simply not paid yet.
     */
    public static List<TrafficEvent> generate(long seed, LocalDate firstDay, int days) {
        Instant end = firstDay.plusDays(days).atStartOfDay(ZONE).toInstant();
        // The number of days is in the ids too: a day's traffic depends on its place in the run (the peak builds
        // towards the last day), so runs of other lengths over the same dates are other traffic, never the same ids.
        String runTag = Long.toUnsignedString(seed, 36) + "-" + days + "d";
        List<TrafficEvent> events = new ArrayList<>();
        Map<String, Instant> profileNeeded = new LinkedHashMap<>();
        for (int shopIndex = 0; shopIndex < SHOPS.size(); shopIndex++) {
            ShopPlan shop = SHOPS.get(shopIndex);
            for (int day = 0; day < days; day++) {
                SplittableRandom random = new SplittableRandom(mix(seed, shopIndex, day));
                // The peak builds towards the festival: the last day is the busiest.
                double volume = shop.peakConversations() * (0.55 + 0.45 * (day + 1) / days);
                new ShopDay(shop, firstDay.plusDays(day), runTag, random, events, profileNeeded, days)
                        .generate((int) Math.round(volume));
            }
        }
        profileNeeded.forEach((key, at) -> {
            int split = key.indexOf('|');
            events.add(profile(key.substring(0, split), key.substring(split + 1), at));
        });
        List<TrafficEvent> inWindow = new ArrayList<>(events.size());
        for (TrafficEvent event : events) {
            if (event.at().isBefore(end)) {
                inWindow.add(event);
            }
        }
        // A stable sort: events at the same instant keep the order they were generated in.
        inWindow.sort(Comparator.comparing(TrafficEvent::at));
        return List.copyOf(inWindow);
    }

    /** One shop's traffic on one local day. */
    private static final class ShopDay {
        private final ShopPlan shop;
        private final LocalDate date;
        private final String idPrefix;
        private final SplittableRandom random;
        private final List<TrafficEvent> events;
        private final Map<String, Instant> profileNeeded;
        private final int populationDays;
        private int nextOrder;

        ShopDay(
                ShopPlan shop,
                LocalDate date,
                String runTag,
                SplittableRandom random,
                List<TrafficEvent> events,
                Map<String, Instant> profileNeeded,
                int populationDays) {
            this.shop = shop;
            this.date = date;
            this.idPrefix = runTag + "-" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + shop.customerPrefix();
            this.random = random;
            this.events = events;
            this.profileNeeded = profileNeeded;
            this.populationDays = populationDays;
        }

        void generate(int conversations) {
            // A customer population a little smaller than the inquiries of the whole run, so some come back.
            int population = (int) Math.max(50, shop.peakConversations() * populationDays * 0.8);
            for (int n = 0; n < conversations; n++) {
                Share share = pickShare();
                String customerId = customerId(random.nextInt(population));
                conversation(n, share, customerId, timeOfDay());
            }
            int silentSales = (int) Math.round(conversations * 0.12);
            for (int n = 0; n < silentSales; n++) {
                // Buyers who never asked: a population of their own, so they never match an inquiry.
                String customerId = customerId(1_000_000 + random.nextInt(population));
                OffsetDateTime placedAt = timeOfDay();
                order(customerId, placedAt, null, null);
            }
            int calls = (int) Math.round(conversations * 0.1);
            for (int n = 0; n < calls; n++) {
                call(n, pickShare(), customerId(random.nextInt(population)));
            }
        }

        private void conversation(int n, Share share, String customerId, OffsetDateTime start) {
            VendorStyle style = share.style();
            String agentId =
                    share.agentIds().get(random.nextInt(share.agentIds().size()));
            String conversationId = "cv-" + idPrefix + "-" + n;
            List<ChatMessage> messages = new ArrayList<>();
            OffsetDateTime t = start;
            if (random.nextDouble() < 0.04) {
                // A visitor opened the chat and left before writing: only the bot spoke. Counts nowhere.
                messages.add(
                        message(conversationId, messages.size(), customerId, style, Sender.BOT, null, t, BOT_GREETING));
                events.addAll(messages);
                return;
            }
            boolean answered = random.nextDouble() >= style.unansweredShare();
            int bursts = 1 + (random.nextDouble() < 0.55 ? 1 : 0) + (random.nextDouble() < 0.3 ? 1 : 0);
            for (int burst = 0; burst < bursts; burst++) {
                OffsetDateTime burstStart = t;
                int customerLines = 1 + (random.nextDouble() < 0.4 ? 1 : 0) + (random.nextDouble() < 0.15 ? 1 : 0);
                for (int line = 0; line < customerLines; line++) {
                    String text = burst == 0 && line == 0 ? pick(CUSTOMER_OPENERS) : pick(CUSTOMER_FOLLOW_UPS);
                    messages.add(message(
                            conversationId, messages.size(), customerId, style, Sender.CUSTOMER, null, t, text));
                    if (burst == 0 && line == 0 && random.nextDouble() < 0.85) {
                        // The shop's bot greets at once; it is never an agent reply.
                        messages.add(message(
                                conversationId,
                                messages.size(),
                                customerId,
                                style,
                                Sender.BOT,
                                null,
                                t.plusSeconds(1 + random.nextInt(3)),
                                BOT_GREETING));
                    }
                    t = t.plusSeconds(3 + random.nextInt(12));
                }
                if (!answered || (burst > 0 && random.nextDouble() < 0.05)) {
                    break;
                }
                double median = burst == 0 ? style.firstResponseMedianSeconds() : style.laterResponseMedianSeconds();
                long response = Math.max(2, Math.round(logNormal(median, style.responseSigma())));
                OffsetDateTime reply = burstStart.plusSeconds(response);
                if (!reply.isAfter(t)) {
                    reply = t.plusSeconds(1);
                }
                t = reply;
                int agentLines = 1 + (random.nextDouble() < 0.4 ? 1 : 0);
                for (int line = 0; line < agentLines; line++) {
                    messages.add(message(
                            conversationId,
                            messages.size(),
                            customerId,
                            style,
                            Sender.AGENT,
                            agentId,
                            t,
                            pick(AGENT_REPLIES)));
                    t = t.plusSeconds(5 + random.nextInt(35));
                }
                t = t.plusSeconds(20 + random.nextInt(220));
            }
            events.addAll(messages);
            OffsetDateTime last = messages.get(messages.size() - 1).sentAt();
            if (random.nextDouble() < 0.75) {
                ClosedBy closedBy = answered && random.nextDouble() < 0.6 ? ClosedBy.AGENT : ClosedBy.CUSTOMER;
                events.add(new ConversationClose(
                        shop.brandId(), conversationId, last.plusSeconds(60 + random.nextInt(540)), closedBy));
            }
            String orderId = null;
            OffsetDateTime placedAt = null;
            double conversion = answered ? style.conversionShare() : 0.06;
            if (random.nextDouble() < conversion) {
                placedAt = orderTime(last);
                orderId = order(customerId, placedAt, conversationId, style);
            }
            reveals(agentId, customerId, answered, last, orderId, placedAt);
        }

        private void reveals(
                String agentId,
                String customerId,
                boolean answered,
                OffsetDateTime last,
                String orderId,
                OffsetDateTime placedAt) {
            if (!answered || !DemoOrganisation.AGENT_LOGINS.containsKey(agentId)) {
                return;
            }
            if (agentId.equals(DemoOrganisation.OVER_REVEALING_AGENT)) {
                if (random.nextDouble() < 0.85) {
                    Instant at = last.plusSeconds(60 + random.nextInt(1200)).toInstant();
                    needProfile(customerId, at.minusSeconds(30));
                    events.add(new Reveal(
                            shop.brandId(),
                            customerId,
                            agentId,
                            at,
                            List.of("name", "phone", "address"),
                            pick(OVER_REVEAL_PURPOSES)));
                }
                return;
            }
            if (orderId != null && random.nextDouble() < 0.1) {
                Instant at = placedAt.plusSeconds(300 + random.nextInt(3300)).toInstant();
                needProfile(customerId, at.minusSeconds(30));
                events.add(new Reveal(
                        shop.brandId(),
                        customerId,
                        agentId,
                        at,
                        List.of("address"),
                        "confirm the delivery address of order " + orderId));
            } else if (random.nextDouble() < 0.02) {
                Instant at = last.plusSeconds(120 + random.nextInt(600)).toInstant();
                needProfile(customerId, at.minusSeconds(30));
                events.add(new Reveal(
                        shop.brandId(),
                        customerId,
                        agentId,
                        at,
                        List.of("phone"),
                        "call back about the customer's delivery question"));
            }
        }

        /** Places an order and its later changes; answers the order id. */
        private String order(String customerId, OffsetDateTime placedAt, String conversationId, VendorStyle style) {
            String orderId = "o-" + idPrefix + "-" + nextOrder++;
            BigDecimal amount =
                    PRICES[random.nextInt(PRICES.length)].multiply(BigDecimal.valueOf(1 + random.nextInt(3)));
            needProfile(customerId, placedAt.toInstant().minusSeconds(60));
            events.add(new OrderChange(
                    shop.brandId(),
                    orderId,
                    shop.shopId(),
                    customerId,
                    OrderStatus.PLACED,
                    placedAt,
                    placedAt,
                    amount));
            if (random.nextDouble() >= 0.88) {
                return orderId;
            }
            double r = random.nextDouble();
            Duration payDelay = r < 0.75
                    ? Duration.ofSeconds(60 + random.nextInt(1740))
                    : r < 0.9 ? Duration.ofHours(1 + random.nextInt(23)) : Duration.ofDays(2 + random.nextInt(5));
            OffsetDateTime paidAt = placedAt.plus(payDelay);
            events.add(new OrderChange(
                    shop.brandId(), orderId, shop.shopId(), customerId, OrderStatus.PAID, paidAt, placedAt, amount));
            if (random.nextDouble() < 0.07) {
                BigDecimal refunded =
                        random.nextBoolean() ? amount : amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);
                events.add(new OrderChange(
                        shop.brandId(),
                        orderId,
                        shop.shopId(),
                        customerId,
                        OrderStatus.REFUNDED,
                        paidAt.plusDays(1 + random.nextInt(5)),
                        placedAt,
                        refunded));
            }
            if (random.nextDouble() < 0.35) {
                double[] serviceWeights = style == null ? STARCALL.serviceScoreWeights() : style.serviceScoreWeights();
                events.add(new Rating(
                        shop.brandId(),
                        "r-" + orderId,
                        shop.shopId(),
                        customerId,
                        orderId,
                        conversationId != null && random.nextDouble() < 0.8 ? conversationId : null,
                        ratedAt(paidAt),
                        4 + (random.nextDouble() < 0.8 ? 1 : 0),
                        1 + weighted(serviceWeights),
                        3 + random.nextInt(3)));
            }
            return orderId;
        }

        /** Some rate on the day the goods arrive in the city, most a few days later. */
        private OffsetDateTime ratedAt(OffsetDateTime paidAt) {
            return random.nextDouble() < 0.3
                    ? paidAt.plusHours(2 + random.nextInt(10))
                    : paidAt.plusDays(1 + random.nextInt(4)).plusMinutes(random.nextInt(600));
        }

        private void call(int n, Share share, String customerId) {
            VendorStyle style = share.style();
            String callId = "call-" + idPrefix + "-" + n;
            OffsetDateTime offeredAt = timeOfDay();
            boolean outbound = random.nextDouble() < 0.08;
            String agentId =
                    share.agentIds().get(random.nextInt(share.agentIds().size()));
            if (!outbound && random.nextDouble() < style.callAbandonShare()) {
                OffsetDateTime endedAt = offeredAt.plusSeconds(2 + random.nextInt(90));
                events.add(new PhoneCall(
                        shop.brandId(),
                        callId,
                        shop.shopId(),
                        customerId,
                        style.vendorId(),
                        CallDirection.INBOUND,
                        offeredAt,
                        null,
                        endedAt,
                        null,
                        0,
                        0));
                return;
            }
            long wait = outbound
                    ? 5 + random.nextInt(15)
                    : Math.max(1, Math.round(logNormal(style.callWaitMedianSeconds(), 0.7)));
            OffsetDateTime answeredAt = offeredAt.plusSeconds(wait);
            OffsetDateTime endedAt = answeredAt.plusSeconds(Math.max(20, Math.round(logNormal(150, 0.5))));
            int hold = random.nextDouble() < 0.3 ? 10 + random.nextInt(80) : 0;
            events.add(new PhoneCall(
                    shop.brandId(),
                    callId,
                    shop.shopId(),
                    customerId,
                    style.vendorId(),
                    outbound ? CallDirection.OUTBOUND : CallDirection.INBOUND,
                    offeredAt,
                    answeredAt,
                    endedAt,
                    agentId,
                    hold,
                    10 + random.nextInt(50)));
        }

        private ChatMessage message(
                String conversationId,
                int index,
                String customerId,
                VendorStyle style,
                Sender sender,
                String agentId,
                OffsetDateTime sentAt,
                String text) {
            return new ChatMessage(
                    shop.brandId(),
                    conversationId + "-" + index,
                    conversationId,
                    shop.shopId(),
                    customerId,
                    style.vendorId(),
                    sender,
                    agentId,
                    sentAt,
                    text);
        }

        /** Most orders come the same day, many the next day, a few later still (outside a one-day window). */
        private OffsetDateTime orderTime(OffsetDateTime last) {
            double r = random.nextDouble();
            if (r < 0.6) {
                return last.plusMinutes(2 + random.nextInt(180));
            }
            int daysLater = r < 0.88 ? 1 : 2 + random.nextInt(2);
            return timeOf(last.toLocalDate().plusDays(daysLater));
        }

        private OffsetDateTime timeOfDay() {
            return timeOf(date);
        }

        private OffsetDateTime timeOf(LocalDate day) {
            int hour = weighted(HOUR_WEIGHTS);
            return day.atStartOfDay(ZONE)
                    .plusHours(hour)
                    .plusSeconds(random.nextInt(3600))
                    .toOffsetDateTime();
        }

        private Share pickShare() {
            double r = random.nextDouble();
            for (Share share : shop.shares()) {
                r -= share.weight();
                if (r < 0) {
                    return share;
                }
            }
            return shop.shares().get(shop.shares().size() - 1);
        }

        private String customerId(int index) {
            return shop.customerPrefix() + "-" + (100_000 + index);
        }

        private void needProfile(String customerId, Instant at) {
            profileNeeded.merge(shop.brandId() + "|" + customerId, at, (a, b) -> a.isBefore(b) ? a : b);
        }

        private String pick(String[] choices) {
            return choices[random.nextInt(choices.length)];
        }

        private int weighted(double[] weights) {
            double total = 0;
            for (double weight : weights) {
                total += weight;
            }
            double r = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        /** Response times are skewed: most are quick, a few very slow. Box-Muller, so no JDK version changes it. */
        private double logNormal(double median, double sigma) {
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            double gaussian = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            return median * Math.exp(sigma * gaussian);
        }
    }

    /** A customer's profile, the same for the customer in every run (drawn from the customer's id). */
    static CustomerProfile profile(String brandId, String customerId, Instant at) {
        SplittableRandom random = new SplittableRandom(customerId.hashCode() * 0x9E3779B97F4A7C15L);
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
        String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        String address = CITIES[random.nextInt(CITIES.length)] + (1 + random.nextInt(899)) + "号";
        return new CustomerProfile(brandId, customerId, at, name, phone, address, "nick_" + customerId);
    }

    private static long mix(long seed, int shop, int day) {
        long z = seed * 0x9E3779B97F4A7C15L + shop * 0xBF58476D1CE4E5B9L + day * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
