package nl.transfertafel.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import nl.transfertafel.platform.security.Actor;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

/**
 * Every service's OpenAPI document the same way: title, description and version from
 * {@code transfertafel.openapi.*} (set in each service's yml), the public server URL where one is
 * configured ({@code transfertafel.openapi.server-url}, env {@code TRANSFERTAFEL_PUBLIC_URL}; left
 * out, springdoc names the address the document was asked at), one bearer-JWT security scheme
 * required on every operation, and no {@link Actor} parameter: the caller's identity comes from
 * the token, so generated clients and Swagger UI must not ask for it.
 */
public class ApiDocumentCustomizer implements OpenApiCustomizer {

    public static final String BEARER = "bearer";

    static {
        // springdoc otherwise documents the Actor a controller takes as a required query parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    private final String title;
    private final String description;
    private final String version;
    private final String serverUrl;

    public ApiDocumentCustomizer(String title, String description, String version, String serverUrl) {
        this.title = title;
        this.description = description;
        this.version = version;
        this.serverUrl = serverUrl;
    }

    @Override
    public void customise(OpenAPI api) {
        Info info = api.getInfo() == null ? new Info() : api.getInfo();
        if (!title.isBlank()) {
            info.setTitle(title);
        }
        if (!description.isBlank()) {
            info.setDescription(description);
        }
        info.setVersion(version);
        api.setInfo(info);
        if (!serverUrl.isBlank()) {
            api.setServers(List.of(new Server().url(serverUrl)));
        }
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An OAuth2 access token of the region's identity provider "
                        + "(roles, org and region claims)"));
        api.setComponents(components);
        boolean required = api.getSecurity() != null
                && api.getSecurity().stream().anyMatch(requirement -> requirement.containsKey(BEARER));
        if (!required) {
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
    }
}
