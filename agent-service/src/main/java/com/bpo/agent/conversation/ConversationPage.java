package com.bpo.agent.conversation;

import java.util.List;

/**
 * One page of conversations (without their messages).
 *
 * @param nextCursor pass as {@code cursor} to read the next page; {@code null} on the last page
 */
public record ConversationPage(List<ConversationView> items, String nextCursor) {

    public ConversationPage {
        items = List.copyOf(items);
    }
}
