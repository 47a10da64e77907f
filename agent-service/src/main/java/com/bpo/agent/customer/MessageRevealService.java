package com.bpo.agent.customer;

import com.bpo.agent.chat.MessageOriginal;
import com.bpo.contracts.pii.PiiSubjectType;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.pii.PiiCipher;
import com.bpo.kit.tenant.TenantScope;
import com.bpo.kit.tenant.TenantScopes;
import com.bpo.kit.tenant.TenantTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The original text of chat messages. Published and stored texts have personal data masked; the original of a message
 * whose text was redacted is kept encrypted under the brand's key and field {@value #MESSAGE_TEXT_FIELD}, and shown
 * only through this audited reveal. A message with nothing to redact has no stored original: its text is the
 * original, and revealing it is recorded all the same.
 */
@ApplicationScoped
public class MessageRevealService {

    /** The PII field name the ingestion encrypts original message texts under. */
    public static final String MESSAGE_TEXT_FIELD = MessageOriginal.TEXT_FIELD;

    /** The field name of a message reveal in the access ledger. */
    static final String TEXT = "text";

    private final ContactRepository contacts;
    private final TenantScopes scopes;
    private final PiiCipher cipher;
    private final PiiAccessAudit audit;

    MessageRevealService(ContactRepository contacts, TenantScopes scopes, PiiCipher cipher, PiiAccessAudit audit) {
        this.contacts = contacts;
        this.scopes = scopes;
        this.cipher = cipher;
        this.audit = audit;
    }

    /**
     * The original text, once the access is recorded; {@code null} when the message is unknown or outside the
     * caller's scope: another vendor's message, or a conversation the calling agent took no part in.
     */
    @TenantTransaction
    public Uni<MessageRevealView> reveal(String requestedBrandId, String messageId, MessageRevealRequest request) {
        return scopes.current().chain(scope -> {
            String brandId = scope.selectBrand(requestedBrandId);
            if (brandId == null) {
                return Uni.createFrom().nullItem();
            }
            return contacts.message(brandId, messageId)
                    .chain(message -> message == null
                            ? Uni.createFrom().nullItem()
                            : visible(scope, brandId, message)
                                    .chain(visible -> visible
                                            ? reveal(brandId, message, request)
                                            : Uni.createFrom().nullItem()));
        });
    }

    private Uni<MessageRevealView> reveal(
            String brandId, ContactRepository.StoredMessage message, MessageRevealRequest request) {
        if (message.redacted() && message.originalCiphertext() == null) {
            // The message and its original travel on two topics and are stored a moment apart: never answer the
            // masked text as if it were the original.
            return Uni.createFrom()
                    .failure(ProblemException.conflict("The original of message " + message.messageId()
                            + " is not stored yet; try again in a moment"));
        }
        // Decrypted before the access is recorded: a value that does not decrypt fails the reveal, which then
        // records nothing.
        String text = message.originalCiphertext() == null
                ? message.redactedText()
                : cipher.decrypt(brandId, MESSAGE_TEXT_FIELD, message.originalCiphertext());
        return audit.record(
                        scopes.principal(),
                        brandId,
                        new PiiAccessAudit.Subject(PiiSubjectType.MESSAGE, message.messageId(), message.customerId()),
                        List.of(TEXT),
                        new PiiAccessAudit.Reason(request.purpose().strip(), request.ticketId()))
                .map(accessId ->
                        new MessageRevealView(accessId, brandId, message.messageId(), message.conversationId(), text));
    }

    private Uni<Boolean> visible(TenantScope scope, String brandId, ContactRepository.StoredMessage message) {
        if (scope.vendorId() != null && !scope.vendorId().equals(message.vendorId())) {
            return Uni.createFrom().item(false);
        }
        if (scope.agentId() != null) {
            return scope.vendorId() == null
                    ? Uni.createFrom().item(false)
                    : contacts.agentTookPart(brandId, message.conversationId(), scope.agentId());
        }
        return Uni.createFrom().item(true);
    }
}
