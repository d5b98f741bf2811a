package nl.transfertafel.transfertable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class TransferTableApplication {

    /** Each service reads its own {@code <name>.yml}, so all four can share one class path in the local stack. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(TransferTableApplication.class)
                .properties("spring.config.name=transfer-table-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
