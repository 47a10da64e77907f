package com.bpo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The organisation the chat traffic belongs to, created through agent-service's REST API by a platform admin: the
 * brand of the integration client, its shops, a vendor with a chat team and agents, and an active engagement that
 * gives the vendor the brand's chat in all those shops.
 *
 * @param brandId the brand (the integration client's {@code brand_id} claim)
 * @param vendorId the vendor serving it
 * @param shopIds the brand's shops
 * @param agentIds the vendor's agents
 * @param engagementId the engagement between them
 */
record DemoOrganisation(
        String brandId, String vendorId, List<String> shopIds, List<String> agentIds, String engagementId) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AGENTS = 12;

    /** Creates the organisation; fails with the service's answer if any request is refused. */
    static DemoOrganisation create(HttpClient http, String serviceUrl, TokenSource platformAdmin, String brandId) {
        String vendorId = "vendor-starcall";
        String teamId = "team-starcall-chat";
        String brandName = brandId.replaceFirst("^brand-", "");
        post(
                http,
                serviceUrl,
                platformAdmin,
                "/api/v1/brands",
                Map.of("brandId", brandId, "name", brandName + " (benchmark)", "timeZone", "Asia/Shanghai"));
        List<String> shopIds = new ArrayList<>();
        for (String platform : List.of("TMALL", "JD", "DOUYIN")) {
            String shopId = "shop-" + brandName + "-" + platform.toLowerCase(Locale.ROOT);
            post(
                    http,
                    serviceUrl,
                    platformAdmin,
                    "/api/v1/brands/" + brandId + "/shops",
                    Map.of(
                            "shopId",
                            shopId,
                            "platform",
                            platform,
                            "name",
                            brandName + " " + platform + " flagship store"));
            shopIds.add(shopId);
        }
        post(http, serviceUrl, platformAdmin, "/api/v1/vendors", Map.of("vendorId", vendorId, "name", "StarCall BPO"));
        post(
                http,
                serviceUrl,
                platformAdmin,
                "/api/v1/vendors/" + vendorId + "/teams",
                Map.of("teamId", teamId, "name", "Chat, " + brandName));
        List<String> agentIds = new ArrayList<>();
        for (int i = 1; i <= AGENTS; i++) {
            String agentId = "agent-starcall-bench-" + i;
            post(
                    http,
                    serviceUrl,
                    platformAdmin,
                    "/api/v1/vendors/" + vendorId + "/agents",
                    Map.of(
                            "agentId",
                            agentId,
                            "teamId",
                            teamId,
                            "userId",
                            "bench-agent-" + i,
                            "displayName",
                            "Bench agent " + i,
                            "skills",
                            List.of("chat", "pre-sales"),
                            "maxConcurrency",
                            5));
            agentIds.add(agentId);
        }
        Map<String, Object> engagement = new LinkedHashMap<>();
        engagement.put("brandId", brandId);
        engagement.put("vendorId", vendorId);
        engagement.put("shopIds", shopIds);
        engagement.put("channels", List.of("CHAT"));
        engagement.put("roles", List.of("PRE_SALES", "AFTER_SALES"));
        JsonNode created = post(http, serviceUrl, platformAdmin, "/api/v1/engagements", engagement);
        return new DemoOrganisation(
                brandId,
                vendorId,
                shopIds,
                agentIds,
                created.path("engagementId").asText());
    }

    private static JsonNode post(
            HttpClient http, String serviceUrl, TokenSource token, String path, Map<String, ?> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new BenchmarkException(
                        "POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new BenchmarkException("POST " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted during POST " + path, e);
        }
    }
}
