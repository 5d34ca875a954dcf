package org.handraise.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published API description ({@code /v3/api-docs}). Its server is
 * {@code handraise.base-url} when one is configured, else {@code /} (the server the
 * document was read from): never the {@code Host} header of whoever asked, which a client
 * chooses.
 * <p>
 * It tells clients how to sign in and what can go wrong: two security schemes, HTTP Basic
 * and a personal access token as a Bearer token ({@code hr_…}), either of which every
 * operation accepts; and on every operation the {@code application/problem+json} answers
 * it really gives ({@link #describe}), all with one {@code Problem} schema.
 * {@code ApiDocsIT} reads the document and fails for an operation without them.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

	static final String BASIC = "basicAuth";

	static final String BEARER = "bearerAuth";

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OpenAPI handraiseApi(@Value("${handraise.base-url:}") String baseUrl) {
		return new OpenAPI()
			.info(new Info().title("Handraise API")
				.version("0.1.0")
				.description("Ask for help, claim and answer requests, say thanks: the same rules as the pages.")
				.license(new License().name("Apache License, Version 2.0")
					.identifier("Apache-2.0")
					.url("https://www.apache.org/licenses/LICENSE-2.0")))
			.servers(List.of(new Server().url(serverUrl(baseUrl))))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("Your username and password."))
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("hr_…")
							.description("A personal access token (hr_…) made on your account page.")))
			.security(signIn());
	}

	/** Either way of signing in. */
	private static List<SecurityRequirement> signIn() {
		return List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER));
	}

	/** The problem details (RFC 9457) every error answer of the API has. */
	private static Schema<?> problemSchema() {
		Schema<?> error = new ObjectSchema().addProperty("field", new StringSchema().description("the input"))
			.addProperty("message", new StringSchema().description("what is wrong with it"));
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", "Bad Request");
		example.put("status", 400);
		example.put("detail", "Some fields are not valid.");
		example.put("instance", "/api/requests");
		example.put("errors", List.of(Map.of("field", "title", "message", "must not be blank")));
		return new ObjectSchema().description("What went wrong (RFC 9457 problem details).")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema().description("for people, in the request's language"))
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new ArraySchema().items(error).description("400 for bad input: every bad field"))
			.examples(List.of(example));
	}

	/** Security and problem answers on every operation of {@code /api}. */
	@Bean
	OpenApiCustomizer apiSignInAndProblems() {
		return (api) -> {
			// here rather than in the bean: the schemas springdoc finds replace those
			// given before
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents().addSchemas(PROBLEM, problemSchema());
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				if (path.startsWith("/api/")) {
					describe(path, method, operation);
				}
			}));
		};
	}

	/**
	 * The problems an operation answers with: 401 and 403 everywhere (not signed in; not
	 * allowed, a role or a cross-site request); 400 where there is a body or query
	 * parameters (bad input, with {@code errors}); 404 where the path names something
	 * ({@code {id}}, {@code {username}}); 409 on a lifecycle action on a request (a
	 * {@code POST} to a path with an id: the request is not in a state for it, or changed
	 * meanwhile); 413 for a {@code POST} or {@code PUT} body over the limit.
	 */
	static void describe(String path, PathItem.HttpMethod method, Operation operation) {
		operation.setSecurity(signIn());
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		boolean body = operation.getRequestBody() != null;
		boolean query = operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((p) -> "query".equals(p.getIn()));
		boolean named = path.contains("{");
		boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
		if (body || query) {
			problem(responses, "400", "Bad input: `errors` lists every bad field.");
		}
		problem(responses, "401", "Not signed in, or the credentials or the token are not valid.");
		problem(responses, "403", "Not allowed: a role is missing, or the request is cross-site.");
		if (named) {
			problem(responses, "404", "Nothing with that id or name (or nothing you may see).");
		}
		if (named && write) {
			problem(responses, "409",
					"Not possible now: the request is not in a state for this, or changed meanwhile.");
		}
		if (write) {
			problem(responses, "413", "The body is larger than the limit.");
		}
		operation.setResponses(responses);
	}

	private static void problem(ApiResponses responses, String status, String description) {
		responses.addApiResponse(status,
				new ApiResponse().description(description)
					.content(new Content().addMediaType(PROBLEM_JSON,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	/**
	 * The configured base URL without a trailing slash, or {@code /}.
	 * @throws IllegalArgumentException when it is set but not an absolute http or https
	 * URL
	 */
	static String serverUrl(String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			return "/";
		}
		String url = baseUrl.strip();
		try {
			URI uri = new URI(url);
			if (!uri.isAbsolute() || uri.getHost() == null
					|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				throw new IllegalArgumentException(
						"handraise.base-url must be an absolute http or https URL, such as https://help.example.com");
			}
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("handraise.base-url is not a URL: " + ex.getMessage(), ex);
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
