package dev.mailroom.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API description at /api-docs (browsable at /swagger-ui.html): every call uses HTTP basic. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI mailroomOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Mailroom API")
                        .description("The email channel of an IT service desk: tickets, users, mailboxes and the Email Audit. "
                                + "Errors are RFC 9457 problem details; field errors are listed under 'errors'.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
