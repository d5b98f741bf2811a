package nl.transfertafel.deploychecks.chart;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.transfertafel.deploychecks.Repository;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart as Helm renders it ({@code helm template}, run by Helm's own Go code through helm-java, so what
 * is checked is exactly what {@code helm install} would apply), split into its manifests.
 */
public record RenderedChart(String yaml, List<Map<String, Object>> manifests) {

    public static final Path CHART = Repository.deploy().resolve("helm/transfertafel");
    public static final Path EXAMPLE_VALUES = CHART.resolve("examples/values-example.yaml");

    public static RenderedChart render(Path values, Map<String, Object> overrides) {
        var template = new Helm(CHART).template().withName("transfertafel").withNamespace("transfertafel")
                .withValuesFile(values);
        overrides.forEach(template::set);
        String yaml = template.call();
        List<Map<String, Object>> manifests = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        for (Object document : new Yaml(options).loadAll(yaml)) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> manifest = (Map<String, Object>) document;
                manifests.add(manifest);
            }
        }
        return new RenderedChart(yaml, manifests);
    }

    public static RenderedChart example() {
        return render(EXAMPLE_VALUES, Map.of());
    }

    public List<Map<String, Object>> ofKind(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
    }

    public Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(m -> name.equals(metadata(m).get("name"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> metadata(Map<String, Object> manifest) {
        return (Map<String, Object>) manifest.get("metadata");
    }
}
