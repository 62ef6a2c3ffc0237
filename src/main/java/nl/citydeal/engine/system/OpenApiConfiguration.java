package nl.citydeal.engine.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The title and security of the OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui/index.html). */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI cityDealOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("City Deal Engine API")
                                .version("1")
                                .description(
                                        "Deals, herinneringen, lessen en het portfolio van de City Deals; fouten als application/problem+json, in het Nederlands."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
