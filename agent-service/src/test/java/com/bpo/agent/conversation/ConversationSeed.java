package com.bpo.agent.conversation;

import com.bpo.testsupport.SchemaOwner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows written straight to the tables as the schema owner with every brand visible, as the chat table builders would
 * have written them. Every insert keeps an existing row, so tests can seed the same rows again.
 */
final class ConversationSeed {

    private ConversationSeed() {}

    static void brand(String brandId, String timeZone) {
        run(
                "insert into brand (id, brand_id, name, time_zone, active, version)"
                        + " values (?, ?, 'Brand ' || ?, ?, true, 0) on conflict do nothing",
                brandId,
                brandId,
                brandId,
                timeZone);
    }

    /** A vendor with one team, and its agents. */
    static void vendor(String vendorId, String... agentIds) {
        run(
                "insert into vendor (id, name, active, version) values (?, 'Vendor ' || ?, true, 0) on conflict do nothing",
                vendorId,
                vendorId);
        String teamId = "team-" + vendorId;
        run(
                "insert into team (id, vendor_id, name, active, version) values (?, ?, 'Team', true, 0)"
                        + " on conflict do nothing",
                teamId,
                vendorId);
        for (String agentId : agentIds) {
            run(
                    "insert into agent (id, vendor_id, team_id, user_id, display_name, skills, max_concurrency, active,"
                            + " version) values (?, ?, ?, 'user-' || ?, 'Agent ' || ?, '{}', 3, true, 0)"
                            + " on conflict do nothing",
                    agentId,
                    vendorId,
                    teamId,
                    agentId,
                    agentId);
        }
    }

    /** An active engagement, also in the kit's engagement copy as if its event had been consumed. */
    static void engagement(String engagementId, String brandId, String vendorId) {
        run(
                "insert into engagement (id, brand_id, vendor_id, shop_ids, channels, roles, service_hours, time_zone,"
                        + " sla_targets, response_threshold_seconds, conversion_window_days, attribution,"
                        + " service_level_seconds, abandon_short_seconds, active, version)"
                        + " values (?, ?, ?, '{}', '{CHAT}', '{PRE_SALES}', '{\"windows\": []}', 'Asia/Shanghai', '{}',"
                        + " 30, 1, 'LAST_REPLIER', 20, 5, true, 0) on conflict do nothing",
                engagementId,
                brandId,
                vendorId);
        run(
                "insert into kit_engagement (engagement_id, brand_id, vendor_id, active, state_time, event_id)"
                        + " values (?, ?, ?, true, now(), 'seed') on conflict do nothing",
                engagementId,
                brandId,
                vendorId);
    }

    /**
     * A conversation of {@code vendorId} in shop {@code shop-1} of customer {@code customer-1}, built from its
     * messages as the chat table builders would: its times, counts and agents follow from the messages.
     */
    static ConversationRows conversation(String brandId, String conversationId, String vendorId) {
        return new ConversationRows(brandId, conversationId, vendorId);
    }

    /** The rows of one conversation, written in one transaction by {@link #seed()}. */
    static final class ConversationRows {

        private final String brandId;
        private final String conversationId;
        private final String vendorId;
        private final List<Object[]> messages = new ArrayList<>();
        private String shopId = "shop-1";
        private String customerId = "customer-1";
        private Instant closedAt;
        private String lastAgentId;
        private Instant first;
        private String generatedPrefix;
        private int generatedCount;

        private ConversationRows(String brandId, String conversationId, String vendorId) {
            this.brandId = brandId;
            this.conversationId = conversationId;
            this.vendorId = vendorId;
        }

        ConversationRows in(String shop, String customer) {
            this.shopId = shop;
            this.customerId = customer;
            return this;
        }

        ConversationRows customer(String messageId, Instant sentAt, String text, boolean redacted) {
            return message(messageId, "CUSTOMER", null, sentAt, text, redacted);
        }

        ConversationRows agent(String messageId, String agentId, Instant sentAt, String text) {
            return message(messageId, "AGENT", agentId, sentAt, text, false);
        }

        /** {@code count} customer messages {@code <prefix>0001}, {@code <prefix>0002}, ... one second apart. */
        ConversationRows customerMessages(String prefix, int count, Instant firstSentAt) {
            generatedPrefix = prefix;
            generatedCount = count;
            return earliest(firstSentAt);
        }

        /**
         * Closed, with fixed response figures (first response 12 s, 3 bursts, 2 answered, 1 slow, 50 s in total,
         * threshold 30 s) that are not due for a recomputation.
         */
        ConversationRows closed(Instant at, String lastAgent) {
            this.closedAt = at;
            this.lastAgentId = lastAgent;
            return this;
        }

        private ConversationRows message(
                String messageId, String sender, String agentId, Instant sentAt, String text, boolean redacted) {
            messages.add(new Object[] {messageId, sender, agentId, timestamp(sentAt), text, redacted});
            return earliest(sentAt);
        }

        private ConversationRows earliest(Instant sentAt) {
            first = first == null || sentAt.isBefore(first) ? sentAt : first;
            return this;
        }

        /** Writes the rows; rows that exist already are kept, so seeding again changes nothing. */
        void seed() {
            SchemaOwner.inTransaction(owner -> {
                execute(
                        owner,
                        "insert into conversation (brand_id, conversation_id, vendor_id, shop_id, channel, customer_id,"
                                + " engagement_id, started_at, last_message_at, customer_messages, agent_messages,"
                                + " bot_messages, status) values (?, ?, ?, ?, 'CHAT', ?, 'engagement-' || ?, ?, ?, 0, 0,"
                                + " 0, 'OPEN') on conflict do nothing",
                        brandId,
                        conversationId,
                        vendorId,
                        shopId,
                        customerId,
                        vendorId,
                        timestamp(first),
                        timestamp(first));
                for (Object[] message : messages) {
                    execute(
                            owner,
                            "insert into message (brand_id, message_id, conversation_id, vendor_id, shop_id,"
                                    + " customer_id, sender, agent_id, sent_at, redacted_text, redacted)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                            brandId,
                            message[0],
                            conversationId,
                            vendorId,
                            shopId,
                            customerId,
                            message[1],
                            message[2],
                            message[3],
                            message[4],
                            message[5]);
                }
                if (generatedCount > 0) {
                    execute(
                            owner,
                            "insert into message (brand_id, message_id, conversation_id, vendor_id, shop_id,"
                                    + " customer_id, sender, agent_id, sent_at, redacted_text, redacted)"
                                    + " select ?, ? || lpad(n::text, 4, '0'), ?, ?, ?, ?, 'CUSTOMER', null,"
                                    + " ? + (n - 1) * interval '1 second', 'message ' || n, false"
                                    + " from generate_series(1, ?) n on conflict do nothing",
                            brandId,
                            generatedPrefix,
                            conversationId,
                            vendorId,
                            shopId,
                            customerId,
                            timestamp(first),
                            generatedCount);
                }
                execute(
                        owner,
                        "update conversation c set started_at = m.first_at, last_message_at = m.last_at,"
                                + " customer_messages = m.customer, agent_messages = m.agent, bot_messages = m.bot"
                                + " from (select min(sent_at) first_at, max(sent_at) last_at,"
                                + " count(*) filter (where sender = 'CUSTOMER') customer,"
                                + " count(*) filter (where sender = 'AGENT') agent,"
                                + " count(*) filter (where sender = 'BOT') bot"
                                + " from message where brand_id = ? and conversation_id = ?) m"
                                + " where c.brand_id = ? and c.conversation_id = ?",
                        brandId,
                        conversationId,
                        brandId,
                        conversationId);
                execute(
                        owner,
                        "insert into conversation_agent (brand_id, conversation_id, agent_id, first_message_at)"
                                + " select brand_id, conversation_id, agent_id, min(sent_at) from message"
                                + " where brand_id = ? and conversation_id = ? and sender = 'AGENT'"
                                + " group by brand_id, conversation_id, agent_id on conflict do nothing",
                        brandId,
                        conversationId);
                if (closedAt != null) {
                    execute(
                            owner,
                            "update conversation set status = 'CLOSED', closed_at = ?, closed_by = 'AGENT',"
                                    + " facts_revision = 1, first_response_seconds = 12, bursts = 3,"
                                    + " answered_bursts = 2, slow_bursts = 1, total_response_seconds = 50,"
                                    + " response_threshold_seconds = 30, last_agent_id = ?"
                                    + " where brand_id = ? and conversation_id = ?",
                            timestamp(closedAt),
                            lastAgentId,
                            brandId,
                            conversationId);
                }
            });
        }
    }

    /** Whether the query finds a row. */
    static boolean exists(String sql, Object... parameters) {
        return SchemaOwner.exists(sql, parameters);
    }

    static void run(String sql, Object... parameters) {
        SchemaOwner.execute(sql, parameters);
    }

    private static void execute(Connection owner, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = SchemaOwner.prepare(owner, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
