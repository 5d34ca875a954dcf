package org.handraise.stats.web;

/**
 * The dashboard's filter form as typed (or as applied, with the defaults filled in).
 */
public record StatsFilter(String from, String to, String team, String topic) {
}
