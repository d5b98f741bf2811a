package nl.transfertafel.intake;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class IntakeApplication {

    /** Each service reads its own {@code <name>.yml}, so all four can share one class path in the local stack. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IntakeApplication.class).properties("spring.config.name=intake-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
