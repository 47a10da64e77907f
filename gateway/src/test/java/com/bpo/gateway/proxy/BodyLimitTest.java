package com.bpo.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.gateway.testing.FakeServices;
import com.bpo.gateway.testing.GatewayTestResource;
import com.bpo.gateway.testing.InjectFakeServices;
import com.bpo.gateway.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bodies over {@code bpo.gateway.max-body-size} (16M by default) answer 413, declared or streamed. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class BodyLimitTest {

    private static final long LIMIT = 16L * 1024 * 1024;

    @TestHTTPResource("/")
    URL gateway;

    @InjectFakeServices
    FakeServices services;

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        long completedBefore = services.agent().completedRequests();
        String head = "POST /api/v1/chat/messages HTTP/1.1\r\n"
                + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                + "Authorization: Bearer " + new Tokens().user("starcall-agent-1") + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n[";

        String answer;
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer = readAnswer(socket.getInputStream());
        }

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer).containsIgnoringCase("connection: close");
        assertThat(answer).contains("\"type\":\"urn:bpo:problem:request-too-large\"");
        assertThat(services.agent().completedRequests()).isEqualTo(completedBefore);
    }

    @Test
    void streamedBodyGrowingOverTheLimitIsRefusedAndNeverCompletesAtTheService() throws Exception {
        long completedBefore = services.agent().completedRequests();
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long total = LIMIT + 1024 * 1024;
        // No length known in advance: java.net.http sends it chunked.
        InputStream body = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < total ? 'x' : -1;
            }

            @Override
            public int read(byte[] target, int offset, int length) {
                if (sent >= total) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(length, chunk.length), total - sent);
                System.arraycopy(chunk, 0, target, offset, n);
                sent += n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/chat/messages"))
                .header("Authorization", "Bearer " + new Tokens().integration("integration-zongzi"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new JsonPath(response.body()).getString("type")).isEqualTo("urn:bpo:problem:request-too-large");
        assertThat(services.agent().completedRequests()).isEqualTo(completedBefore);
    }

    private static String readAnswer(InputStream in) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) != -1; ) {
            answer.write(buffer, 0, n);
            String text = answer.toString(StandardCharsets.UTF_8);
            int headerEnd = text.indexOf("\r\n\r\n");
            if (headerEnd >= 0 && text.substring(headerEnd).contains("}")) {
                break;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
