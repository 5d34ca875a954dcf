package org.handraise.people;

/**
 * Published when an administrator adds a person or changes one's team, roles or whether they are active: what the
 * statistics group and count people by.
 */
public record PersonChanged(String username) {

}
