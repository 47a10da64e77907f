package com.bpo.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code bpo} realm seen from outside, over plain HTTP the way a script, a brand's system or the browser talks to
 * it: token requests, discovery, userinfo and the console's authorization code flow with PKCE.
 */
final class BpoRealm {

    static final String DEMO_PASSWORD = "demo1234";
    static final String CONSOLE_REDIRECT_URI = "http://localhost:8080/callback";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LOGIN_FORM_ACTION = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI realmUri;
    // No redirects followed: the tests look at Keycloak's redirects themselves.
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    BpoRealm(URI keycloakBaseUrl) {
        String base = keycloakBaseUrl.toString().replaceAll("/+$", "");
        this.realmUri = URI.create(base + "/realms/bpo");
    }

    Reply passwordGrant(String clientId, String username, String password) {
        return post(
                tokenEndpoint(),
                form(
                        "grant_type", "password",
                        "client_id", clientId,
                        "username", username,
                        "password", password,
                        "scope", "openid"));
    }

    Reply clientCredentials(String clientId, String clientSecret) {
        return post(
                tokenEndpoint(),
                form("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret));
    }

    Reply discovery() {
        return send(HttpRequest.newBuilder(URI.create(realmUri + "/.well-known/openid-configuration"))
                .GET()
                .timeout(TIMEOUT)
                .build());
    }

    Reply userinfo(String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(realmUri + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .timeout(TIMEOUT)
                .build());
    }

    /** A new browser: its own cookie jar, so each one starts without a Keycloak session. */
    Browser browser() {
        return new Browser();
    }

    private URI tokenEndpoint() {
        return URI.create(realmUri + "/protocol/openid-connect/token");
    }

    private Reply post(URI uri, String form) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(TIMEOUT)
                .build());
    }

    private Reply send(HttpRequest request) {
        return send(http, request);
    }

    private static Reply send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }

    static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    static Map<String, String> queryOf(String uri) {
        String query = URI.create(uri).getRawQuery();
        if (query == null) {
            return Map.of();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length == 2 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> first,
                        LinkedHashMap::new));
    }

    /** One HTTP exchange: status, body and the redirect target if there is one. */
    record Reply(int status, String body, String location) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        String field(String name) {
            return json().path(name).asText(null);
        }

        JsonWebToken accessToken() {
            return JsonWebToken.decode(field("access_token"));
        }

        JsonWebToken idToken() {
            return JsonWebToken.decode(field("id_token"));
        }
    }

    /** A PKCE pair (RFC 7636): the verifier stays with the client, the S256 challenge goes to the browser. */
    record Pkce(String verifier, String challenge) {

        static Pkce create() {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            return new Pkce(verifier, challengeOf(verifier));
        }

        private static String challengeOf(String verifier) {
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    /** What the web console does in the browser, without a browser: the login form and the redirects. */
    final class Browser {

        private final HttpClient client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new LoopbackCookieJar())
                .build();

        /** Opens the authorization endpoint; {@code pkce} may be {@code null} to leave the challenge out. */
        Reply authorize(String clientId, String redirectUri, Pkce pkce) {
            StringBuilder query = new StringBuilder(form(
                    "client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri", redirectUri));
            query.append('&').append(form("state", "console-state"));
            if (pkce != null) {
                query.append('&').append(form("code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
            }
            return send(
                    client,
                    HttpRequest.newBuilder(URI.create(realmUri + "/protocol/openid-connect/auth?" + query))
                            .GET()
                            .timeout(TIMEOUT)
                            .build());
        }

        /** Submits Keycloak's login form from the page {@link #authorize} returned. */
        Reply submitLogin(Reply loginPage, String username, String password) {
            Matcher action = LOGIN_FORM_ACTION.matcher(loginPage.body());
            if (!action.find()) {
                throw new IllegalStateException("no login form on the page (HTTP " + loginPage.status() + ")");
            }
            URI target = URI.create(action.group(1).replace("&amp;", "&"));
            return send(
                    client,
                    HttpRequest.newBuilder(target)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    form("username", username, "password", password, "credentialId", "")))
                            .timeout(TIMEOUT)
                            .build());
        }

        Reply redeemCode(String clientId, String code, String redirectUri, String codeVerifier) {
            return send(
                    client,
                    HttpRequest.newBuilder(tokenEndpoint())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form(
                                    "grant_type", "authorization_code",
                                    "client_id", clientId,
                                    "code", code,
                                    "redirect_uri", redirectUri,
                                    "code_verifier", codeVerifier)))
                            .timeout(TIMEOUT)
                            .build());
        }
    }

    /**
     * Keycloak marks its login cookies {@code Secure}. Browsers still send them to {@code http://localhost}, a secure
     * context, but the JDK's {@link CookieManager} never sends a Secure cookie over plain HTTP; this jar does, for the
     * one Keycloak a browser talks to.
     */
    private static final class LoopbackCookieJar extends CookieHandler {

        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            List<String> matching = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getPath() == null || path.startsWith(cookie.getPath()))
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .toList();
            return matching.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", matching)));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }
    }
}
