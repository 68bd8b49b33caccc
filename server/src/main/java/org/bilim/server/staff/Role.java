package org.bilim.server.staff;

/**
 * What a staff account may do. An OFFICER (education officer) works inside one facility; an
 * ADMIN (ministry or operator) manages facilities, address ranges and staff accounts.
 */
public enum Role {
    OFFICER, ADMIN
}
