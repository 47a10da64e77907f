package com.bpo.kit.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** A chat message as a brand's platform sends it, the record type of the ingestion tests. */
public record ChatLine(
        @NotBlank String messageId,
        @NotNull Sender sender,
        @NotBlank @Size(max = 2000) String text,
        @NotNull Instant sentAt,
        List<@Valid Attachment> attachments) {

    public enum Sender {
        CUSTOMER,
        AGENT,
        BOT
    }

    public record Attachment(@NotBlank String url, long bytes) {}
}
