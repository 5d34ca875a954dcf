package org.handraise.notifications.mail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.handraise.notifications.NotificationCategory;
import org.handraise.notifications.NotificationTexts;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a mail: a text and an HTML part from the templates in {@code templates/mail}, in
 * the mail's language, its subject from {@code messages.properties}, the notification's
 * sentence as the inbox shows it ({@link NotificationTexts}), absolute links to the
 * request, the inbox and the settings, and the RFC 8058 one-click unsubscribe headers for
 * the categories it covers. Its Message-ID is the one stored with it, the same on every
 * attempt.
 */
@Component
class MailComposer {

	private final NotificationTexts texts;

	private final MessageSource messages;

	private final MailLinks links;

	private final UnsubscribeTokens tokens;

	private final MailProperties properties;

	private final SpringTemplateEngine templates;

	MailComposer(NotificationTexts texts, MessageSource messages, MailLinks links, UnsubscribeTokens tokens,
			MailProperties properties) {
		this.texts = texts;
		this.messages = messages;
		this.links = links;
		this.tokens = tokens;
		this.properties = properties;
		this.templates = new SpringTemplateEngine();
		this.templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		this.templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
		this.templates.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

	/** The language of {@code username}'s mail. */
	Locale localeOf(String username) {
		return this.properties.locale();
	}

	/** The message for this mail and what it tells, in {@code target}. */
	void compose(MailDeliveries.DueMail mail, List<MailDeliveries.MailItem> items, MimeMessage target)
			throws MessagingException {
		Locale locale = localeOf(mail.recipient());
		Set<NotificationCategory> categories = EnumSet.noneOf(NotificationCategory.class);
		items.forEach((item) -> categories.add(item.category()));
		String unsubscribe = this.links.unsubscribe(this.tokens.issue(mail.recipient(), categories));

		Context context = new Context(locale);
		context.setVariable("inboxUrl", this.links.inbox());
		context.setVariable("settingsUrl", this.links.settings());
		context.setVariable("unsubscribeUrl", unsubscribe);
		context.setVariable("categories",
				categories.stream().map((c) -> message("mail.category." + c.property(), locale)).toList());
		String subject;
		String template;
		if (MailDeliveries.DIGEST.equals(mail.kind())) {
			List<Group> groups = groups(items, locale);
			context.setVariable("groups", groups);
			long requests = groups.stream().filter((group) -> group.url() != null).count();
			subject = this.messages.getMessage("mail.digest.subject", new Object[] { items.size(), requests }, locale);
			template = "digest";
		}
		else {
			MailDeliveries.MailItem item = items.get(0);
			String text = text(item, locale);
			context.setVariable("text", text);
			context.setVariable("detail", item.detail());
			context.setVariable("title", item.requestTitle());
			context.setVariable("requestUrl", (item.requestId() != null) ? this.links.request(item.requestId()) : null);
			subject = this.messages.getMessage("mail.single.subject", new Object[] { text }, locale);
			template = "notification";
		}
		context.setVariable("subject", subject);

		target.setFrom(new InternetAddress(this.properties.from()));
		target.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.email()));
		target.setSubject(subject, "UTF-8");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(this.templates.process(template + ".txt", context), "UTF-8", "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(this.templates.process(template + ".html", context), "UTF-8", "html");
		target.setContent(new MimeMultipart("alternative", text, html));
		target.setHeader("Message-ID", mail.messageId());
		target.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
		target.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		target.setHeader("Auto-Submitted", "auto-generated");
	}

	private List<Group> groups(List<MailDeliveries.MailItem> items, Locale locale) {
		Map<Long, Group> byRequest = new LinkedHashMap<>();
		Group other = new Group(null, null, new ArrayList<>());
		for (MailDeliveries.MailItem item : items) {
			Group group = (item.requestId() == null) ? other : byRequest.computeIfAbsent(item.requestId(),
					(id) -> new Group(item.requestTitle(), this.links.request(id), new ArrayList<>()));
			group.lines().add(text(item, locale));
		}
		List<Group> groups = new ArrayList<>(byRequest.values());
		if (!other.lines().isEmpty()) {
			groups.add(other);
		}
		return groups;
	}

	private String text(MailDeliveries.MailItem item, Locale locale) {
		return this.texts.text(item.kind(), item.variant(), item.actorName(), item.requestTitle(), locale);
	}

	private String message(String code, Locale locale) {
		return Objects.requireNonNull(this.messages.getMessage(code, null, locale));
	}

	/**
	 * A digest's lines about one request, or (last) those about no request.
	 *
	 * @param title the request's title, or null
	 * @param url the request's address, or null
	 * @param lines what happened, oldest first
	 */
	record Group(String title, String url, List<String> lines) {
	}

}
