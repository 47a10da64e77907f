package com.bpo.agent.chat;

import com.bpo.contracts.chat.ClosedBy;
import java.time.OffsetDateTime;

/**
 * Closing a conversation; the body is optional.
 *
 * @param closedAt when the session ended at its origin; now when absent
 * @param closedBy who ended it; {@code AGENT} when an agent calls, else {@code SYSTEM}, when absent
 */
public record CloseRequest(OffsetDateTime closedAt, ClosedBy closedBy) {}
