package com.bpo.agent.call;

import com.bpo.contracts.call.CallDirection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * One phone contact as a brand's telephony or a vendor's desk tool reports it once it ended. A call without
 * {@code answeredAt} was abandoned.
 *
 * @param callId the telephony's id of the call, unique within the brand
 * @param agentId the agent who answered; required when answered, absent when abandoned
 * @param callbackOf the call or ticket this callback follows up; only for {@code CALLBACK}
 * @param vendorId optional: the vendor that handled the call, needed only for an abandoned call in a shop that several
 *     vendors serve by phone
 */
public record CallRecord(
        @NotBlank @Size(max = 128) String callId,
        @NotBlank @Size(max = 128) String shopId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull CallDirection direction,
        @NotNull OffsetDateTime offeredAt,
        OffsetDateTime answeredAt,
        @NotNull OffsetDateTime endedAt,
        @Size(max = 128) String agentId,
        @PositiveOrZero @Max(86_400) Long holdSeconds,
        @PositiveOrZero @Max(86_400) Long wrapSeconds,
        @Size(max = 128) String callbackOf,
        @Size(max = 128) String vendorId) {}
