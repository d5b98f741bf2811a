package nl.transfertafel.deploychecks.chart;

import static nl.transfertafel.deploychecks.Repository.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.transfertafel.deploychecks.Repository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart, rendered by Helm with the documented example values, read manifest by manifest into the
 * typed models (unknown fields fail), and checked for what issue 12 asks of a deployment.
 */
class ChartManifestsTest {

    private static RenderedChart chart;
    private static final Map<String, Object> typed = new HashMap<>();

    @BeforeAll
    static void render() {
        chart = RenderedChart.example();
        for (Map<String, Object> manifest : chart.manifests()) {
            typed.put(manifest.get("kind") + "/" + RenderedChart.metadata(manifest).get("name"), TypedManifests.read(manifest));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T typed(String kind, String name) {
        T object = (T) typed.get(kind + "/" + name);
        assertThat(object).as(kind + "/" + name + " rendered").isNotNull();
        return object;
    }

    private static <T> List<T> all(String kind, Class<T> type) {
        return typed.entrySet().stream().filter(e -> e.getKey().startsWith(kind + "/")).map(e -> type.cast(e.getValue())).toList();
    }

    @Test
    void every_manifest_reads_into_its_typed_model_without_unknown_fields() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> manifest : chart.manifests()) {
            String name = manifest.get("kind") + "/" + RenderedChart.metadata(manifest).get("name");
            TypedManifests.unknownFields(TypedManifests.read(manifest)).forEach(field -> problems.add(name + " " + field));
        }
        assertThat(problems).isEmpty();
        assertThat(chart.manifests()).hasSizeGreaterThan(40);
    }

    @Test
    void the_unknown_field_check_finds_a_misspelt_field() {
        Map<String, Object> deployment = chart.ofKind("Deployment").get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        Map<String, Object> broken = new HashMap<>(deployment);
        Map<String, Object> brokenSpec = new HashMap<>(spec);
        brokenSpec.put("replicaz", 3);
        broken.put("spec", brokenSpec);

        assertThat(TypedManifests.unknownFields(TypedManifests.read(broken))).containsExactly("spec: [replicaz]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_unknown_field_check_reaches_deep_into_the_strimzi_model() {
        Map<String, Object> user = chart.ofKind("KafkaUser").get(0);
        Map<String, Object> copy = (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(new org.yaml.snakeyaml.Yaml().dump(user));
        Map<String, Object> authorization = (Map<String, Object>) ((Map<String, Object>) copy.get("spec")).get("authorization");
        Map<String, Object> firstAcl = ((List<Map<String, Object>>) authorization.get("acls")).get(0);
        firstAcl.put("operation", "Write");
        ((Map<String, Object>) firstAcl.get("resource")).put("patterntype", "literal");

        assertThat(TypedManifests.unknownFields(TypedManifests.read(copy)))
                .anyMatch(path -> path.contains("acls[0].resource") && path.contains("patterntype"));
    }

    @Test
    void with_existing_secrets_the_chart_makes_no_secret_and_needs_no_secret_values() {
        RenderedChart withExisting = RenderedChart.render(RenderedChart.CHART.resolve("values.yaml"), Map.ofEntries(
                Map.entry("secrets.existingSecret", "region-secrets"),
                Map.entry("database.existingRoleSecrets", true),
                Map.entry("publicUrls.intake", "https://intake.example.org"),
                Map.entry("publicUrls.capacity", "https://capacity.example.org"),
                Map.entry("publicUrls.transferTable", "https://table.example.org"),
                Map.entry("publicUrls.notification", "https://notify.example.org"),
                Map.entry("oidc.issuer", "https://login.example.org/realms/transfertafel"),
                Map.entry("smtp.host", "smtp.example.org"),
                Map.entry("database.backup.enabled", false)));

        assertThat(withExisting.ofKind("Secret")).isEmpty();
        assertThat(withExisting.ofKind("ScheduledBackup")).isEmpty();
        assertThat(withExisting.yaml()).contains("name: region-secrets").contains("key: intake-service-client-secret");
        for (Map<String, Object> manifest : withExisting.manifests()) {
            assertThat(TypedManifests.unknownFields(TypedManifests.read(manifest))).isEmpty();
        }
    }

    @Test
    void a_missing_required_value_stops_the_rendering_with_its_name() {
        assertThatThrownBy(() -> RenderedChart.render(RenderedChart.CHART.resolve("values.yaml"), Map.of()))
                .hasMessageContaining("is required");
    }

    @Test
    void kafka_runs_in_kraft_on_a_node_pool_of_three_with_an_authenticated_tls_listener_only() {
        KafkaNodePool pool = typed("KafkaNodePool", "transfertafel-dual");
        assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "transfertafel");

        Kafka kafka = typed("Kafka", "transfertafel");
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/node-pools", "enabled")
                .containsEntry("strimzi.io/kraft", "enabled");
        assertThat(kafka.getSpec().getKafka().getListeners()).singleElement().satisfies((GenericKafkaListener listener) -> {
            assertThat(listener.isTls()).isTrue();
            assertThat(listener.getAuth().getType()).isEqualTo("scram-sha-512");
            assertThat(listener.getNetworkPolicyPeers()).isNotEmpty();
        });
        assertThat(kafka.getSpec().getKafka().getAuthorization().getType()).isEqualTo("simple");
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false)
                .containsEntry("min.insync.replicas", 2);
    }

    @Test
    void every_event_topic_and_dead_letter_topic_is_declared_with_explicit_partitions_and_replicas() {
        Set<String> topics = all("KafkaTopic", KafkaTopic.class).stream().peek(topic -> {
            assertThat(topic.getSpec().getPartitions()).as(topic.getSpec().getTopicName()).isEqualTo(6);
            assertThat(topic.getSpec().getReplicas()).as(topic.getSpec().getTopicName()).isEqualTo(3);
        }).map(topic -> topic.getSpec().getTopicName()).collect(Collectors.toSet());

        assertThat(topics).contains("intake.referral-events", "intake.waiting-events", "capacity.events",
                "transfer.events", "notification.events",
                // Spring Cloud Stream's error.<topic>.<group>: capacity-service consumes transfer.events
                "error.transfer.events.capacity-service", "error.capacity.events.transfer-table-service");
    }

    @Test
    void each_service_is_a_kafka_user_that_may_write_only_its_own_topics() {
        Map<String, Set<String>> writable = all("KafkaUser", KafkaUser.class).stream().collect(Collectors.toMap(
                user -> user.getMetadata().getName(),
                user -> ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls().stream()
                        .filter(rule -> rule.getOperations().stream().anyMatch(op -> op.toValue().equals("Write")))
                        .map(AclRule::getResource).map(r -> ((AclRuleTopicResource) r).getName())
                        .filter(topic -> !topic.startsWith("error."))
                        .collect(Collectors.toSet())));

        assertThat(writable).containsOnlyKeys(SERVICES.stream().map(s -> "transfertafel-" + s).toArray(String[]::new));
        // only the transfer table may publish a TransferCompleted: nobody else writes transfer.events
        assertThat(writable.get("transfertafel-transfer-table-service")).containsExactly("transfer.events");
        assertThat(writable.get("transfertafel-intake-service")).containsExactlyInAnyOrder("intake.referral-events", "intake.waiting-events");
        assertThat(writable.get("transfertafel-capacity-service")).containsExactly("capacity.events");
        assertThat(writable.get("transfertafel-notification-service")).containsExactly("notification.events");
        all("KafkaUser", KafkaUser.class).forEach(user ->
                assertThat(user.getSpec().getAuthentication().getType()).isEqualTo("scram-sha-512"));
    }

    @Test
    void the_database_has_one_role_and_one_database_per_service_no_superuser_and_backups() {
        CloudNativePg.Cluster cluster = typed("Cluster", "transfertafel-db");
        assertThat(cluster.spec().enableSuperuserAccess()).isFalse();
        assertThat(cluster.spec().managed().roles()).extracting(CloudNativePg.Role::name)
                .containsExactlyInAnyOrder("intake", "capacity", "transfer_table", "notification");
        assertThat(cluster.spec().managed().roles()).allSatisfy(role -> {
            assertThat(role.superuser()).isFalse();
            assertThat(role.passwordSecret().name()).startsWith("transfertafel-db-");
        });
        assertThat(cluster.spec().backup().barmanObjectStore().destinationPath()).isEqualTo("s3://transfertafel-backups/rotterdam");
        assertThat(cluster.spec().bootstrap().initdb().database()).isEqualTo("intake");

        List<String> owned = all("Database", CloudNativePg.Database.class).stream()
                .map(db -> db.spec().name() + ":" + db.spec().owner()).toList();
        assertThat(owned).containsExactlyInAnyOrder("capacity:capacity", "transfer_table:transfer_table", "notification:notification");
        assertThat(all("ScheduledBackup", CloudNativePg.ScheduledBackup.class)).singleElement()
                .satisfies(backup -> assertThat(backup.spec().cluster().name()).isEqualTo("transfertafel-db"));
    }

    @Test
    void each_service_runs_non_root_read_only_with_startup_probe_resources_pdb_and_hpa() {
        for (String service : SERVICES) {
            String name = "transfertafel-" + service;
            Deployment deployment = typed("Deployment", name);
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isEqualTo(10001L);
            Container container = pod.getContainers().get(0);
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(container.getStartupProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name).containsKey("memory");
            assertThat(container.getPorts()).as(name).singleElement()
                    .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(Repository.port(service)));
            assertThat(container.getImage()).isEqualTo("registry.example.org/transfertafel/" + service + ":0.1.0");

            assertThat(chart.find("PodDisruptionBudget", name)).as(name + " PDB").isPresent();
            assertThat(chart.find("HorizontalPodAutoscaler", name)).as(name + " HPA").isPresent();
            assertThat(chart.find("Service", name)).as(name + " Service").isPresent();
            assertThat(chart.find("NetworkPolicy", name)).as(name + " NetworkPolicy").isPresent();
        }
    }

    @Test
    void services_reach_each_other_inside_the_cluster_while_browsers_and_links_get_the_public_urls() {
        Map<String, String> notification = env("notification-service");
        assertThat(notification).containsEntry("INTAKE_URL", "http://transfertafel-intake-service:8081")
                .containsEntry("TRANSFER_TABLE_URL", "http://transfertafel-transfer-table-service:8083")
                .containsEntry("TRANSFERTAFEL_NOTIFICATION_LINKS_OFFER", "https://tafel.transfertafel.example.org/api/v1/offers/{id}")
                .containsEntry("TRANSFERTAFEL_NOTIFICATION_LINKS_REFERRAL", "https://intake.transfertafel.example.org/api/v1/referrals/{id}");
        Map<String, String> table = env("transfer-table-service");
        assertThat(table).containsEntry("TRANSFERTAFEL_COORDINATOR_UI_INTAKE_URL", "https://intake.transfertafel.example.org")
                .containsEntry("TRANSFERTAFEL_COORDINATOR_UI_ISSUER_URI", "https://login.transfertafel.example.org/realms/transfertafel")
                .containsEntry("CAPACITY_URL", "http://transfertafel-capacity-service:8082");
        for (String service : SERVICES) {
            assertThat(env(service)).as(service)
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "https://login.transfertafel.example.org/realms/transfertafel")
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "transfertafel")
                    .containsEntry("TRANSFERTAFEL_JWKS_URI", "https://login.transfertafel.example.org/realms/transfertafel/protocol/openid-connect/certs");
        }
    }

    @Test
    void the_ingress_serves_only_the_api_and_the_coordinator_page_of_the_public_hosts_over_tls() {
        Ingress ingress = typed("Ingress", "transfertafel");
        Set<String> hosts = Set.of("intake.transfertafel.example.org", "capaciteit.transfertafel.example.org",
                "tafel.transfertafel.example.org", "meldingen.transfertafel.example.org");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> assertThat(tls.getHosts()).containsExactlyInAnyOrderElementsOf(hosts));
        assertThat(ingress.getSpec().getRules()).extracting(IngressRule::getHost).containsExactlyInAnyOrderElementsOf(hosts);
        List<String> paths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream().map(p -> rule.getHost() + p.getPath())).toList();
        assertThat(paths).contains("tafel.transfertafel.example.org/coordinator", "intake.transfertafel.example.org/api")
                .doesNotContain("intake.transfertafel.example.org/coordinator")
                .noneMatch(path -> path.contains("actuator"));
    }

    @Test
    void only_the_callers_reach_a_service_and_each_service_reaches_only_what_it_calls() {
        NetworkPolicy capacity = typed("NetworkPolicy", "transfertafel-capacity-service");
        List<String> callers = capacity.getSpec().getIngress().get(0).getFrom().stream()
                .filter(peer -> peer.getPodSelector() != null)
                .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).toList();
        assertThat(callers).containsExactly("transfer-table-service");

        NetworkPolicy intake = typed("NetworkPolicy", "transfertafel-intake-service");
        List<String> intakeCallers = intake.getSpec().getIngress().get(0).getFrom().stream()
                .filter(peer -> peer.getPodSelector() != null)
                .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).toList();
        assertThat(intakeCallers).containsExactly("notification-service");
        // intake calls nobody: its egress names no other service
        assertThat(intake.getSpec().getEgress()).noneMatch(rule -> rule.getTo() != null && rule.getTo().stream()
                .anyMatch(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels().containsKey("app.kubernetes.io/name")));
    }

    @Test
    void monitoring_scrapes_every_service_and_ships_the_checked_alert_rules_and_dashboards() {
        assertThat(chart.ofKind("ServiceMonitor")).hasSize(1);
        io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule rule = typed("PrometheusRule", "transfertafel");
        assertThat(rule.getSpec().getGroups()).flatExtracting(group -> group.getRules()).extracting(r -> r.getAlert())
                .contains("OutboxBacklog", "ConsumerLagHigh", "DeadLettersPending", "ClientsWaitingBeyondTreeknorm");
        assertThat(chart.ofKind("ConfigMap")).extracting(m -> RenderedChart.metadata(m).get("name"))
                .contains("transfertafel-dashboard-care", "transfertafel-dashboard-operations");
    }

    private static Map<String, String> env(String service) {
        Deployment deployment = typed("Deployment", "transfertafel-" + service);
        Map<String, String> env = new HashMap<>();
        for (EnvVar variable : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (variable.getValue() != null) {
                env.put(variable.getName(), variable.getValue());
            }
        }
        return env;
    }
}
