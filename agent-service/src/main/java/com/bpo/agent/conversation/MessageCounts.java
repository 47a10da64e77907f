package com.bpo.agent.conversation;

/** How many messages of each sender a conversation has so far. */
public record MessageCounts(int customerMessages, int agentMessages, int botMessages) {}
