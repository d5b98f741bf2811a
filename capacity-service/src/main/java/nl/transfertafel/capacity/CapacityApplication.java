package nl.transfertafel.capacity;

import nl.transfertafel.capacity.common.infrastructure.CapacityProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(CapacityProperties.class)
public class CapacityApplication {

    /** Each service reads its own {@code <name>.yml}, so all four can share one class path in the local stack. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CapacityApplication.class).properties("spring.config.name=capacity-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
