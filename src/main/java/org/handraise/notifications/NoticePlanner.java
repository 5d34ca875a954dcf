package org.handraise.notifications;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.handraise.people.Contact;
import org.handraise.people.PeopleService;
import org.handraise.requests.EventReason;
import org.handraise.requests.RequestActivity;
import org.handraise.thanks.ThanksSent;

import org.springframework.stereotype.Component;

/**
 * Decides who is told what. The author hears what others do to their request; helpers
 * (whoever claimed it or offered help) hear how it ends or that it was reopened; mentors
 * hear of a new request on one of their skills. Nobody hears of their own action, and a
 * deactivated person hears nothing. An anonymous request's author is named to nobody but
 * themselves: their actions reach others with no actor.
 */
@Component
class NoticePlanner {

	static final int EXCERPT = 200;

	private final PeopleService people;

	NoticePlanner(PeopleService people) {
		this.people = people;
	}

	List<Notice> about(RequestActivity activity) {
		String source = activity.cause();
		return switch (activity.kind()) {
			case POSTED -> skillMatches(activity, source);
			case CLAIMED -> toAuthor(activity, NotificationKind.REQUEST_CLAIMED, null, source);
			case RELEASED -> toAuthor(activity, NotificationKind.REQUEST_RELEASED,
					(activity.reason() == EventReason.HELPER_LEFT) ? "helper-left" : null, source);
			case OFFERED -> toAuthor(activity, NotificationKind.OFFER_POSTED, null, source);
			case RESOLVED -> toHelpers(activity, NotificationKind.REQUEST_RESOLVED, source);
			case REOPENED -> toHelpers(activity, NotificationKind.REQUEST_REOPENED, source);
			case CANCELLED -> toHelpers(activity, NotificationKind.REQUEST_CANCELLED, source);
			default -> List.of();
		};
	}

	/**
	 * The note's recipient hears of it; the sender is not named when the note is about an
	 * anonymous request of theirs.
	 */
	List<Notice> about(ThanksSent sent) {
		if (sent.to().equals(sent.from())) {
			return List.of();
		}
		Map<String, Contact> contacts = contacts(List.of(sent.to(), sent.from()));
		if (!contacts.containsKey(sent.to())) {
			return List.of();
		}
		String sender = sent.senderHidden() ? null : nameOf(contacts, sent.from());
		return List.of(new Notice(sent.to(), contacts.get(sent.to()).email(), NotificationKind.THANKS_RECEIVED,
				NotificationCategory.THANKS, sent.requestId(), sent.requestTitle(), sender,
				(sent.requestId() != null) ? "for-request" : null, excerpt(sent.message()), "thanks:" + sent.noteId(),
				sent.at()));
	}

	private List<Notice> toAuthor(RequestActivity activity, NotificationKind kind, String variant, String source) {
		if (activity.isAuthor(activity.actor())) {
			return List.of();
		}
		Map<String, Contact> contacts = contacts(List.of(activity.author(), activity.actor()));
		if (!contacts.containsKey(activity.author())) {
			return List.of();
		}
		return List.of(notice(activity, contacts.get(activity.author()), kind, NotificationCategory.MY_REQUESTS,
				nameOf(contacts, activity.actor()), variant, source));
	}

	private List<Notice> toHelpers(RequestActivity activity, NotificationKind kind, String source) {
		Set<String> recipients = new LinkedHashSet<>(activity.helpers());
		recipients.remove(activity.actor());
		recipients.remove(activity.author());
		if (recipients.isEmpty()) {
			return List.of();
		}
		List<String> wanted = new ArrayList<>(recipients);
		wanted.add(activity.actor());
		Map<String, Contact> contacts = contacts(wanted);
		// the author's own actions on an anonymous request reach helpers unnamed
		String actor = activity.actorIsHiddenAuthor() ? null : nameOf(contacts, activity.actor());
		List<Notice> notices = new ArrayList<>();
		for (String recipient : recipients) {
			if (contacts.containsKey(recipient)) {
				String variant = recipient.equals(activity.acceptedHelper()) ? "accepted" : null;
				notices.add(notice(activity, contacts.get(recipient), kind, NotificationCategory.HELPING, actor,
						variant, source));
			}
		}
		return notices;
	}

	private List<Notice> skillMatches(RequestActivity activity, String source) {
		if (activity.topics().isEmpty()) {
			return List.of();
		}
		String topics = activity.topics().stream().sorted().collect(Collectors.joining(", "));
		List<Notice> notices = new ArrayList<>();
		for (Contact mentor : this.people.mentorsWithSkills(activity.topics())) {
			if (!activity.isAuthor(mentor.username())) {
				notices.add(new Notice(mentor.username(), mentor.email(), NotificationKind.REQUEST_MATCHES_SKILLS,
						NotificationCategory.SKILL_MATCHES, activity.requestId(), activity.title(), null, null, topics,
						source, activity.at()));
			}
		}
		return notices;
	}

	private static Notice notice(RequestActivity activity, Contact recipient, NotificationKind kind,
			NotificationCategory category, String actorName, String variant, String source) {
		return new Notice(recipient.username(), recipient.email(), kind, category, activity.requestId(),
				activity.title(), actorName, variant, activity.detail(), source, activity.at());
	}

	private Map<String, Contact> contacts(Collection<String> usernames) {
		return this.people.contacts(usernames)
			.stream()
			.collect(Collectors.toMap(Contact::username, Function.identity()));
	}

	/** At most {@value #EXCERPT} characters of {@code text}, cut at a whole character. */
	static String excerpt(String text) {
		if (text == null || text.length() <= EXCERPT) {
			return text;
		}
		int end = EXCERPT - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "\u2026";
	}

	private static String nameOf(Map<String, Contact> contacts, String username) {
		Contact contact = contacts.get(username);
		return (contact != null) ? contact.displayName() : username;
	}

}
