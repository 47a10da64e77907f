package com.bpo.agent.customer;

/**
 * The original text of a chat message, answered only after the access was recorded.
 *
 * @param accessId the id of the {@code PiiAccessed} record of this reveal in the access ledger
 * @param text the text as the sender wrote it, personal data included
 */
public record MessageRevealView(
        String accessId, String brandId, String messageId, String conversationId, String text) {}
