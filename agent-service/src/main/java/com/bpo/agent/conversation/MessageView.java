package com.bpo.agent.conversation;

import com.bpo.contracts.chat.Sender;
import java.time.Instant;

/**
 * One message as the console shows it: personal data in the text is masked. The original text is only available
 * through the audited reveal.
 *
 * @param agentId the agent who wrote it; only for {@link Sender#AGENT}
 * @param text the masked text, as published on {@code chat.events}
 * @param redacted whether anything was masked in {@code text}
 */
public record MessageView(
        String messageId, Sender sender, String agentId, Instant sentAt, String text, boolean redacted) {}
