package org.handraise.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for the pages: one session (a cookie jar), redirects never
 * followed, and the CSRF token taken from the hidden {@code _csrf} input of the last page
 * that had one, as a plain HTML form would send it.
 */
public final class PageClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient client;

	private String csrfToken;

	private PageClient(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * A visitor who is not signed in, but has a session and a CSRF token from the login
	 * page.
	 */
	public static PageClient anonymous(String baseUrl) {
		PageClient page = new PageClient(baseUrl);
		Response login = page.get("/login");
		if (login.status() != 200 || page.csrfToken == null) {
			throw new IllegalStateException("GET /login gave " + login.status() + " and no CSRF token");
		}
		return page;
	}

	/**
	 * Signs in through the login form, as a person would, and picks up the new CSRF token
	 * from the home page.
	 */
	public static PageClient signedIn(String baseUrl, String username, String password) {
		PageClient page = anonymous(baseUrl);
		Response signIn = page.post("/login", Map.of("username", username, "password", password));
		if (signIn.status() != 302 || signIn.redirectPath().startsWith("/login")) {
			throw new IllegalStateException(
					"Signing in as " + username + " failed: " + signIn.status() + " -> " + signIn.location());
		}
		Response home = page.get("/");
		if (home.status() != 200 || page.csrfToken == null) {
			throw new IllegalStateException("GET / after signing in as " + username + " gave " + home.status());
		}
		return page;
	}

	public Response get(String path) {
		Response response = send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
		Matcher csrf = CSRF.matcher(response.body());
		if (csrf.find()) {
			this.csrfToken = csrf.group(1);
		}
		return response;
	}

	/** Posts a form with the session's CSRF token, as the page's own form would. */
	public Response post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", this.csrfToken);
		return postRaw(path, fields);
	}

	/** Posts a form exactly as given: no CSRF token unless the caller adds one. */
	public Response postRaw(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** Follows a redirect with a GET, as a browser would after a POST. */
	public Response follow(Response redirect) {
		URI target = URI.create(this.baseUrl).resolve(redirect.location());
		String path = target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "");
		return get(path);
	}

	public String csrfToken() {
		return this.csrfToken;
	}

	/**
	 * The value of a cookie this client holds ({@code SESSION} is the session id), or
	 * null.
	 */
	public String cookie(String name) {
		return ((CookieManager) this.client.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(
					request.timeout(Duration.ofSeconds(30)).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(""),
					String.join(", ", response.headers().allValues("Cache-Control")), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8);
	}

	public record Response(int status, String location, String contentType, String cacheControl, String body) {

		/**
		 * The path a redirect points to ({@code /login} for
		 * {@code http://localhost:1234/login?error}).
		 */
		public String redirectPath() {
			return (this.location == null) ? "" : URI.create(this.location).getPath();
		}

		public boolean redirectsToLogin() {
			return this.status == 302 && "/login".equals(redirectPath());
		}

	}

}
