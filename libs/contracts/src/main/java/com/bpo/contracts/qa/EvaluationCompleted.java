package com.bpo.contracts.qa;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reviewer finished scoring one conversation or call against a scorecard.
 *
 * @param agentId the agent who served the evaluated contact
 * @param passMark the lowest score that passes
 * @param criticalFailed whether any critical item of the scorecard failed
 * @param passed {@code score >= passMark} and no critical item failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationCompleted(
        String evaluationId,
        String brandId,
        String vendorId,
        String agentId,
        String teamId,
        QaSubjectType subjectType,
        String subjectId,
        String scorecardId,
        BigDecimal score,
        BigDecimal maxScore,
        BigDecimal passMark,
        boolean criticalFailed,
        boolean passed,
        String reviewerId,
        Instant at)
        implements EventPayload {

    @Override
    public String key() {
        return evaluationId;
    }
}
