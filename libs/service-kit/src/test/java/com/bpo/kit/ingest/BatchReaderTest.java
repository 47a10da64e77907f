package com.bpo.kit.ingest;

import static com.bpo.kit.ingest.BatchReaderFixtures.message;
import static com.bpo.kit.ingest.BatchReaderFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.ingest.ChatLine.Sender;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchReaderTest {

    private static final String JSON = "application/json";
    private static final String NDJSON = BatchReader.NDJSON;
    private static final int LIMIT = 10_000;

    private final BatchReader reader = BatchReaderFixtures.batchReader();

    private Batch<ChatLine> read(String body, String contentType) {
        return reader.read(utf8(body), contentType, ChatLine.class, LIMIT);
    }

    private ProblemException refusal(String body, String contentType, int maxRecords) {
        return catchThrowableOfType(
                ProblemException.class, () -> reader.read(utf8(body), contentType, ChatLine.class, maxRecords));
    }

    private static String array(String... records) {
        return "[" + String.join(",\n", records) + "]";
    }

    private static String lines(String... records) {
        return String.join("\n", records) + "\n";
    }

    @Test
    void arrayOfValidRecordsGivesEveryLineInBatchOrder() {
        Batch<ChatLine> batch = read(array(message(1), message(2), message(3)), JSON);

        assertThat(batch.size()).isEqualTo(3);
        assertThat(batch.rejections()).isEmpty();
        assertThat(batch.lines())
                .extracting(BatchLine::index, line -> line.record().messageId())
                .containsExactly(tuple(0, "m-1"), tuple(1, "m-2"), tuple(2, "m-3"));
        ChatLine first = batch.lines().get(0).record();
        assertThat(first.sender()).isEqualTo(Sender.CUSTOMER);
        assertThat(first.sentAt()).isEqualTo(Instant.parse("2026-06-01T02:15:01Z"));
        assertThat(first.attachments()).isEmpty();
    }

    @Test
    void ndjsonOfValidRecordsGivesEveryLineInBatchOrder() {
        Batch<ChatLine> batch = read(lines(message(1), message(2), message(3)), NDJSON);

        assertThat(batch.size()).isEqualTo(3);
        assertThat(batch.rejections()).isEmpty();
        assertThat(batch.records()).extracting(ChatLine::messageId).containsExactly("m-1", "m-2", "m-3");
        assertThat(batch.lines()).extracting(BatchLine::index).containsExactly(0, 1, 2);
    }

    @Test
    void lastNdjsonLineNeedsNoNewline() {
        Batch<ChatLine> batch = read(message(1) + "\n" + message(2), NDJSON);

        assertThat(batch.records()).extracting(ChatLine::messageId).containsExactly("m-1", "m-2");
    }

    @Test
    void badRecordsOfAnArrayAreRejectedOneByOneAndTheOthersTaken() {
        String body = array(
                message(0),
                """
                {"messageId": "m-1", "sender": "CUSTOMER", "text": " ", "sentAt": "2026-06-01T10:15:00+08:00"}""",
                """
                {"messageId": "m-2", "sender": "ROBOT", "text": "hi", "sentAt": "2026-06-01T10:15:00+08:00"}""",
                """
                {"messageId": "m-3", "sender": "AGENT", "text": "hi", "sentAt": "yesterday"}""",
                message(4));

        Batch<ChatLine> batch = read(body, JSON);

        assertThat(batch.size()).isEqualTo(5);
        assertThat(batch.lines()).extracting(BatchLine::index).containsExactly(0, 4);
        assertThat(batch.rejections())
                .extracting(
                        Rejection::index, rejection -> rejection.errors().get(0).field())
                .containsExactly(tuple(1, "text"), tuple(2, "sender"), tuple(3, "sentAt"));
    }

    @Test
    void badRecordsOfNdjsonAreRejectedOneByOneAndTheOthersTaken() {
        String body = lines(
                message(0),
                """
                {"messageId": "m-1", "sender": "CUSTOMER", "text": " ", "sentAt": "2026-06-01T10:15:00+08:00"}""",
                """
                {"messageId": "m-2", "sender": "ROBOT", "text": "hi", "sentAt": "2026-06-01T10:15:00+08:00"}""",
                """
                {"messageId": "m-3", "sender": "AGENT", "text": "hi", "sentAt": "yesterday"}""",
                """
                {"messageId": "m-4", "sender": "AGENT", "text": "cut off""",
                message(5));

        Batch<ChatLine> batch = read(body, NDJSON);

        assertThat(batch.size()).isEqualTo(6);
        assertThat(batch.records()).extracting(ChatLine::messageId).containsExactly("m-0", "m-5");
        assertThat(batch.lines()).extracting(BatchLine::index).containsExactly(0, 5);
        assertThat(batch.rejections())
                .extracting(
                        Rejection::index, rejection -> rejection.errors().get(0).field())
                .containsExactly(tuple(1, "text"), tuple(2, "sender"), tuple(3, "sentAt"), tuple(4, ""));
    }

    @Test
    void unknownEnumConstantNamesTheFieldTheAllowedValuesAndWhatWasSent() {
        Batch<ChatLine> batch = read(
                array(
                        """
                        {"messageId": "m-1", "sender": "ROBOT", "text": "hi", "sentAt": "2026-06-01T10:15:00Z"}"""),
                JSON);

        assertThat(batch.rejections())
                .containsExactly(new Rejection(
                        0,
                        List.of(new FieldError(
                                "sender", "has an invalid value, expected one of CUSTOMER, AGENT, BOT", "ROBOT"))));
    }

    @Test
    void malformedTimestampNamesTheFieldAndTheExpectedFormat() {
        Batch<ChatLine> batch = read(
                lines(
                        """
                        {"messageId": "m-1", "sender": "BOT", "text": "hi", "sentAt": "2026-06-01 10:15"}"""),
                NDJSON);

        FieldError error = batch.rejections().get(0).errors().get(0);
        assertThat(error.field()).isEqualTo("sentAt");
        assertThat(error.message()).startsWith("has an invalid value, expected an ISO-8601 timestamp");
        assertThat(error.rejectedValue()).isEqualTo("2026-06-01 10:15");
    }

    @Test
    void valueOfTheWrongJsonTypeNamesTheField() {
        Batch<ChatLine> batch = read(
                array(
                        """
                        {"messageId": "m-1", "sender": "BOT", "text": {"zh": "你好"}, "sentAt": "2026-06-01T10:15:00Z"}""",
                        message(2)),
                JSON);

        assertThat(batch.rejections()).containsExactly(Rejection.of(0, "text", "must be a string"));
        assertThat(batch.lines()).extracting(BatchLine::index).containsExactly(1);
    }

    @Test
    void recordThatIsNoObjectIsRejectedAsAWhole() {
        Batch<ChatLine> batch = read(array("42", "\"m-2\"", "null", "[]", message(5)), JSON);

        assertThat(batch.rejections())
                .extracting(Rejection::index, Rejection::errors)
                .containsExactly(
                        tuple(0, List.of(FieldError.of("", "must be an object"))),
                        tuple(1, List.of(FieldError.of("", "must be an object"))),
                        tuple(2, List.of(FieldError.of("", "must be an object"))),
                        tuple(3, List.of(FieldError.of("", "must be an object"))));
        assertThat(batch.lines()).extracting(BatchLine::index).containsExactly(4);
    }

    @Test
    void nestedErrorsNameTheirPathWithinTheRecord() {
        Batch<ChatLine> batch = read(
                lines(
                        """
                        {"messageId": "m-1", "sender": "BOT", "text": "hi", "sentAt": "2026-06-01T10:15:00Z", \
                        "attachments": [{"url": "https://img/1.png", "bytes": 10}, {"url": "", "bytes": 20}]}""",
                        """
                        {"messageId": "m-2", "sender": "BOT", "text": "hi", "sentAt": "2026-06-01T10:15:00Z", \
                        "attachments": [{"url": "https://img/1.png", "bytes": "many"}]}"""),
                NDJSON);

        assertThat(batch.rejections())
                .extracting(
                        Rejection::index, rejection -> rejection.errors().get(0).field())
                .containsExactly(tuple(0, "attachments[1].url"), tuple(1, "attachments[0].bytes"));
    }

    @Test
    void everyViolationOfOneRecordIsInItsOneRejectionSortedByField() {
        Batch<ChatLine> batch = read(
                array(
                        """
                {"messageId": "", "sender": "AGENT", "text": "", "sentAt": null}""",
                        message(1)),
                JSON);

        assertThat(batch.rejections()).hasSize(1);
        Rejection rejection = batch.rejections().get(0);
        assertThat(rejection.index()).isZero();
        assertThat(rejection.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(
                        tuple("messageId", "must not be blank"),
                        tuple("sentAt", "must not be null"),
                        tuple("text", "must not be blank"));
    }

    @Test
    void rulesOfTheWholeRecordNameNoField() {
        String body = lines(
                """
                {"opensAt": "2026-06-01T09:00:00Z", "closesAt": "2026-06-01T08:00:00Z", "breakMinutes": 30}""",
                """
                {"opensAt": "2026-06-01T09:00:00Z", "closesAt": "2026-06-01T18:00:00Z", "breakMinutes": -5}""",
                """
                {"opensAt": "2026-06-01T09:00:00Z", "closesAt": "2026-06-01T18:00:00Z", "breakMinutes": 60}""");

        Batch<ServiceWindow> batch = reader.read(utf8(body), NDJSON, ServiceWindow.class, LIMIT);

        assertThat(batch.lines()).extracting(BatchLine::index).containsExactly(2);
        assertThat(batch.rejections())
                .containsExactly(
                        Rejection.of(0, "", "must close after it opens"),
                        Rejection.of(1, "", "breakMinutes must not be negative"));
    }

    @Test
    void brokenNdjsonLineRejectsOnlyThatLineAndNamesItsLineNumber() {
        String body = "\n" + message(0) + "\n\n" + "{\"messageId\": \"m-1\", \"text\": tru}\n" + message(2) + "\n";

        Batch<ChatLine> batch = read(body, NDJSON);

        assertThat(batch.lines()).extracting(BatchLine::index).containsExactly(0, 2);
        assertThat(batch.rejections()).hasSize(1);
        Rejection rejection = batch.rejections().get(0);
        assertThat(rejection.index()).isEqualTo(1);
        assertThat(rejection.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEmpty();
            // Line 4 of the body (blank lines count as lines, not as records); column 30 is where "tru" begins.
            assertThat(error.message()).isEqualTo("line 4 is not valid JSON (column 30)");
        });
    }

    @Test
    void ndjsonLineWithTwoValuesIsRejected() {
        Batch<ChatLine> batch = read(lines(message(0) + " " + message(1), message(2)), NDJSON);

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.lines()).extracting(BatchLine::index).containsExactly(1);
        assertThat(batch.rejections().get(0).index()).isZero();
        assertThat(batch.rejections().get(0).errors().get(0).message())
                .startsWith("line 1 holds more than one JSON value");
    }

    @Test
    void blankNdjsonLinesAreSkippedAndNotCounted() {
        String body = "\n  \n" + message(0) + "\r\n\t\r\n\r\n" + message(1) + "\r\n\n \n";

        Batch<ChatLine> batch = read(body, NDJSON);

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.rejections()).isEmpty();
        assertThat(batch.lines())
                .extracting(BatchLine::index, line -> line.record().messageId())
                .containsExactly(tuple(0, "m-0"), tuple(1, "m-1"));
    }

    @Test
    void unknownPropertiesAreIgnoredInBothFormats() {
        String evolved =
                """
                {"messageId": "m-1", "sender": "AGENT", "text": "hi", "sentAt": "2026-06-01T10:15:00Z", \
                "channel": "TMALL", "meta": {"nested": [1, 2, {"deep": true}]}}""";

        assertThat(read(array(evolved, message(2)), JSON).records())
                .extracting(ChatLine::messageId)
                .containsExactly("m-1", "m-2");
        assertThat(read(lines(evolved, message(2)), NDJSON).records())
                .extracting(ChatLine::messageId)
                .containsExactly("m-1", "m-2");
    }

    @Test
    void chineseTextIsKeptIntactInBothFormats() {
        String text = "亲，端午节的五芳斋粽子明天发货🚚，请注意查收～";
        String record =
                """
                {"messageId": "m-1", "sender": "AGENT", "text": "%s", "sentAt": "2026-06-01T10:15:00+08:00"}"""
                        .formatted(text);

        assertThat(read(array(record), "application/json; charset=UTF-8").records())
                .extracting(ChatLine::text)
                .containsExactly(text);
        assertThat(read(lines(record), "application/x-ndjson;charset=utf-8").records())
                .extracting(ChatLine::text)
                .containsExactly(text);
    }

    @Test
    void exactlyTheLimitIsTaken() {
        String body =
                IntStream.range(0, LIMIT).mapToObj(BatchReaderFixtures::message).collect(Collectors.joining("\n"));

        Batch<ChatLine> batch = read(body, NDJSON);

        assertThat(batch.size()).isEqualTo(LIMIT);
        assertThat(batch.lines()).hasSize(LIMIT);
        assertThat(batch.lines().get(LIMIT - 1).record().messageId()).isEqualTo("m-9999");
    }

    @Test
    void oneRecordMoreThanTheLimitIsRefusedWith413NamingTheLimit() {
        ProblemException ofArray = refusal(array(message(0), message(1), message(2)), JSON, 2);
        ProblemException ofLines = refusal(lines(message(0), message(1), "", message(2)), NDJSON, 2);

        for (ProblemException refusal : List.of(ofArray, ofLines)) {
            assertThat(refusal.status()).isEqualTo(413);
            assertThat(refusal.type()).hasToString("urn:bpo:problem:batch-too-large");
            assertThat(refusal.detail()).contains("more than 2 records");
        }
    }

    @Test
    void limitCountsBadRecordsToo() {
        ProblemException refusal = refusal(lines("{}", "{}", "not json"), NDJSON, 2);

        assertThat(refusal.status()).isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "[ \n ]"})
    void arrayWithoutRecordsIsRefusedWith400(String body) {
        ProblemException refusal = refusal(body, JSON, LIMIT);

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.type()).hasToString("urn:bpo:problem:validation");
        assertThat(refusal.detail()).isEqualTo("The batch holds no records.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", " \r\n\n\t\n"})
    void ndjsonWithoutRecordsIsRefusedWith400(String body) {
        ProblemException refusal = refusal(body, NDJSON, LIMIT);

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.detail()).isEqualTo("The batch holds no records.");
    }

    @Test
    void missingBodyIsRefusedAsEmpty() {
        assertThatThrownBy(() -> reader.read(null, JSON, ChatLine.class, LIMIT))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> assertThat(refusal.status())
                        .isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"messageId\": \"m-1\"}", "\"m-1\"", "42"})
    void jsonBodyThatIsNotAnArrayIsRefusedWith400(String body) {
        ProblemException refusal = refusal(body, JSON, LIMIT);

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.type()).hasToString("urn:bpo:problem:malformed-request");
        assertThat(refusal.detail()).startsWith("The request body must be a JSON array of records");
    }

    @Test
    void truncatedArrayIsRefusedWith400NamingWhere() {
        ProblemException refusal = refusal("[" + message(0) + ",\n{\"messageId\": ", JSON, LIMIT);

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.type()).hasToString("urn:bpo:problem:malformed-request");
        assertThat(refusal.detail()).startsWith("The request body is not valid JSON (line 2, column");
    }

    @Test
    void syntaxErrorInsideARecordOfAnArrayRefusesTheWholeBatch() {
        // Jackson reports this one as a binding failure of "text": the batch must still be refused, not the record.
        ProblemException refusal = refusal(
                array(message(0), "{\"messageId\": \"m-1\", \"text\": tru, \"sender\": \"BOT\"}", message(2)),
                JSON,
                LIMIT);

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.type()).hasToString("urn:bpo:problem:malformed-request");
        assertThat(refusal.detail()).startsWith("The request body is not valid JSON (line 2,");
    }

    @Test
    void contentAfterTheArrayIsRefusedWith400() {
        ProblemException refusal = refusal(array(message(0)) + " " + array(message(1)), JSON, LIMIT);

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.detail()).startsWith("The request body holds more than one JSON array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "application/xml", "text/plain; charset=utf-8", "application/json-seq"})
    void unsupportedContentTypeIsRefusedWith415(String contentType) {
        ProblemException refusal = refusal(array(message(0)), contentType, LIMIT);

        assertThat(refusal.status()).isEqualTo(415);
        assertThat(refusal.detail()).contains("application/json", NDJSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=GBK", "application/x-ndjson; charset=\"UTF-16\""})
    void charsetOtherThanUtf8IsRefusedWith415(String contentType) {
        assertThat(refusal(array(message(0)), contentType, LIMIT).status()).isEqualTo(415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "APPLICATION/JSON", "application/json;charset=\"utf-8\""})
    void absentOrDifferentlyWrittenJsonContentTypeReadsAnArray(String contentType) {
        assertThat(read(array(message(0), message(1)), contentType).size()).isEqualTo(2);
    }

    @Test
    void nullContentTypeReadsAnArray() {
        assertThat(read(array(message(0)), null).records())
                .extracting(ChatLine::messageId)
                .containsExactly("m-0");
    }

    @Test
    void ndjsonContentTypeIsMatchedIgnoringCase() {
        assertThat(read(lines(message(0), message(1)), "Application/X-NDJSON").size())
                .isEqualTo(2);
    }

    @Test
    void limitBelowOneIsAProgrammingError() {
        assertThatThrownBy(() -> reader.read(utf8(array(message(0))), JSON, ChatLine.class, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
