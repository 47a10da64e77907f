package com.bpo.agent.customer;

import com.bpo.kit.pii.PiiCipher;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.SchemaOwner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Rows written straight to the database as the schema owner with every brand visible, as the chat and call
 * consumers would have built them, so that a test starts from the history its caller's visibility depends on.
 * Every insert keeps an existing row.
 */
final class CustomerSeed {

    private CustomerSeed() {}

    static void brand(String id) {
        run(
                "insert into brand (id, brand_id, name, time_zone, active, version)"
                        + " values (?, ?, 'Brand ' || ?, 'Asia/Shanghai', true, 0) on conflict do nothing",
                id,
                id,
                id);
    }

    /** An active engagement of the vendor with the brand, also in the kit's copy as if its event had been consumed. */
    static void engagement(String id, String brandId, String vendorId) {
        brand(brandId);
        run(
                "insert into vendor (id, name, active, version) values (?, 'Vendor ' || ?, true, 0)"
                        + " on conflict do nothing",
                vendorId,
                vendorId);
        run(
                "insert into engagement (id, brand_id, vendor_id, shop_ids, channels, roles, service_hours, time_zone,"
                        + " sla_targets, response_threshold_seconds, conversion_window_days, attribution,"
                        + " service_level_seconds, abandon_short_seconds, active, version)"
                        + " values (?, ?, ?, '{}', '{CHAT}', '{AFTER_SALES}', '{\"windows\": []}', 'Asia/Shanghai',"
                        + " '{}', 30, 1, 'LAST_REPLIER', 20, 5, true, 0) on conflict do nothing",
                id,
                brandId,
                vendorId);
        run(
                "insert into kit_engagement (engagement_id, brand_id, vendor_id, active, state_time, event_id)"
                        + " values (?, ?, ?, true, now(), 'seed') on conflict do nothing",
                id,
                brandId,
                vendorId);
    }

    /** A profile encrypted as the service stores it; a null value is a field the profile does not hold. */
    static void customer(PiiCipher cipher, String brandId, String customerId, Map<CustomerField, String> values) {
        run(
                "insert into customer (brand_id, customer_id, name_ciphertext, phone_ciphertext, address_ciphertext,"
                        + " buyer_nick_ciphertext, updated_at, version) values (?, ?, ?, ?, ?, ?, now(), 0)"
                        + " on conflict do nothing",
                brandId,
                customerId,
                encrypt(cipher, brandId, CustomerField.NAME, values),
                encrypt(cipher, brandId, CustomerField.PHONE, values),
                encrypt(cipher, brandId, CustomerField.ADDRESS, values),
                encrypt(cipher, brandId, CustomerField.BUYER_NICK, values));
    }

    /**
     * A conversation of the vendor with the customer, with the agents who wrote in it. It is stored closed with its
     * facts published, so that the service's idle-closing sweep, which expects the messages behind an open
     * conversation, never picks it up.
     */
    static void conversation(
            String brandId, String conversationId, String vendorId, String customerId, String... agentIds) {
        run(
                "insert into conversation (brand_id, conversation_id, vendor_id, shop_id, channel, customer_id,"
                        + " started_at, last_message_at, customer_messages, agent_messages, bot_messages, status,"
                        + " closed_at, closed_by, facts_revision)"
                        + " values (?, ?, ?, 'shop-cu', 'CHAT', ?, now(), now(), 1, ?, 0, 'CLOSED', now(), 'AGENT', 1)"
                        + " on conflict do nothing",
                brandId,
                conversationId,
                vendorId,
                customerId,
                agentIds.length);
        for (String agentId : agentIds) {
            run(
                    "insert into conversation_agent (brand_id, conversation_id, agent_id, first_message_at)"
                            + " values (?, ?, ?, now()) on conflict do nothing",
                    brandId,
                    conversationId,
                    agentId);
        }
    }

    /** An answered inbound call of the vendor with the customer. */
    static void call(String brandId, String callId, String vendorId, String customerId) {
        run(
                "insert into call (brand_id, call_id, vendor_id, customer_id, direction, offered_at, answered_at,"
                        + " ended_at, wait_seconds, talk_seconds, hold_seconds, wrap_seconds, abandoned)"
                        + " values (?, ?, ?, ?, 'INBOUND', now(), now(), now(), 5, 120, 0, 30, false)"
                        + " on conflict do nothing",
                brandId,
                callId,
                vendorId,
                customerId);
    }

    /**
     * A customer's message in a conversation; with an {@code original}, the text was redacted and the original is
     * stored encrypted as the ingestion does.
     */
    static void message(
            PiiCipher cipher,
            String brandId,
            String messageId,
            String conversationId,
            String vendorId,
            String customerId,
            String redactedText,
            String original) {
        run(
                "insert into message (brand_id, message_id, conversation_id, vendor_id, shop_id, customer_id, sender,"
                        + " sent_at, redacted_text, redacted) values (?, ?, ?, ?, 'shop-cu', ?, 'CUSTOMER', now(), ?, ?)"
                        + " on conflict do nothing",
                brandId,
                messageId,
                conversationId,
                vendorId,
                customerId,
                redactedText,
                original != null);
        if (original != null) {
            original(brandId, messageId, cipher.encrypt(brandId, MessageRevealService.MESSAGE_TEXT_FIELD, original));
        }
    }

    /** The stored original of a message, as given. */
    static void original(String brandId, String messageId, byte[] ciphertext) {
        run(
                "insert into message_original (brand_id, message_id, text_ciphertext) values (?, ?, ?)"
                        + " on conflict do nothing",
                brandId,
                messageId,
                ciphertext);
    }

    /** The stored ciphertext of a profile's field, read as the schema owner. */
    static byte[] ciphertext(String brandId, String customerId, CustomerField field) {
        String column =
                switch (field) {
                    case NAME -> "name_ciphertext";
                    case PHONE -> "phone_ciphertext";
                    case ADDRESS -> "address_ciphertext";
                    case BUYER_NICK -> "buyer_nick_ciphertext";
                };
        return SchemaOwner.rows(
                        "select " + column + " as ciphertext from customer where brand_id = ? and customer_id = ?",
                        brandId,
                        customerId)
                .stream()
                .findFirst()
                .map(row -> (byte[]) row.get("ciphertext"))
                .orElse(null);
    }

    /**
     * How many access records about {@code subjectId} the outbox holds. The outbox row commits with the reveal's
     * answer, so this is exact as soon as a request returned, while Kafka trails by the relay's round.
     */
    static long recordedAccesses(String subjectId) {
        try (Connection owner = connect();
                PreparedStatement query = owner.prepareStatement("select count(*) from kit_outbox"
                        + " where topic = 'pii-access.events'"
                        + " and convert_from(payload, 'UTF8')::jsonb ->> 'subjectId' = ?")) {
            query.setString(1, subjectId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the outbox failed", e);
        }
    }

    /** Runs {@code sql} as the schema owner, outside any tenant scope (grants, platform tables). */
    static void asOwner(String sql) {
        try (Connection owner = connect();
                Statement statement = owner.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }

    private static byte[] encrypt(
            PiiCipher cipher, String brandId, CustomerField field, Map<CustomerField, String> values) {
        return cipher.encrypt(brandId, field.piiField(), values.get(field));
    }

    private static void run(String sql, Object... parameters) {
        SchemaOwner.execute(sql, parameters);
    }

    private static Connection connect() throws SQLException {
        var database = InfraTestResource.database();
        return InfraTestResource.postgres().connect(database.name(), database.owner());
    }
}
