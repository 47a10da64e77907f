package com.bpo.contracts;

import com.bpo.contracts.audit.AlertRaised;
import com.bpo.contracts.call.CallEnded;
import com.bpo.contracts.chat.ConversationClosed;
import com.bpo.contracts.chat.ConversationStarted;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.contracts.commerce.RatingReceived;
import com.bpo.contracts.complaint.ComplaintFiled;
import com.bpo.contracts.complaint.ComplaintResolved;
import com.bpo.contracts.org.AgentChanged;
import com.bpo.contracts.org.BrandChanged;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.ShopChanged;
import com.bpo.contracts.org.TeamChanged;
import com.bpo.contracts.org.VendorChanged;
import com.bpo.contracts.pii.PiiAccessed;
import com.bpo.contracts.qa.EvaluationCompleted;
import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import com.bpo.contracts.ticket.TicketOpened;
import com.bpo.contracts.ticket.TicketStatusChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every {@code ce_type} of the platform, in the form {@code bpo.<area>.<event>.v1}. Changes to a type are additive;
 * a breaking change is a new {@code .v2} type.
 */
public final class EventTypes {

    // org.events: each record is the full current state of one aggregate.
    public static final String BRAND_CHANGED = "bpo.org.brand-changed.v1";
    public static final String SHOP_CHANGED = "bpo.org.shop-changed.v1";
    public static final String VENDOR_CHANGED = "bpo.org.vendor-changed.v1";
    public static final String TEAM_CHANGED = "bpo.org.team-changed.v1";
    public static final String AGENT_CHANGED = "bpo.org.agent-changed.v1";
    public static final String ENGAGEMENT_CHANGED = "bpo.org.engagement-changed.v1";

    // chat.events
    public static final String CONVERSATION_STARTED = "bpo.chat.conversation-started.v1";
    public static final String MESSAGE_SENT = "bpo.chat.message-sent.v1";
    public static final String CONVERSATION_CLOSED = "bpo.chat.conversation-closed.v1";

    // call.events
    public static final String CALL_ENDED = "bpo.call.call-ended.v1";

    // pii-access.events
    public static final String PII_ACCESSED = "bpo.pii.accessed.v1";

    // complaint.events
    public static final String COMPLAINT_FILED = "bpo.complaint.filed.v1";
    public static final String COMPLAINT_RESOLVED = "bpo.complaint.resolved.v1";

    // ticket.events
    public static final String TICKET_OPENED = "bpo.ticket.opened.v1";
    public static final String TICKET_STATUS_CHANGED = "bpo.ticket.status-changed.v1";
    public static final String CALLBACK_SCHEDULED = "bpo.ticket.callback-scheduled.v1";
    public static final String CALLBACK_COMPLETED = "bpo.ticket.callback-completed.v1";

    // qa.events
    public static final String EVALUATION_COMPLETED = "bpo.qa.evaluation-completed.v1";

    // commerce.events
    public static final String ORDER_CHANGED = "bpo.commerce.order-changed.v1";
    public static final String RATING_RECEIVED = "bpo.commerce.rating-received.v1";

    // audit-alert.events
    public static final String ALERT_RAISED = "bpo.audit.alert-raised.v1";

    /** Every event type: its topic, payload record and schema. */
    public static final List<EventDefinition> CATALOG = List.of(
            EventDefinition.of(BRAND_CHANGED, Topics.ORG_EVENTS, BrandChanged.class),
            EventDefinition.of(SHOP_CHANGED, Topics.ORG_EVENTS, ShopChanged.class),
            EventDefinition.of(VENDOR_CHANGED, Topics.ORG_EVENTS, VendorChanged.class),
            EventDefinition.of(TEAM_CHANGED, Topics.ORG_EVENTS, TeamChanged.class),
            EventDefinition.of(AGENT_CHANGED, Topics.ORG_EVENTS, AgentChanged.class),
            EventDefinition.of(ENGAGEMENT_CHANGED, Topics.ORG_EVENTS, EngagementChanged.class),
            EventDefinition.of(CONVERSATION_STARTED, Topics.CHAT_EVENTS, ConversationStarted.class),
            EventDefinition.of(MESSAGE_SENT, Topics.CHAT_EVENTS, MessageSent.class),
            EventDefinition.of(CONVERSATION_CLOSED, Topics.CHAT_EVENTS, ConversationClosed.class),
            EventDefinition.of(CALL_ENDED, Topics.CALL_EVENTS, CallEnded.class),
            EventDefinition.of(PII_ACCESSED, Topics.PII_ACCESS_EVENTS, PiiAccessed.class),
            EventDefinition.of(COMPLAINT_FILED, Topics.COMPLAINT_EVENTS, ComplaintFiled.class),
            EventDefinition.of(COMPLAINT_RESOLVED, Topics.COMPLAINT_EVENTS, ComplaintResolved.class),
            EventDefinition.of(TICKET_OPENED, Topics.TICKET_EVENTS, TicketOpened.class),
            EventDefinition.of(TICKET_STATUS_CHANGED, Topics.TICKET_EVENTS, TicketStatusChanged.class),
            EventDefinition.of(CALLBACK_SCHEDULED, Topics.TICKET_EVENTS, CallbackScheduled.class),
            EventDefinition.of(CALLBACK_COMPLETED, Topics.TICKET_EVENTS, CallbackCompleted.class),
            EventDefinition.of(EVALUATION_COMPLETED, Topics.QA_EVENTS, EvaluationCompleted.class),
            EventDefinition.of(ORDER_CHANGED, Topics.COMMERCE_EVENTS, OrderChanged.class),
            EventDefinition.of(RATING_RECEIVED, Topics.COMMERCE_EVENTS, RatingReceived.class),
            EventDefinition.of(ALERT_RAISED, Topics.AUDIT_ALERT_EVENTS, AlertRaised.class));

    private static final Map<String, EventDefinition> BY_TYPE =
            CATALOG.stream().collect(Collectors.toUnmodifiableMap(EventDefinition::type, Function.identity()));

    private static final Map<Class<? extends EventPayload>, EventDefinition> BY_PAYLOAD_TYPE =
            CATALOG.stream().collect(Collectors.toUnmodifiableMap(EventDefinition::payloadType, Function.identity()));

    private EventTypes() {}

    /** The definition of {@code type}, if it is one of the catalog. */
    public static Optional<EventDefinition> find(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    /**
     * The definition of {@code type}.
     *
     * @throws IllegalArgumentException if the type is not in the catalog
     */
    public static EventDefinition definition(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("unknown event type: " + type));
    }

    /**
     * The definition whose payload is {@code payloadType}.
     *
     * @throws IllegalArgumentException if no event type carries that payload
     */
    public static EventDefinition definitionOf(Class<? extends EventPayload> payloadType) {
        EventDefinition definition = BY_PAYLOAD_TYPE.get(payloadType);
        if (definition == null) {
            throw new IllegalArgumentException("no event type carries " + payloadType.getName());
        }
        return definition;
    }

    /** The event types published to {@code topic}, in catalog order. */
    public static List<EventDefinition> onTopic(String topic) {
        return CATALOG.stream().filter(d -> d.topic().equals(topic)).toList();
    }
}
