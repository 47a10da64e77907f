package com.bpo.analytics.commerce;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A customer's rating as a brand's shop system reports it: the three DSR dimensions, whole numbers from 1 to 5.
 *
 * @param ratingId the shop platform's rating id, unique within the brand
 * @param orderId the rated order
 * @param conversationId the conversation the rating refers to, if the platform links one; optional
 */
public record RatingRecord(
        @NotBlank @Size(max = 128) String ratingId,
        @NotBlank @Size(max = 128) String shopId,
        @NotBlank @Size(max = 128) String customerId,
        @Size(min = 1, max = 128) String orderId,
        @Size(min = 1, max = 128) String conversationId,
        @NotNull OffsetDateTime ratedAt,
        @NotNull @Min(1) @Max(5) @JsonDeserialize(using = WholeNumber.class) Long itemScore,
        @NotNull @Min(1) @Max(5) @JsonDeserialize(using = WholeNumber.class) Long serviceScore,
        @NotNull @Min(1) @Max(5) @JsonDeserialize(using = WholeNumber.class) Long logisticsScore) {}
