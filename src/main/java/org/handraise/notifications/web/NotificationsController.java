package org.handraise.notifications.web;

import java.security.Principal;
import java.util.Locale;

import org.handraise.notifications.Inbox;
import org.handraise.notifications.InboxPage;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox page: newest first, unread marked; opening a notification marks it read and
 * goes to its request; "mark all as read". Plain forms, so it works without JavaScript.
 */
@Controller
class NotificationsController {

	private static final int PAGE_SIZE = 20;

	private final Inbox inbox;

	NotificationsController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/notifications")
	String inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			Principal me, Locale locale, Model model) {
		InboxPage found = this.inbox.page(me.getName(), unread, page, PAGE_SIZE, locale);
		model.addAttribute("inboxPage", found);
		model.addAttribute("inbox", UnreadBadge.known(found.unreadCount()));
		model.addAttribute("notifications",
				new PageImpl<>(found.content(), PageRequest.of(found.page(), found.size()), found.totalElements()));
		model.addAttribute("unreadOnly", unread);
		return "notifications/inbox";
	}

	@PostMapping("/notifications/{id}/open")
	String open(@PathVariable long id, Principal me) {
		Long requestId = this.inbox.markRead(me.getName(), id);
		return (requestId != null) ? "redirect:/requests/" + requestId : "redirect:/thanks";
	}

	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable long id, Principal me) {
		this.inbox.markRead(me.getName(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(Principal me, RedirectAttributes redirect) {
		int marked = this.inbox.markAllRead(me.getName());
		redirect.addFlashAttribute("markedRead", marked);
		return "redirect:/notifications";
	}

}
