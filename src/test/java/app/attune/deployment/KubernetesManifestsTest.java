package app.attune.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kustomize manifests under k8s/ render, and say what the README's Deployment section says: the base is
 * the plain service, the production overlay the highly available one on a CloudNativePG cluster behind
 * PgBouncer. Needs kubectl (its built-in kustomize renders offline); without it the tests are skipped.
 */
class KubernetesManifestsTest {

    private static final String BASE = "k8s/base";
    private static final String PRODUCTION = "k8s/overlays/production";
    private static final String APP = "attune";
    private static final String CLUSTER = "attune-db";
    private static final String POOLER = "attune-db-pooler-rw";
    private static final String INGRESS_NAMESPACE = "ingress-nginx";
    private static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";
    private static final YAMLMapper YAML = new YAMLMapper();

    private static List<JsonNode> base;
    private static List<JsonNode> production;

    @BeforeAll
    static void renderBothOverlays() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: the k8s/ manifests are not rendered (CI has it)");
        base = render(BASE);
        production = render(PRODUCTION);
    }

    @Test
    void theBaseIsThePlainServiceWithTwoReplicas() {
        JsonNode deployment = find(base, "Deployment", APP);
        assertEquals(2, deployment.path("spec").path("replicas").asInt(), "base replicas");
        assertProbes(deployment);
        for (String kind : List.of("Cluster", "Pooler", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy")) {
            assertTrue(all(base, kind).isEmpty(), "the base renders no " + kind);
        }
    }

    @Test
    void productionRunsThreeReplicasSpreadOverZones() {
        JsonNode deployment = find(production, "Deployment", APP);
        assertEquals(3, deployment.path("spec").path("replicas").asInt(), "production replicas");
        assertProbes(deployment);
        JsonNode zoneSpread = null;
        for (JsonNode constraint : podSpec(deployment).path("topologySpreadConstraints")) {
            if ("topology.kubernetes.io/zone".equals(constraint.path("topologyKey").asText())) {
                zoneSpread = constraint;
            }
        }
        assertTrue(zoneSpread != null, "the Deployment spreads its pods over zones");
        assertSelects(zoneSpread.path("labelSelector").path("matchLabels"), podLabels(deployment), "the zone spread");
    }

    @Test
    void neitherRendersAnEmbeddedDatabase() {
        for (List<JsonNode> documents : List.of(base, production)) {
            assertEquals("false", find(documents, "ConfigMap", "attune-config").path("data").path("ATTUNE_LOCAL_DB").asText(),
                    "attune-config sets ATTUNE_LOCAL_DB=false");
            for (JsonNode document : documents) {
                for (String values : List.of("data", "stringData")) {
                    JsonNode localDb = document.path(values).path("ATTUNE_LOCAL_DB");
                    if (!localDb.isMissingNode()) {
                        assertEquals("false", localDb.asText(), kind(document) + " sets ATTUNE_LOCAL_DB");
                    }
                }
                for (JsonNode image : document.findValues("image")) {
                    assertFalse(image.asText().toLowerCase(Locale.ROOT).contains("embedded"), "image " + image.asText());
                }
                for (JsonNode image : document.findValues("imageName")) {
                    assertFalse(image.asText().toLowerCase(Locale.ROOT).contains("embedded"), "image " + image.asText());
                }
            }
            for (JsonNode variable : container(find(documents, "Deployment", APP)).path("env")) {
                if ("ATTUNE_LOCAL_DB".equals(variable.path("name").asText())) {
                    assertEquals("false", variable.path("value").asText(), "the container's ATTUNE_LOCAL_DB");
                }
            }
        }
    }

    @Test
    void everySecretThePodsReadIsRenderedOrMadeByTheOperator() {
        for (List<JsonNode> documents : List.of(base, production)) {
            JsonNode deployment = find(documents, "Deployment", APP);
            List<JsonNode> read = new ArrayList<>();
            container(deployment).path("envFrom").forEach(source -> read.add(source.path("secretRef").path("name")));
            container(deployment).path("env").forEach(variable -> read.add(variable.path("valueFrom").path("secretKeyRef").path("name")));
            podSpec(deployment).path("volumes").forEach(volume -> read.add(volume.path("secret").path("secretName")));
            for (JsonNode secret : read) {
                // CloudNativePG creates <cluster>-app when it bootstraps the database.
                if (secret.isTextual() && !secret.asText().equals(CLUSTER + "-app")) {
                    find(documents, "Secret", secret.asText());
                }
            }
        }
    }

    @Test
    void productionReachesTheDatabaseThroughThePoolerWithTheOperatorsCredentials() {
        JsonNode deployment = find(production, "Deployment", APP);
        JsonNode pooler = find(production, "Pooler", POOLER);
        String url = find(production, "ConfigMap", "attune-config").path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        String prefix = "jdbc:postgresql://" + pooler.path("metadata").path("name").asText();
        assertTrue(url.startsWith(prefix + ":") || url.startsWith(prefix + "/") || url.startsWith(prefix + "."),
                "the JDBC URL points at the pooler's Service: " + url);
        assertTrue(url.endsWith("/attune"), "the JDBC URL names the attune database: " + url);

        JsonNode container = container(deployment);
        boolean readsConfig = false;
        for (JsonNode source : container.path("envFrom")) {
            readsConfig |= "attune-config".equals(source.path("configMapRef").path("name").asText());
        }
        assertTrue(readsConfig, "the container reads attune-config");
        Map<String, String> credentials = Map.of("QUARKUS_DATASOURCE_USERNAME", "username", "QUARKUS_DATASOURCE_PASSWORD", "password");
        int wired = 0;
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            assertFalse(name.equals("QUARKUS_DATASOURCE_JDBC_URL"), "no env variable overrides the ConfigMap's JDBC URL");
            if (credentials.containsKey(name)) {
                JsonNode reference = variable.path("valueFrom").path("secretKeyRef");
                assertEquals(CLUSTER + "-app", reference.path("name").asText(), name + " comes from CloudNativePG's secret");
                assertEquals(credentials.get(name), reference.path("key").asText(), name + "'s key");
                wired++;
            }
        }
        assertEquals(2, wired, "the username and the password are both set");
    }

    @Test
    void theDisruptionBudgetCoversTheDeploymentsPods() {
        JsonNode budget = find(production, "PodDisruptionBudget", APP);
        assertSelects(budget.path("spec").path("selector").path("matchLabels"), podLabels(find(production, "Deployment", APP)),
                "the PodDisruptionBudget");
        JsonNode spec = budget.path("spec");
        assertTrue(spec.path("maxUnavailable").asInt(0) == 1 || spec.path("minAvailable").asInt(0) >= 2,
                "at most one pod away at a time, or two kept: " + spec);
    }

    @Test
    void theAutoscalerScalesTheDeployment() {
        JsonNode spec = find(production, "HorizontalPodAutoscaler", APP).path("spec");
        assertEquals("Deployment", spec.path("scaleTargetRef").path("kind").asText());
        assertEquals(find(production, "Deployment", APP).path("metadata").path("name").asText(),
                spec.path("scaleTargetRef").path("name").asText());
        assertTrue(spec.path("minReplicas").asInt() >= 2, "minReplicas >= 2");
        assertTrue(spec.path("maxReplicas").asInt() > spec.path("minReplicas").asInt(), "maxReplicas > minReplicas");
        assertTrue(spec.path("metrics").findValuesAsText("name").contains("cpu"), "scales on CPU");
        assertTrue(spec.path("behavior").path("scaleDown").path("stabilizationWindowSeconds").asInt() > 0,
                "a scale-down stabilization window");
    }

    @Test
    void theServiceAcceptsTheApiOnlyFromTheIngressController() {
        JsonNode deployment = find(production, "Deployment", APP);
        JsonNode spec = find(production, "NetworkPolicy", APP).path("spec");
        assertSelects(spec.path("podSelector").path("matchLabels"), podLabels(deployment), "the attune NetworkPolicy");
        assertTrue(texts(spec.path("policyTypes")).contains("Ingress"), "the policy restricts ingress");
        int http = 0;
        for (JsonNode port : container(deployment).path("ports")) {
            if ("http".equals(port.path("name").asText())) {
                http = port.path("containerPort").asInt();
            }
        }
        assertEquals(8080, http, "the container's http port");
        boolean apiOpen = false;
        for (JsonNode rule : spec.path("ingress")) {
            assertRestricted(rule);
            if (opens(rule, http, "http")) {
                apiOpen = true;
                for (JsonNode peer : rule.path("from")) {
                    assertEquals(Set.of("namespaceSelector"), fieldNames(peer), "the API port is open to namespaces only: " + peer);
                    assertEquals(INGRESS_NAMESPACE, peer.path("namespaceSelector").path("matchLabels").path(NAMESPACE_LABEL).asText(),
                            "the API port is open to the ingress controller's namespace only: " + peer);
                }
            }
        }
        assertTrue(apiOpen, "the API port is open to the ingress controller");
    }

    @Test
    void thePoolerAcceptsOnlyTheServiceAndTheDatabaseOnlyThePooler() {
        JsonNode attunePods = podLabels(find(production, "Deployment", APP));

        JsonNode pooler = find(production, "NetworkPolicy", POOLER).path("spec");
        assertEquals(POOLER, pooler.path("podSelector").path("matchLabels").path("cnpg.io/poolerName").asText(),
                "the pooler's NetworkPolicy selects the pooler's pods");
        boolean fromService = false;
        for (JsonNode rule : pooler.path("ingress")) {
            assertRestricted(rule);
            if (opens(rule, 5432, "pgbouncer")) {
                fromService = true;
                for (JsonNode peer : rule.path("from")) {
                    assertEquals(Set.of("podSelector"), fieldNames(peer), "PgBouncer is open to this namespace's pods only: " + peer);
                    assertSelects(peer.path("podSelector").path("matchLabels"), attunePods, "PgBouncer's clients");
                }
            }
        }
        assertTrue(fromService, "PgBouncer is open to the service");

        JsonNode database = find(production, "NetworkPolicy", CLUSTER).path("spec");
        assertEquals(CLUSTER, database.path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText(),
                "the database's NetworkPolicy selects the cluster's pods");
        boolean fromPooler = false;
        for (JsonNode rule : database.path("ingress")) {
            assertRestricted(rule);
            if (!opens(rule, 5432, "postgresql")) {
                continue;
            }
            for (JsonNode peer : rule.path("from")) {
                JsonNode labels = peer.path("podSelector").path("matchLabels");
                String namespace = peer.path("namespaceSelector").path("matchLabels").path(NAMESPACE_LABEL).asText();
                boolean poolerPods = POOLER.equals(labels.path("cnpg.io/poolerName").asText()) && !peer.has("namespaceSelector");
                boolean clusterPods = CLUSTER.equals(labels.path("cnpg.io/cluster").asText()) && !peer.has("namespaceSelector");
                boolean operator = "cnpg-system".equals(namespace);
                assertTrue(poolerPods || clusterPods || operator,
                        "PostgreSQL is open to the pooler, its cluster and the operator only: " + peer);
                fromPooler |= poolerPods;
            }
        }
        assertTrue(fromPooler, "PostgreSQL is open to the pooler");
        assertFalse(attunePods.path("cnpg.io/cluster").isTextual(), "the service's pods are not taken for the cluster's");
    }

    @Test
    void theDatabaseIsASynchronouslyReplicatedClusterOverZones() {
        JsonNode spec = find(production, "Cluster", CLUSTER).path("spec");
        assertEquals(3, spec.path("instances").asInt(), "instances");
        JsonNode synchronous = spec.path("postgresql").path("synchronous");
        assertTrue(Set.of("any", "first").contains(synchronous.path("method").asText()), "synchronous replication: " + synchronous);
        assertTrue(synchronous.path("number").asInt() >= 1, "at least one synchronous standby");
        JsonNode affinity = spec.path("affinity");
        assertTrue(affinity.path("enablePodAntiAffinity").asBoolean(), "pod anti-affinity");
        assertEquals("topology.kubernetes.io/zone", affinity.path("topologyKey").asText(), "one instance per zone");
        assertEquals("required", affinity.path("podAntiAffinityType").asText(), "the zone anti-affinity is required");
        assertEquals("attune", spec.path("bootstrap").path("initdb").path("database").asText());
        assertEquals("attune", spec.path("bootstrap").path("initdb").path("owner").asText());
        assertTrue(spec.path("imageName").asText().contains(":15"), "PostgreSQL 15: " + spec.path("imageName").asText());
        assertFalse(spec.path("backup").path("barmanObjectStore").path("destinationPath").asText().isEmpty(), "a backup object store");
    }

    @Test
    void thePoolerPoolsTransactionsToThePrimary() {
        JsonNode spec = find(production, "Pooler", POOLER).path("spec");
        assertEquals(CLUSTER, spec.path("cluster").path("name").asText(), "the pooler's cluster");
        assertEquals("rw", spec.path("type").asText(), "the pooler's type");
        assertEquals("transaction", spec.path("pgbouncer").path("poolMode").asText(), "the pool mode");
        assertTrue(spec.path("instances").asInt() >= 2, "at least two PgBouncer pods");
        // pgjdbc's server-side prepared statements need PgBouncer to track them in transaction mode.
        assertTrue(spec.path("pgbouncer").path("parameters").path("max_prepared_statements").asInt() > 0,
                "max_prepared_statements > 0");
    }

    /** Runs {@code kubectl kustomize directory} from the project root and reads the documents it prints. */
    private static List<JsonNode> render(String directory) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(Path.of(directory)), directory + " not found: the test runs from the project root");
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", directory).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                fail("kubectl kustomize " + directory + " exited with " + exit + ":\n" + Files.readString(errors));
            }
            try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(output)) {
                List<JsonNode> rendered = new ArrayList<>();
                for (JsonNode document : documents.readAll()) {
                    if (document != null && document.isObject()) {
                        rendered.add(document);
                    }
                }
                assertFalse(rendered.isEmpty(), "kubectl kustomize " + directory + " rendered nothing");
                return rendered;
            }
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            for (String name : List.of(program, program + ".exe")) {
                Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The document of this kind and name; fails when it is not rendered. */
    private static JsonNode find(List<JsonNode> documents, String kind, String name) {
        return documents.stream()
                .filter(document -> kind.equals(kind(document)) && name.equals(document.path("metadata").path("name").asText()))
                .findFirst()
                .orElseGet(() -> fail(kind + " " + name + " is not rendered"));
    }

    private static List<JsonNode> all(List<JsonNode> documents, String kind) {
        return documents.stream().filter(document -> kind.equals(kind(document))).toList();
    }

    private static String kind(JsonNode document) {
        return document.path("kind").asText();
    }

    private static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    private static JsonNode container(JsonNode deployment) {
        for (JsonNode container : podSpec(deployment).path("containers")) {
            if (APP.equals(container.path("name").asText())) {
                return container;
            }
        }
        return fail("the Deployment has no container named " + APP);
    }

    private static void assertProbes(JsonNode deployment) {
        JsonNode container = container(deployment);
        assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(), "liveness probe");
        assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(), "readiness probe");
        assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText(), "startup probe");
    }

    /** The selector is not empty (which would select every pod) and each of its labels is one of the pods'. */
    private static void assertSelects(JsonNode selector, JsonNode labels, String what) {
        assertTrue(selector.isObject() && !selector.isEmpty(), what + " has a selector");
        for (Map.Entry<String, JsonNode> label : selector.properties()) {
            assertEquals(label.getValue().asText(), labels.path(label.getKey()).asText(),
                    what + " selects the pods' label " + label.getKey() + " (pods: " + labels + ")");
        }
    }

    /** A rule without sources or without ports would admit every source or every port. */
    private static void assertRestricted(JsonNode rule) {
        assertFalse(rule.path("from").isEmpty(), "an ingress rule without from admits every source: " + rule);
        assertFalse(rule.path("ports").isEmpty(), "an ingress rule without ports admits every port: " + rule);
        for (JsonNode peer : rule.path("from")) {
            assertFalse(peer.has("ipBlock"), "no ipBlock peers: " + peer);
        }
    }

    private static boolean opens(JsonNode rule, int number, String name) {
        for (JsonNode port : rule.path("ports")) {
            JsonNode value = port.path("port");
            if (value.isInt() ? value.asInt() == number : name.equals(value.asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.properties().forEach(property -> names.add(property.getKey()));
        return names;
    }
}
