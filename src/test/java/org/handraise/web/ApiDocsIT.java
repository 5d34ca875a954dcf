package org.handraise.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The published API description ({@code GET /v3/api-docs}) tells clients the truth: every
 * operation of the API says how to sign in (HTTP Basic or a personal access token), which
 * {@code application/problem+json} answers it gives, and what it does (a summary). An
 * endpoint added without them fails here. The document is also checked to be a
 * well-formed OpenAPI 3.1 document (no OpenAPI parser is on the classpath: the structure
 * is checked directly).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:api-docs-${random.uuid};MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsIT {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
			"trace");

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

	@Autowired
	MockMvc mvc;

	private JsonNode doc;

	@BeforeAll
	void read() throws Exception {
		String json = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		ObjectMapper mapper = JsonMapper.builder().build();
		this.doc = mapper.readTree(json);
	}

	@Test
	void declaresBasicAndBearerSignInAndAppliesThemEverywhere() {
		JsonNode schemes = this.doc.path("components").path("securitySchemes");
		assertThat(schemes.path("basicAuth").path("type").asString()).isEqualTo("http");
		assertThat(schemes.path("basicAuth").path("scheme").asString()).isEqualTo("basic");
		assertThat(schemes.path("bearerAuth").path("type").asString()).isEqualTo("http");
		assertThat(schemes.path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
		assertThat(schemes.path("bearerAuth").path("bearerFormat").asString()).startsWith("hr_");
		assertThat(names(this.doc.path("security"))).containsExactlyInAnyOrder("basicAuth", "bearerAuth");
	}

	@Test
	void everyOperationHasSecurityItsProblemAnswersAndASummary() {
		List<String> problems = new ArrayList<>();
		int operations = 0;
		for (var path : this.doc.path("paths").properties()) {
			if (!path.getKey().startsWith("/api/")) {
				continue;
			}
			for (var entry : path.getValue().properties()) {
				if (!METHODS.contains(entry.getKey())) {
					continue;
				}
				operations++;
				String name = entry.getKey().toUpperCase() + " " + path.getKey();
				JsonNode operation = entry.getValue();
				if (operation.path("summary").asString("").isBlank()) {
					problems.add(name + ": no summary");
				}
				JsonNode security = operation.has("security") ? operation.get("security") : this.doc.path("security");
				if (!names(security).containsAll(Set.of("basicAuth", "bearerAuth"))) {
					problems.add(name + ": security " + security);
				}
				for (String code : expectedProblems(path.getKey(), entry.getKey(), operation)) {
					JsonNode schema = operation.path("responses")
						.path(code)
						.path("content")
						.path("application/problem+json")
						.path("schema");
					if (!"#/components/schemas/Problem".equals(schema.path("$ref").asString(""))) {
						problems.add(name + ": no " + code + " problem answer");
					}
				}
			}
		}
		assertThat(operations).as("operations under /api").isGreaterThanOrEqualTo(17);
		assertThat(problems).isEmpty();
	}

	@Test
	void answersOnlyWhatAnOperationCanGive() {
		JsonNode list = this.doc.path("paths").path("/api/requests").path("get").path("responses");
		assertThat(list.has("404")).as("no id in the path").isFalse();
		assertThat(list.has("409")).isFalse();
		assertThat(list.has("413")).as("no body").isFalse();
		assertThat(list.has("400")).as("query parameters").isTrue();
		JsonNode me = this.doc.path("paths").path("/api/me").path("get").path("responses");
		assertThat(me.has("400")).as("neither body nor parameters").isFalse();
		JsonNode claim = this.doc.path("paths").path("/api/requests/{id}/claim").path("post").path("responses");
		assertThat(claim.has("404")).isTrue();
		assertThat(claim.has("409")).isTrue();
	}

	@Test
	void theProblemSchemaHasItsFieldsAndAnExample() {
		JsonNode problem = this.doc.path("components").path("schemas").path("Problem");
		assertThat(names(List.of(problem.path("properties")))).contains("type", "title", "status", "detail", "errors");
		JsonNode example = problem.has("example") ? problem.get("example") : problem.path("examples").path(0);
		assertThat(example.path("status").asInt()).isEqualTo(400);
		assertThat(example.path("errors").path(0).path("field").asString()).isNotBlank();
	}

	/**
	 * The document is well-formed OpenAPI 3.1: required fields, resolvable references,
	 * unique operation ids.
	 */
	@Test
	void isAValidOpenApiDocument() {
		assertThat(this.doc.path("openapi").asString()).startsWith("3.1.");
		assertThat(this.doc.path("info").path("title").asString()).isNotBlank();
		assertThat(this.doc.path("info").path("version").asString()).isNotBlank();
		assertThat(this.doc.path("paths").isObject()).isTrue();
		Set<String> operationIds = new HashSet<>();
		List<String> problems = new ArrayList<>();
		for (var path : this.doc.path("paths").properties()) {
			assertThat(path.getKey()).startsWith("/");
			for (var entry : path.getValue().properties()) {
				if (!METHODS.contains(entry.getKey())) {
					continue;
				}
				JsonNode operation = entry.getValue();
				String name = entry.getKey() + " " + path.getKey();
				if (!operation.path("responses").isObject() || operation.path("responses").isEmpty()) {
					problems.add(name + ": no responses");
				}
				for (var response : operation.path("responses").properties()) {
					if (!response.getKey().matches("[1-5](\\d\\d|XX)|default")) {
						problems.add(name + ": response key " + response.getKey());
					}
					if (!response.getValue().has("description") && !response.getValue().has("$ref")) {
						problems.add(name + " " + response.getKey() + ": no description");
					}
				}
				String id = operation.path("operationId").asString("");
				if (!id.isEmpty() && !operationIds.add(id)) {
					problems.add(name + ": duplicate operationId " + id);
				}
				Matcher variable = PATH_VARIABLE.matcher(path.getKey());
				while (variable.find()) {
					boolean declared = false;
					for (JsonNode parameter : operation.path("parameters")) {
						declared |= "path".equals(parameter.path("in").asString())
								&& variable.group(1).equals(parameter.path("name").asString())
								&& parameter.path("required").asBoolean();
					}
					if (!declared) {
						problems.add(name + ": path parameter " + variable.group(1) + " not declared as required");
					}
				}
			}
		}
		List<String> refs = new ArrayList<>();
		collectRefs(this.doc, refs);
		for (String ref : refs) {
			assertThat(ref).startsWith("#/");
			JsonNode target = this.doc.at(ref.substring(1));
			if (target.isMissingNode()) {
				problems.add("unresolved " + ref);
			}
		}
		Set<String> schemes = new HashSet<>();
		this.doc.path("components").path("securitySchemes").propertyNames().forEach(schemes::add);
		assertThat(schemes).containsAll(names(this.doc.path("security")));
		assertThat(problems).isEmpty();
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject()) {
			for (var field : node.properties()) {
				if ("$ref".equals(field.getKey()) && field.getValue().isString()) {
					refs.add(field.getValue().asString());
				}
				else {
					collectRefs(field.getValue(), refs);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((child) -> collectRefs(child, refs));
		}
	}

	/** The problem answers the operation must document (see {@code ApiDocs.describe}). */
	private static List<String> expectedProblems(String path, String method, JsonNode operation) {
		List<String> codes = new ArrayList<>(List.of("401", "403"));
		boolean query = false;
		for (JsonNode parameter : operation.path("parameters")) {
			query |= "query".equals(parameter.path("in").asString());
		}
		boolean write = "post".equals(method) || "put".equals(method);
		if (operation.has("requestBody") || query) {
			codes.add("400");
		}
		if (path.contains("{")) {
			codes.add("404");
			if (write) {
				codes.add("409");
			}
		}
		if (write) {
			codes.add("413");
		}
		return codes;
	}

	/** The scheme names of a list of security requirements. */
	private static Set<String> names(Iterable<JsonNode> requirements) {
		Set<String> names = new HashSet<>();
		for (JsonNode requirement : requirements) {
			requirement.propertyNames().forEach(names::add);
		}
		return names;
	}

}
