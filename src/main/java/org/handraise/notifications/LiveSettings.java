package org.handraise.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live updates ({@code handraise.live.*}).
 *
 * @param timeout how long a stream stays open; then it ends and the browser opens it
 * again (and so signs in again with its session)
 * @param heartbeat how often an open stream gets a comment, so that proxies and load
 * balancers don't close it for being idle
 * @param retry how long a browser waits before it opens a stream again
 * @param maxStreamsPerPerson how many streams one person may hold open on one instance
 * (tabs); one more ends their oldest
 * @param reconnectMaxBackoff the longest wait between two attempts to open the listening
 * connection again (PostgreSQL), starting at half a second and doubling
 * @param checkAfter how long the listening connection may be idle before it is checked
 * with a query (a connection that died silently sends no error)
 * @param gatherFor how long an instance gathers what committed transactions signal before
 * it sends them to every instance in one statement (PostgreSQL)
 * @param keepUnreadFor how long an instance keeps a person's unread count for the
 * navigation bar at most; a signalled change drops it at once ({@link UnreadCounts}), 0
 * keeps none
 */
@ConfigurationProperties("handraise.live")
public record LiveSettings(@DefaultValue("5m") Duration timeout, @DefaultValue("25s") Duration heartbeat,
		@DefaultValue("3s") Duration retry, @DefaultValue("5") int maxStreamsPerPerson,
		@DefaultValue("30s") Duration reconnectMaxBackoff, @DefaultValue("30s") Duration checkAfter,
		@DefaultValue("100ms") Duration gatherFor, @DefaultValue("30s") Duration keepUnreadFor) {
}
