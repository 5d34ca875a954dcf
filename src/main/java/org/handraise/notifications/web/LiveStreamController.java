package org.handraise.notifications.web;

import java.security.Principal;
import java.util.List;

import org.handraise.notifications.LiveUpdates;
import org.handraise.requests.RequestQueries;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live updates' stream for the signed-in person's pages ({@code text/event-stream}):
 * {@code unread} events with their unread count and, with {@code ?request=42},
 * {@code request} events when that request changes. A request they may not see, or that
 * does not exist, is not found. One person holds at most
 * {@code handraise.live.max-streams-per-person} streams on an instance: a new one ends
 * their oldest ({@code superseded}). The page works without it.
 */
@Controller
class LiveStreamController {

	private final LiveUpdates live;

	private final RequestQueries requests;

	LiveStreamController(LiveUpdates live, RequestQueries requests) {
		this.live = live;
		this.requests = requests;
	}

	@GetMapping("/notifications/stream")
	ResponseEntity<SseEmitter> stream(@RequestParam(name = "request", required = false) Long requestId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Principal me) {
		// every signed-in person may see every request; one that does not exist shows
		// nothing
		if (requestId != null && this.requests.headlines(List.of(requestId)).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		// X-Accel-Buffering: nginx passes the events on at once, whatever its buffering
		return ResponseEntity.ok()
			.header("X-Accel-Buffering", "no")
			.body(this.live.open(me.getName(), requestId, lastEventId != null));
	}

}
