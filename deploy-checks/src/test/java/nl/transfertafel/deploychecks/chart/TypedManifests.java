package nl.transfertafel.deploychecks.chart;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rendered manifest into its typed model: fabric8's Kubernetes model, Strimzi's {@code io.strimzi:api},
 * fabric8's Prometheus-operator model, or {@link CloudNativePg}. The fabric8 and Strimzi models keep a field
 * they do not know in an "additional properties" map instead of failing; {@link #unknownFields} walks the
 * whole object and reports every such field, so that a typo ({@code readinesProbe}) or a field at the wrong
 * level is a failed check rather than something the API server silently drops.
 */
public final class TypedManifests {

    /** kind -> (apiVersion the chart must use, typed model). */
    static final Map<String, Model> MODELS = Map.ofEntries(
            Map.entry("Deployment", new Model("apps/v1", Deployment.class)),
            Map.entry("Service", new Model("v1", Service.class)),
            Map.entry("Secret", new Model("v1", Secret.class)),
            Map.entry("ConfigMap", new Model("v1", ConfigMap.class)),
            Map.entry("PodDisruptionBudget", new Model("policy/v1", PodDisruptionBudget.class)),
            Map.entry("HorizontalPodAutoscaler", new Model("autoscaling/v2", HorizontalPodAutoscaler.class)),
            Map.entry("Ingress", new Model("networking.k8s.io/v1", Ingress.class)),
            Map.entry("NetworkPolicy", new Model("networking.k8s.io/v1", NetworkPolicy.class)),
            Map.entry("ServiceMonitor", new Model("monitoring.coreos.com/v1", ServiceMonitor.class)),
            Map.entry("PrometheusRule", new Model("monitoring.coreos.com/v1", PrometheusRule.class)),
            Map.entry("Kafka", new Model("kafka.strimzi.io/v1beta2", Kafka.class)),
            Map.entry("KafkaNodePool", new Model("kafka.strimzi.io/v1beta2", KafkaNodePool.class)),
            Map.entry("KafkaTopic", new Model("kafka.strimzi.io/v1beta2", KafkaTopic.class)),
            Map.entry("KafkaUser", new Model("kafka.strimzi.io/v1beta2", KafkaUser.class)),
            Map.entry("Cluster", new Model("postgresql.cnpg.io/v1", CloudNativePg.Cluster.class)),
            Map.entry("Database", new Model("postgresql.cnpg.io/v1", CloudNativePg.Database.class)),
            Map.entry("ScheduledBackup", new Model("postgresql.cnpg.io/v1", CloudNativePg.ScheduledBackup.class)));

    record Model(String apiVersion, Class<?> type) {
    }

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private TypedManifests() {
    }

    /** The typed object, or an exception naming what does not fit. */
    public static Object read(Map<String, Object> manifest) {
        String kind = String.valueOf(manifest.get("kind"));
        Model model = MODELS.get(kind);
        if (model == null) {
            throw new IllegalArgumentException("no typed model for kind " + kind + ": add one to TypedManifests");
        }
        if (!model.apiVersion().equals(manifest.get("apiVersion"))) {
            throw new IllegalArgumentException(kind + " must be " + model.apiVersion() + ", is " + manifest.get("apiVersion"));
        }
        if (model.type().getName().startsWith("nl.transfertafel")) {
            return STRICT.convertValue(manifest, model.type());
        }
        return KUBERNETES.convertValue(manifest, model.type());
    }

    /** Every field the model did not know, as a path ({@code spec.template.spec.containers[0]: [readinesProbe]}). */
    public static List<String> unknownFields(Object typed) {
        List<String> unknown = new ArrayList<>();
        walk(typed, "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, path + "." + key, unknown, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || name.equals("getClass")
                    || !(name.startsWith("get") || name.startsWith("is"))) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties") || name.equals("getAdditionalProperty")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add((path.isEmpty() ? "(top)" : path.substring(1)) + ": " + extra.keySet());
                }
                continue;
            }
            String field = name.startsWith("is") ? name.substring(2) : name.substring(3);
            walk(property, path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1), unknown, seen);
        }
    }
}
