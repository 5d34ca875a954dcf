package org.handraise.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the JSON API, as a real client would call it: HTTP Basic, JSON
 * in and out.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public Api(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Response get(String path, String user, String password) {
		return send("GET", path, user, password, null);
	}

	public Response post(String path, String user, String password, Object body) {
		return send("POST", path, user, password, body);
	}

	/**
	 * Sends {@code body} as JSON: a String is sent as it is (for malformed JSON tests),
	 * anything else serialized.
	 */
	public Response send(String method, String path, String user, String password, Object body) {
		return send(method, path,
				(user != null) ? "Basic "
						+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
						: null,
				body);
	}

	/** A GET with a personal access token ({@code Authorization: Bearer}). */
	public Response getWithToken(String path, String token) {
		return send("GET", path, "Bearer " + token, null);
	}

	private Response send(String method, String path, String authorization, Object body) {
		try {
			String text = (body == null) ? null : (body instanceof String s) ? s : JSON.writeValueAsString(body);
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json, application/problem+json")
				.method(method, (text == null) ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
			if (text != null) {
				request.header("Content-Type", "application/json");
			}
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			HttpResponse<String> response = CLIENT.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String contentType, String location, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

	}

}
