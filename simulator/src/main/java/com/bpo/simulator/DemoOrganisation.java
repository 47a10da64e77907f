package com.bpo.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The demo organisation of the local stack: brand-zongzi (Tmall and JD shops) served by vendor-starcall and
 * vendor-bluesea, and brand-teahouse served by bluesea to show tenant isolation. Created through the gateway with
 * the demo users' real tokens (platform-admin for brands, shops, vendors and engagements; each vendor's admin for its
 * teams and agents), so seeding exercises the same API and checks as any client.
 *
 * <p>Idempotent: an entity that exists (found by its id, or refused as a duplicate) is left as it is, so the launcher
 * runs this on every start.
 */
public final class DemoOrganisation {

    public static final String BRAND_ZONGZI = "brand-zongzi";
    public static final String BRAND_TEAHOUSE = "brand-teahouse";
    public static final String SHOP_ZONGZI_TMALL = "shop-zongzi-tmall";
    public static final String SHOP_ZONGZI_JD = "shop-zongzi-jd";
    public static final String SHOP_TEAHOUSE_TMALL = "shop-teahouse-tmall";
    public static final String VENDOR_STARCALL = "vendor-starcall";
    public static final String VENDOR_BLUESEA = "vendor-bluesea";
    public static final String ENGAGEMENT_ZONGZI_STARCALL = "eng-zongzi-starcall";
    public static final String ENGAGEMENT_ZONGZI_BLUESEA = "eng-zongzi-bluesea";
    public static final String ENGAGEMENT_TEAHOUSE_BLUESEA = "eng-teahouse-bluesea";

    /** The agent who reveals far more customers than the work needs, for the privacy audit to find. */
    public static final String OVER_REVEALING_AGENT = "agent-bluesea-2";

    /** Agents who have a Keycloak user (agent id to username); the others exist only as staff records. */
    public static final Map<String, String> AGENT_LOGINS = Map.of(
            "agent-starcall-1", "starcall-agent-1",
            "agent-starcall-2", "starcall-agent-2",
            "agent-bluesea-1", "bluesea-agent-1",
            "agent-bluesea-2", "bluesea-agent-2");

    static final List<String> STARCALL_ZONGZI_AGENTS = List.of(
            "agent-starcall-1",
            "agent-starcall-2",
            "agent-starcall-3",
            "agent-starcall-4",
            "agent-starcall-5",
            "agent-starcall-6");
    static final List<String> BLUESEA_ZONGZI_AGENTS =
            List.of("agent-bluesea-1", "agent-bluesea-2", "agent-bluesea-3", "agent-bluesea-4");
    static final List<String> BLUESEA_TEAHOUSE_AGENTS = List.of("agent-bluesea-5", "agent-bluesea-6");

    /** Every demo user's password (local realm only, see deploy/keycloak). */
    static final String DEMO_PASSWORD = "demo1234";

    static final String CLI_CLIENT = "bpo-cli";

    private record Team(String vendorId, String teamId, String name, List<String> agentIds) {}

    private static final List<Team> TEAMS = List.of(
            new Team(
                    VENDOR_STARCALL,
                    "team-starcall-presales",
                    "Starcall pre-sales",
                    STARCALL_ZONGZI_AGENTS.subList(0, 4)),
            new Team(
                    VENDOR_STARCALL,
                    "team-starcall-aftersales",
                    "Starcall after-sales",
                    STARCALL_ZONGZI_AGENTS.subList(4, 6)),
            new Team(VENDOR_BLUESEA, "team-bluesea-zongzi", "Bluesea zongzi desk", BLUESEA_ZONGZI_AGENTS),
            new Team(VENDOR_BLUESEA, "team-bluesea-teahouse", "Bluesea teahouse desk", BLUESEA_TEAHOUSE_AGENTS));

    private static final Map<String, String> AGENT_NAMES = new LinkedHashMap<>();

    static {
        AGENT_NAMES.put("agent-starcall-1", "Xiuying Yang");
        AGENT_NAMES.put("agent-starcall-2", "Jun Xu");
        AGENT_NAMES.put("agent-starcall-3", "Lan Zhu");
        AGENT_NAMES.put("agent-starcall-4", "Hui Lin");
        AGENT_NAMES.put("agent-starcall-5", "Peng Hu");
        AGENT_NAMES.put("agent-starcall-6", "Xia Guo");
        AGENT_NAMES.put("agent-bluesea-1", "Yu Luo");
        AGENT_NAMES.put("agent-bluesea-2", "Bo Gao");
        AGENT_NAMES.put("agent-bluesea-3", "Rui Liang");
        AGENT_NAMES.put("agent-bluesea-4", "Kai Song");
        AGENT_NAMES.put("agent-bluesea-5", "Ning Tang");
        AGENT_NAMES.put("agent-bluesea-6", "Dan Feng");
    }

    private DemoOrganisation() {}

    /** Seeds the organisation through {@code gateway}, reporting each entity on {@code out}. */
    public static void seed(URI gateway, URI keycloakRealm, PrintStream out) {
        PlatformClient client = new PlatformClient(gateway);
        TokenSource admin =
                TokenSource.password(client.http(), keycloakRealm, CLI_CLIENT, "platform-admin", DEMO_PASSWORD);
        Seeder seeder = new Seeder(client, out);

        seeder.ensure(
                admin,
                "brand " + BRAND_ZONGZI,
                "/api/v1/brands/" + BRAND_ZONGZI,
                "/api/v1/brands",
                object("brandId", BRAND_ZONGZI, "name", "Zongzi & Mooncake Co.", "timeZone", "Asia/Shanghai"));
        seeder.ensure(
                admin,
                "brand " + BRAND_TEAHOUSE,
                "/api/v1/brands/" + BRAND_TEAHOUSE,
                "/api/v1/brands",
                object("brandId", BRAND_TEAHOUSE, "name", "Teahouse", "timeZone", "Asia/Shanghai"));
        shop(seeder, admin, BRAND_ZONGZI, SHOP_ZONGZI_TMALL, "TMALL", "粽子旗舰店 (Tmall)");
        shop(seeder, admin, BRAND_ZONGZI, SHOP_ZONGZI_JD, "JD", "粽子自营店 (JD)");
        shop(seeder, admin, BRAND_TEAHOUSE, SHOP_TEAHOUSE_TMALL, "TMALL", "茶馆旗舰店 (Tmall)");

        seeder.ensure(
                admin,
                "vendor " + VENDOR_STARCALL,
                "/api/v1/vendors/" + VENDOR_STARCALL,
                "/api/v1/vendors",
                object("vendorId", VENDOR_STARCALL, "name", "Starcall Outsourcing"));
        seeder.ensure(
                admin,
                "vendor " + VENDOR_BLUESEA,
                "/api/v1/vendors/" + VENDOR_BLUESEA,
                "/api/v1/vendors",
                object("vendorId", VENDOR_BLUESEA, "name", "Bluesea Service"));

        Map<String, TokenSource> vendorAdmins = Map.of(
                VENDOR_STARCALL,
                TokenSource.password(client.http(), keycloakRealm, CLI_CLIENT, "starcall-admin", DEMO_PASSWORD),
                VENDOR_BLUESEA,
                TokenSource.password(client.http(), keycloakRealm, CLI_CLIENT, "bluesea-admin", DEMO_PASSWORD));
        for (Team team : TEAMS) {
            TokenSource vendorAdmin = vendorAdmins.get(team.vendorId());
            String teams = "/api/v1/vendors/" + team.vendorId() + "/teams";
            seeder.ensure(
                    vendorAdmin,
                    "team " + team.teamId(),
                    teams + "/" + team.teamId(),
                    teams,
                    object("teamId", team.teamId(), "name", team.name()));
            String agents = "/api/v1/vendors/" + team.vendorId() + "/agents";
            for (String agentId : team.agentIds()) {
                String username = AGENT_LOGINS.get(agentId);
                String displayName = AGENT_NAMES.get(agentId);
                String teamId = team.teamId();
                Supplier<ObjectNode> agent = () -> {
                    // The agent's userId is the person's token subject; agents without a login keep a staff username.
                    String userId = username == null
                            ? agentId.replaceFirst("^agent-(\\w+)-", "$1-agent-")
                            : TokenSource.password(client.http(), keycloakRealm, CLI_CLIENT, username, DEMO_PASSWORD)
                                    .subject();
                    ObjectNode body =
                            object("agentId", agentId, "teamId", teamId, "userId", userId, "displayName", displayName);
                    body.put("maxConcurrency", 5);
                    body.putArray("skills")
                            .add("chat")
                            .add("phone")
                            .add(teamId.endsWith("aftersales") ? "after-sales" : "pre-sales");
                    return body;
                };
                seeder.ensure(vendorAdmin, "agent " + agentId, agents + "/" + agentId, agents, agent);
            }
        }

        engagement(
                seeder,
                admin,
                ENGAGEMENT_ZONGZI_STARCALL,
                BRAND_ZONGZI,
                VENDOR_STARCALL,
                List.of(SHOP_ZONGZI_TMALL, SHOP_ZONGZI_JD),
                30,
                1);
        engagement(
                seeder,
                admin,
                ENGAGEMENT_ZONGZI_BLUESEA,
                BRAND_ZONGZI,
                VENDOR_BLUESEA,
                List.of(SHOP_ZONGZI_TMALL, SHOP_ZONGZI_JD),
                60,
                2);
        engagement(
                seeder,
                admin,
                ENGAGEMENT_TEAHOUSE_BLUESEA,
                BRAND_TEAHOUSE,
                VENDOR_BLUESEA,
                List.of(SHOP_TEAHOUSE_TMALL),
                30,
                1);
        out.println("demo organisation: " + seeder.created + " created, " + seeder.existing + " already there");
    }

    /** {@link #seed(URI, URI, PrintStream)} reporting on standard output. */
    public static void seed(URI gateway, URI keycloakRealm) {
        seed(gateway, keycloakRealm, System.out);
    }

    private static void shop(
            Seeder seeder, TokenSource admin, String brandId, String shopId, String platform, String name) {
        String shops = "/api/v1/brands/" + brandId + "/shops";
        seeder.ensure(
                admin,
                "shop " + shopId,
                shops + "/" + shopId,
                shops,
                object("shopId", shopId, "platform", platform, "name", name));
    }

    private static void engagement(
            Seeder seeder,
            TokenSource admin,
            String engagementId,
            String brandId,
            String vendorId,
            List<String> shopIds,
            int responseThresholdSeconds,
            int conversionWindowDays) {
        ObjectNode body = object("engagementId", engagementId, "brandId", brandId, "vendorId", vendorId);
        shopIds.forEach(body.putArray("shopIds")::add);
        body.putArray("channels").add("CHAT").add("PHONE");
        body.putArray("roles").add("PRE_SALES").add("AFTER_SALES");
        ObjectNode variants = body.putObject("kpiVariants");
        variants.put("responseThresholdSeconds", responseThresholdSeconds);
        variants.put("conversionWindowDays", conversionWindowDays);
        variants.put("attribution", "LAST_REPLIER");
        variants.put("serviceLevelSeconds", 20);
        variants.put("abandonShortSeconds", 5);
        // One set of targets for every vendor of the demo: the brand holds its vendors to the same standard.
        ObjectNode targets = body.putObject("slaTargets");
        targets.put("firstResponseSeconds", 30);
        targets.put("averageResponseSeconds", 45);
        targets.put("responseRate", new BigDecimal("0.95"));
        targets.put("withinThresholdRate", new BigDecimal("0.85"));
        targets.put("serviceLevel", new BigDecimal("0.80"));
        targets.put("abandonRate", new BigDecimal("0.05"));
        seeder.ensure(
                admin,
                "engagement " + engagementId + " (" + brandId + " x " + vendorId + ")",
                "/api/v1/engagements/" + engagementId,
                "/api/v1/engagements",
                body);
    }

    private static ObjectNode object(String... keysAndValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return node;
    }

    /** Creates what is missing and counts what it did. */
    private static final class Seeder {
        private final PlatformClient client;
        private final PrintStream out;
        private int created;
        private int existing;

        Seeder(PlatformClient client, PrintStream out) {
            this.client = client;
            this.out = out;
        }

        void ensure(TokenSource token, String what, String path, String createPath, ObjectNode body) {
            ensure(token, what, path, createPath, () -> body);
        }

        /** Builds the body only when the entity is missing (an agent's body needs a login to learn the subject). */
        void ensure(TokenSource token, String what, String path, String createPath, Supplier<ObjectNode> body) {
            PlatformClient.Answer found = client.send("GET", encodePath(path), token.accessToken(), null, null);
            if (found.status() == 200) {
                existing++;
                out.println("  " + what + ": already there");
                return;
            }
            if (found.status() != 404) {
                throw found.failure("reading " + what);
            }
            PlatformClient.Answer answer = client.send(
                    "POST",
                    createPath,
                    token.accessToken(),
                    "application/json",
                    body.get().toString());
            if (answer.status() == 201 || answer.status() == 200) {
                created++;
                out.println("  " + what + ": created");
            } else if (answer.status() == 409) {
                // Created meanwhile, or an active contract between the two already exists under another id.
                existing++;
                out.println("  " + what + ": already there (" + answer.problemDetail() + ")");
            } else {
                throw answer.failure("creating " + what);
            }
        }

        private static String encodePath(String path) {
            StringBuilder encoded = new StringBuilder();
            for (String segment : path.substring(1).split("/")) {
                encoded.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8));
            }
            return encoded.toString();
        }
    }
}
