package com.bpo.agent.customer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Who served a customer: reads of the conversation, call and message tables that decide whether a vendor's or an
 * agent's staff may see a customer or a message. Runs in the caller's tenant transaction, so row-level security
 * applies as well; every query is served by an index of the migration (by customer, by primary key).
 */
@ApplicationScoped
public class ContactRepository {

    private static final String BRAND_EXISTS = "select exists (select 1 from brand where id = :brandId)";

    private static final String CONTACTED_BY_VENDOR = "select exists (select 1 from conversation"
            + " where brand_id = :brandId and customer_id = :customerId and vendor_id = :vendorId)"
            + " or exists (select 1 from call"
            + " where brand_id = :brandId and customer_id = :customerId and vendor_id = :vendorId)";

    private static final String SERVED_BY_AGENT = "select exists (select 1 from conversation c"
            + " join conversation_agent a on a.brand_id = c.brand_id and a.conversation_id = c.conversation_id"
            + " where c.brand_id = :brandId and c.customer_id = :customerId and c.vendor_id = :vendorId"
            + " and a.agent_id = :agentId)";

    private static final String AGENT_TOOK_PART = "select exists (select 1 from conversation_agent"
            + " where brand_id = :brandId and conversation_id = :conversationId and agent_id = :agentId)";

    private static final String MESSAGE = "select m.conversation_id, m.vendor_id, m.customer_id, m.redacted_text,"
            + " o.text_ciphertext, m.redacted from message m left join message_original o"
            + " on o.brand_id = m.brand_id and o.message_id = m.message_id"
            + " where m.brand_id = :brandId and m.message_id = :messageId";

    private final Mutiny.SessionFactory sessionFactory;

    ContactRepository(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public Uni<Boolean> brandExists(String brandId) {
        return sessionFactory.withSession(session -> session.createNativeQuery(BRAND_EXISTS, Boolean.class)
                .setParameter("brandId", brandId)
                .getSingleResult());
    }

    /** Whether the vendor had a conversation or a call with the customer. */
    public Uni<Boolean> contactedByVendor(String brandId, String customerId, String vendorId) {
        return sessionFactory.withSession(session -> session.createNativeQuery(CONTACTED_BY_VENDOR, Boolean.class)
                .setParameter("brandId", brandId)
                .setParameter("customerId", customerId)
                .setParameter("vendorId", vendorId)
                .getSingleResult());
    }

    /** Whether the agent wrote in a conversation of the vendor with the customer. */
    public Uni<Boolean> servedByAgent(String brandId, String customerId, String vendorId, String agentId) {
        return sessionFactory.withSession(session -> session.createNativeQuery(SERVED_BY_AGENT, Boolean.class)
                .setParameter("brandId", brandId)
                .setParameter("customerId", customerId)
                .setParameter("vendorId", vendorId)
                .setParameter("agentId", agentId)
                .getSingleResult());
    }

    public Uni<Boolean> agentTookPart(String brandId, String conversationId, String agentId) {
        return sessionFactory.withSession(session -> session.createNativeQuery(AGENT_TOOK_PART, Boolean.class)
                .setParameter("brandId", brandId)
                .setParameter("conversationId", conversationId)
                .setParameter("agentId", agentId)
                .getSingleResult());
    }

    /** The message with its encrypted original, or {@code null} when the brand has no such message (yet). */
    public Uni<StoredMessage> message(String brandId, String messageId) {
        return sessionFactory.withSession(session -> session.createNativeQuery(MESSAGE, Object[].class)
                .setParameter("brandId", brandId)
                .setParameter("messageId", messageId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : StoredMessage.of(messageId, rows)));
    }

    /**
     * A message as the reveal needs it.
     *
     * @param originalCiphertext the original text encrypted under field {@code message-text}; {@code null} when
     *     nothing was redacted and {@code redactedText} is the original, or while the original is still on its way
     * @param redacted whether the published text had something masked, so that an original exists
     */
    public record StoredMessage(
            String messageId,
            String conversationId,
            String vendorId,
            String customerId,
            String redactedText,
            byte[] originalCiphertext,
            boolean redacted) {

        static StoredMessage of(String messageId, List<Object[]> rows) {
            Object[] row = rows.get(0);
            return new StoredMessage(
                    messageId,
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (byte[]) row[4],
                    (Boolean) row[5]);
        }
    }
}
