package com.bpo.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.gateway.testing.FakeService;
import com.bpo.gateway.testing.FakeServices;
import com.bpo.gateway.testing.GatewayTestResource;
import com.bpo.gateway.testing.InjectFakeServices;
import com.bpo.gateway.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Bodies stream through the gateway in both directions: the far end sees the first bytes before the near end has
 * produced the last, which a gateway holding bodies whole could never do.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class StreamingTest {

    private static final int MB = 1024 * 1024;

    @TestHTTPResource("/")
    URL gateway;

    @InjectFakeServices
    FakeServices services;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void largeAnswerReachesTheClientWhileTheServiceIsStillWritingIt() throws Exception {
        long total = 50L * MB;
        FakeService analytics = services.analytics();
        long producedBefore = analytics.produced();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(gateway + "api/v1/commerce/export/stream?bytes=" + total))
                .header("Authorization", "Bearer " + new Tokens().user("zongzi-analyst"))
                .build();

        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            byte[] first = body.readNBytes(64 * 1024);
            assertThat(first).hasSize(64 * 1024);
            // While this reader holds back, the service stays blocked far below the total: nothing buffers it all.
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> analytics.produced() - producedBefore < total / 2);

            long read = first.length;
            boolean intact = matchesPattern(first, 0);
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = body.read(buffer)) != -1; ) {
                intact &= matchesPattern(Arrays.copyOf(buffer, n), read);
                read += n;
            }
            assertThat(read).isEqualTo(total);
            assertThat(intact).as("bytes arrive unchanged and in order").isTrue();
        }
    }

    @Test
    void largeRequestReachesTheServiceWhileTheClientIsStillSendingIt() throws Exception {
        FakeService agent = services.agent();
        long receivedBefore = agent.bodyBytesReceived();
        int total = 12 * MB;
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        // Sends 1 MB, then waits until the service has seen bytes of this body before sending the rest.
        InputStream body = new InputStream() {
            private int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) {
                if (position >= total) {
                    return -1;
                }
                if (position == MB) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> agent.bodyBytesReceived() > receivedBefore);
                }
                int limit = position < MB ? MB : total;
                int n = Math.min(length, limit - position);
                for (int i = 0; i < n; i++) {
                    target[offset + i] = FakeService.patternByte(position + i);
                }
                sent.update(target, offset, n);
                position += n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/chat/messages/batch"))
                .header("Authorization", "Bearer " + new Tokens().integration("integration-zongzi"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonPath echo = new JsonPath(response.body());
        assertThat(echo.getLong("bodyBytes")).isEqualTo(total);
        assertThat(echo.getString("bodySha256")).isEqualTo(HexFormat.of().formatHex(sent.digest()));
        assertThat(echo.getString("headers.'transfer-encoding'")).isEqualTo("chunked");
    }

    private static boolean matchesPattern(byte[] chunk, long offset) {
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] != FakeService.patternByte(offset + i)) {
                return false;
            }
        }
        return true;
    }
}
