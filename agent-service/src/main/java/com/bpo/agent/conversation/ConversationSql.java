package com.bpo.agent.conversation;

import com.bpo.kit.tenant.TenantScope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the conversation queries, each shaped for an index of the migration. Statements are built from fixed
 * fragments only; every value is a bound parameter.
 *
 * <p>Visibility is part of every statement (a vendor-restricted scope sees its vendor's conversations, an agent only
 * those it wrote in), on top of row-level security, which keeps other brands out.
 */
final class ConversationSql {

    /** A statement and its named parameters. */
    record Statement(String sql, Map<String, Object> parameters) {}

    /** The columns {@link ConversationQueryRepository} reads a conversation from, in this order. */
    static final String CONVERSATION_COLUMNS = "c.brand_id, c.conversation_id, c.vendor_id, c.shop_id, c.channel,"
            + " c.customer_id, c.engagement_id, c.status, c.started_at, c.last_message_at, c.closed_at, c.closed_by,"
            + " c.customer_messages, c.agent_messages, c.bot_messages, c.facts_revision, c.facts_stale,"
            + " c.first_response_seconds, c.bursts, c.answered_bursts, c.slow_bursts, c.total_response_seconds,"
            + " c.response_threshold_seconds, c.last_agent_id";

    // By the primary key of conversation_agent (brand_id, conversation_id, agent_id).
    private static final String TOOK_PART = " and exists (select 1 from conversation_agent p"
            + " where p.brand_id = c.brand_id and p.conversation_id = c.conversation_id and p.agent_id = :";

    private ConversationSql() {}

    static Statement brandTimeZone(String brandId) {
        return new Builder("select time_zone from brand where id = :brandId")
                .bind("brandId", brandId)
                .build();
    }

    /** The vendor an agent works for; agents belong to vendors, not brands, so this reads no tenant table. */
    static Statement agentVendor(String agentId) {
        return new Builder("select vendor_id from agent where id = :agentId")
                .bind("agentId", agentId)
                .build();
    }

    /** One conversation by its primary key, if visible to {@code scope}. */
    static Statement conversation(String brandId, String conversationId, TenantScope scope) {
        return new Builder("select " + CONVERSATION_COLUMNS + " from conversation c"
                        + " where c.brand_id = :brandId and c.conversation_id = :conversationId")
                .bind("brandId", brandId)
                .bind("conversationId", conversationId)
                .visibleTo(scope)
                .build();
    }

    /**
     * A page of a brand's conversations, newest start first: index {@code conversation_by_start} (brand_id,
     * started_at desc, conversation_id) gives the order, so the scan stops after {@code limit + 1} matches.
     */
    static Statement brandPage(
            String brandId, Instant startsAt, Instant endsBefore, ConversationFilter filter, TenantScope scope) {
        Builder statement = new Builder(
                        "select " + CONVERSATION_COLUMNS + " from conversation c where c.brand_id = :brandId")
                .bind("brandId", brandId);
        if (startsAt != null) {
            statement.and(" and c.started_at >= :startsAt").bind("startsAt", timestamp(startsAt));
        }
        if (endsBefore != null) {
            statement.and(" and c.started_at < :endsBefore").bind("endsBefore", timestamp(endsBefore));
        }
        if (filter.shopId() != null) {
            statement.and(" and c.shop_id = :shopId").bind("shopId", filter.shopId());
        }
        if (filter.vendorId() != null) {
            statement.and(" and c.vendor_id = :vendorId").bind("vendorId", filter.vendorId());
        }
        if (filter.customerId() != null) {
            statement.and(" and c.customer_id = :customerId").bind("customerId", filter.customerId());
        }
        if (filter.status() != null) {
            statement
                    .and(" and c.status = :status")
                    .bind("status", filter.status().name());
        }
        if (filter.agentId() != null) {
            statement.tookPart(filter.agentId());
        }
        statement.visibleTo(scope);
        if (filter.cursor() != null) {
            // Written so that the first predicate bounds the index scan; a row comparison cannot mix directions.
            statement
                    .and(" and c.started_at <= :afterPosition"
                            + " and (c.started_at < :afterPosition or c.conversation_id > :afterConversationId)")
                    .bind("afterPosition", timestamp(filter.cursor().position()))
                    .bind("afterConversationId", filter.cursor().conversationId());
        }
        return statement
                .and(" order by c.started_at desc, c.conversation_id limit :limit")
                .bind("limit", filter.limit() + 1)
                .build();
    }

    /**
     * A page of the conversations an agent wrote in within a brand, most recent activity first. Driven by index
     * {@code conversation_agent_by_agent} (agent_id, brand_id) and the conversation's primary key; for open
     * conversations PostgreSQL may prefer {@code conversation_open_by_activity}.
     */
    static Statement agentPage(String brandId, String agentId, AgentConversationFilter filter, TenantScope scope) {
        Builder statement = new Builder("select " + CONVERSATION_COLUMNS + " from conversation_agent a"
                        + " join conversation c on c.brand_id = a.brand_id and c.conversation_id = a.conversation_id"
                        + " where a.agent_id = :agentId and a.brand_id = :brandId and c.status = :status")
                .bind("agentId", agentId)
                .bind("brandId", brandId)
                .bind("status", filter.status().name())
                .visibleTo(scope);
        if (filter.cursor() != null) {
            statement
                    .and(" and c.last_message_at <= :afterPosition"
                            + " and (c.last_message_at < :afterPosition or c.conversation_id > :afterConversationId)")
                    .bind("afterPosition", timestamp(filter.cursor().position()))
                    .bind("afterConversationId", filter.cursor().conversationId());
        }
        return statement
                .and(" order by c.last_message_at desc, c.conversation_id limit :limit")
                .bind("limit", filter.limit() + 1)
                .build();
    }

    /** The agents of a page of conversations in one statement, by the primary key of conversation_agent. */
    static Statement agentIds(String brandId, Collection<String> conversationIds) {
        return new Builder("select conversation_id, agent_id from conversation_agent"
                        + " where brand_id = :brandId and conversation_id in (:conversationIds)"
                        + " order by conversation_id, first_message_at, agent_id")
                .bind("brandId", brandId)
                .bind("conversationIds", List.copyOf(conversationIds))
                .build();
    }

    /** When a message of the conversation was sent, by the message's primary key. */
    static Statement messageSentAt(String brandId, String conversationId, String messageId) {
        return new Builder("select sent_at from message where brand_id = :brandId and message_id = :messageId"
                        + " and conversation_id = :conversationId")
                .bind("brandId", brandId)
                .bind("messageId", messageId)
                .bind("conversationId", conversationId)
                .build();
    }

    /**
     * Up to {@code limit} messages of a conversation in order, after the message at ({@code afterSentAt},
     * {@code afterMessageId}) when given: index {@code message_by_conversation} (brand_id, conversation_id, sent_at,
     * message_id) gives both the order and the starting point.
     */
    static Statement messages(
            String brandId, String conversationId, Instant afterSentAt, String afterMessageId, int limit) {
        Builder statement = new Builder(
                        "select m.message_id, m.sender, m.agent_id, m.sent_at, m.redacted_text, m.redacted"
                                + " from message m where m.brand_id = :brandId and m.conversation_id = :conversationId")
                .bind("brandId", brandId)
                .bind("conversationId", conversationId);
        if (afterMessageId != null) {
            statement
                    .and(" and (m.sent_at, m.message_id) > (:afterSentAt, :afterMessageId)")
                    .bind("afterSentAt", timestamp(afterSentAt))
                    .bind("afterMessageId", afterMessageId);
        }
        return statement
                .and(" order by m.sent_at, m.message_id limit :limit")
                .bind("limit", limit)
                .build();
    }

    // Bound with its offset so that PostgreSQL compares it as timestamptz whatever the session's time zone.
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static final class Builder {

        private final StringBuilder sql;
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        Builder(String select) {
            this.sql = new StringBuilder(select);
        }

        Builder and(String fragment) {
            sql.append(fragment);
            return this;
        }

        Builder bind(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        Builder tookPart(String agentId) {
            String name = "participant" + parameters.size();
            return and(TOOK_PART + name + ")").bind(name, agentId);
        }

        /** The narrowing inside the brand: a vendor's share, an agent's own conversations. */
        Builder visibleTo(TenantScope scope) {
            if (scope.vendorId() != null) {
                and(" and c.vendor_id = :scopeVendorId").bind("scopeVendorId", scope.vendorId());
            }
            if (scope.agentId() != null) {
                tookPart(scope.agentId());
            }
            return this;
        }

        Statement build() {
            return new Statement(sql.toString(), Map.copyOf(parameters));
        }
    }
}
