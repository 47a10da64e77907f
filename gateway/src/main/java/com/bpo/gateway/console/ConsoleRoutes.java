package com.bpo.gateway.console;

import com.bpo.gateway.problem.ProblemType;
import com.bpo.gateway.problem.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web console: its files come from the {@code console} jar (Quarkus serves {@code META-INF/resources} of every
 * jar); the gateway adds the way in ({@code /} leads to {@code /console/}) and the sign-in settings.
 */
@ApplicationScoped
public class ConsoleRoutes {

    public static final String CONSOLE_PATH = "/console/";
    public static final String CONFIG_PATH = "/console/config.json";

    private final Problems problems;
    private final byte[] settingsJson;

    public ConsoleRoutes(ConsoleSignIn signIn, Problems problems, ObjectMapper json) {
        this.problems = problems;
        this.settingsJson = signIn.settings().map(value -> toJson(json, value)).orElse(null);
    }

    void register(@Observes Router router) {
        // A regular expression: a plain "/console" route would also match "/console/" and redirect it to itself.
        router.routeWithRegex("^/(console)?$")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(ConsoleRoutes::toConsole);
        router.get(CONFIG_PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::config);
    }

    private static void toConsole(RoutingContext context) {
        context.response()
                .setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, CONSOLE_PATH)
                .end();
    }

    private void config(RoutingContext context) {
        if (settingsJson == null) {
            problems.send(
                    context,
                    ProblemType.SERVICE_UNAVAILABLE,
                    "the console's sign-in is not configured (quarkus.oidc.auth-server-url)");
            return;
        }
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                // Another deployment may move Keycloak; a browser must not keep an old address.
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Buffer.buffer(settingsJson));
    }

    private static byte[] toJson(ObjectMapper json, ConsoleSettings settings) {
        try {
            return json.writeValueAsBytes(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("console settings always serialise", e);
        }
    }
}
