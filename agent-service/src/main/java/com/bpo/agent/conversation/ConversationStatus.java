package com.bpo.agent.conversation;

/** Whether a conversation is still going on; a closed conversation has its response facts computed. */
public enum ConversationStatus {
    OPEN,
    CLOSED
}
