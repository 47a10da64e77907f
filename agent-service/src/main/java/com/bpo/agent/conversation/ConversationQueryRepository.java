package com.bpo.agent.conversation;

import com.bpo.agent.conversation.ConversationSql.Statement;
import com.bpo.contracts.Channel;
import com.bpo.contracts.chat.ClosedBy;
import com.bpo.contracts.chat.Sender;
import com.bpo.kit.tenant.TenantScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads conversations, their agents and messages with the statements of {@link ConversationSql}. It joins the
 * session of the caller's tenant transaction, so row-level security applies to every statement.
 */
@ApplicationScoped
class ConversationQueryRepository {

    private final Mutiny.SessionFactory sessionFactory;

    ConversationQueryRepository(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** The brand's time zone, or {@code null} when the brand does not exist or is not visible. */
    Uni<ZoneId> brandTimeZone(String brandId) {
        return single(ConversationSql.brandTimeZone(brandId), String.class)
                .map(zone -> zone == null ? null : ZoneId.of(zone));
    }

    /** Whether the brand exists and is visible. */
    Uni<Boolean> brandExists(String brandId) {
        return brandTimeZone(brandId).map(zone -> zone != null);
    }

    /** The vendor of an agent, or {@code null} when there is no such agent. */
    Uni<String> agentVendor(String agentId) {
        return single(ConversationSql.agentVendor(agentId), String.class);
    }

    Uni<ConversationView> conversation(String brandId, String conversationId, TenantScope scope) {
        return single(ConversationSql.conversation(brandId, conversationId, scope), Object[].class)
                .map(row -> row == null ? null : conversationOf(row));
    }

    Uni<List<ConversationView>> conversations(Statement statement) {
        return list(statement, Object[].class).map(rows -> rows.stream()
                .map(ConversationQueryRepository::conversationOf)
                .toList());
    }

    /** The agents of each conversation, in the order of their first message; conversations without any are absent. */
    Uni<Map<String, List<String>>> agentIds(String brandId, Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list(ConversationSql.agentIds(brandId, conversationIds), Object[].class)
                .map(rows -> {
                    Map<String, List<String>> agents = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        agents.computeIfAbsent((String) row[0], id -> new ArrayList<>())
                                .add((String) row[1]);
                    }
                    return agents;
                });
    }

    /** When the message was sent, or {@code null} when the conversation has no such message. */
    Uni<Instant> messageSentAt(String brandId, String conversationId, String messageId) {
        return single(ConversationSql.messageSentAt(brandId, conversationId, messageId), Object.class)
                .map(sentAt -> sentAt == null ? null : instant(sentAt));
    }

    Uni<List<MessageView>> messages(
            String brandId, String conversationId, Instant afterSentAt, String afterMessageId, int limit) {
        return list(
                        ConversationSql.messages(brandId, conversationId, afterSentAt, afterMessageId, limit),
                        Object[].class)
                .map(rows -> rows.stream()
                        .map(row -> new MessageView(
                                (String) row[0],
                                Sender.valueOf((String) row[1]),
                                (String) row[2],
                                instant(row[3]),
                                (String) row[4],
                                (Boolean) row[5]))
                        .toList());
    }

    private <T> Uni<T> single(Statement statement, Class<T> type) {
        return sessionFactory.withSession(session -> bind(session.createNativeQuery(statement.sql(), type), statement)
                .getSingleResultOrNull());
    }

    private <T> Uni<List<T>> list(Statement statement, Class<T> type) {
        return sessionFactory.withSession(session -> bind(session.createNativeQuery(statement.sql(), type), statement)
                .getResultList());
    }

    private static <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> query, Statement statement) {
        statement.parameters().forEach(query::setParameter);
        return query;
    }

    /** A row of {@link ConversationSql#CONVERSATION_COLUMNS}, without its agents. */
    private static ConversationView conversationOf(Object[] row) {
        ConversationStatus status = ConversationStatus.valueOf((String) row[7]);
        int factsRevision = integer(row[15]);
        // The figures describe a closed conversation; before the first close computed them there are none.
        ConversationFactsView facts = status == ConversationStatus.CLOSED && factsRevision > 0
                ? new ConversationFactsView(
                        factsRevision,
                        (Boolean) row[16],
                        row[17] == null ? null : ((Number) row[17]).longValue(),
                        integer(row[18]),
                        integer(row[19]),
                        integer(row[20]),
                        ((Number) row[21]).longValue(),
                        integer(row[22]),
                        (String) row[23])
                : null;
        return new ConversationView(
                (String) row[0],
                (String) row[1],
                (String) row[2],
                (String) row[3],
                Channel.valueOf((String) row[4]),
                (String) row[5],
                (String) row[6],
                status,
                instant(row[8]),
                instant(row[9]),
                row[10] == null ? null : instant(row[10]),
                row[11] == null ? null : ClosedBy.valueOf((String) row[11]),
                new MessageCounts(integer(row[12]), integer(row[13]), integer(row[14])),
                List.of(),
                facts,
                null,
                null);
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    // Hibernate reads a timestamptz column of a native query as OffsetDateTime.
    private static Instant instant(Object value) {
        return ((OffsetDateTime) value).toInstant();
    }
}
