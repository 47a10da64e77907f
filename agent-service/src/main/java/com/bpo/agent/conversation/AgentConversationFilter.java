package com.bpo.agent.conversation;

/** What an agent's conversation list is narrowed to: one status (OPEN unless asked otherwise) and a page. */
public record AgentConversationFilter(ConversationStatus status, int limit, PageCursor cursor) {

    /**
     * Reads the query parameters of the list.
     *
     * @throws com.bpo.kit.error.ProblemException 400 naming every bad parameter
     */
    static AgentConversationFilter parse(String status, String limit, String cursor) {
        QueryParameters parameters = new QueryParameters();
        AgentConversationFilter filter = new AgentConversationFilter(
                parameters.status(status, ConversationStatus.OPEN),
                parameters.limit(limit),
                parameters.cursor(cursor, PageCursor.Order.ACTIVITY));
        parameters.requireValid();
        return filter;
    }
}
