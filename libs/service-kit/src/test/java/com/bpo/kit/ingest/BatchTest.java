package com.bpo.kit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.kit.error.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {

    private static Batch<String> batchOfFive() {
        return new Batch<>(
                List.of(new BatchLine<>(0, "a"), new BatchLine<>(2, "c"), new BatchLine<>(3, "d")),
                List.of(Rejection.of(1, "text", "must not be blank"), Rejection.of(4, "", "must be an object")),
                5);
    }

    @Test
    void recordsAreTheValidLinesInBatchOrder() {
        assertThat(batchOfFive().records()).containsExactly("a", "c", "d");
    }

    @Test
    void rejectingMovesLinesToTheRejectionsInIndexOrder() {
        Batch<String> batch = batchOfFive().rejecting(List.of(Rejection.of(2, "shopId", "is not a shop of the brand")));

        assertThat(batch.size()).isEqualTo(5);
        assertThat(batch.lines()).extracting(BatchLine::index).containsExactly(0, 3);
        assertThat(batch.rejections()).extracting(Rejection::index).containsExactly(1, 2, 4);
        assertThat(batch.rejections().get(1).errors())
                .containsExactly(FieldError.of("shopId", "is not a shop of the brand"));
    }

    @Test
    void twoRejectionsOfOneLineAreMerged() {
        Batch<String> batch = batchOfFive()
                .rejecting(List.of(
                        Rejection.of(3, "shopId", "is not a shop of the brand"),
                        Rejection.of(3, "messageId", "appears twice in the batch")));

        assertThat(batch.rejections()).extracting(Rejection::index).containsExactly(1, 3, 4);
        assertThat(batch.rejections().get(1).errors())
                .extracting(FieldError::field)
                .containsExactly("shopId", "messageId");
    }

    @Test
    void rejectingNothingKeepsTheBatch() {
        Batch<String> batch = batchOfFive();

        assertThat(batch.rejecting(List.of())).isSameAs(batch);
    }

    @Test
    void rejectingARecordThatIsNoLineFails() {
        assertThatThrownBy(() -> batchOfFive().rejecting(List.of(Rejection.of(1, "text", "again"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record 1");
    }

    @Test
    void sizeMustMatchLinesAndRejections() {
        assertThatThrownBy(() -> new Batch<>(List.of(new BatchLine<>(0, "a")), List.of(), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectionNamesAtLeastOneError() {
        assertThatThrownBy(() -> new Rejection(0, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answerCountsAcceptedDuplicatesAndRejected() {
        IngestAnswer answer = IngestAnswer.of(batchOfFive(), 1);

        assertThat(answer.accepted()).isEqualTo(2);
        assertThat(answer.duplicates()).isEqualTo(1);
        assertThat(answer.rejected()).isEqualTo(2);
        assertThat(answer.rejections()).extracting(Rejection::index).containsExactly(1, 4);
    }

    @Test
    void answerCannotHaveMoreDuplicatesThanValidRecords() {
        assertThatThrownBy(() -> IngestAnswer.of(batchOfFive(), 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answerCountsEveryRejectionItLists() {
        assertThatThrownBy(() -> new IngestAnswer(3, 0, 2, List.of(Rejection.of(1, "", "must be an object"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
