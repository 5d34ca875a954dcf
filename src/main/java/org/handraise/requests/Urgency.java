package org.handraise.requests;

/**
 * How soon the person asking needs help.
 */
public enum Urgency {

	LOW, NORMAL, HIGH

}
