package org.bilim.server.staff;

/**
 * What a staff account may do. An OFFICER (education officer) works inside one facility; an
 * ADMIN (ministry or operator) manages facilities, address ranges and staff accounts; a
 * LECTURER authors and grades only the courses they teach (LTI launches will map university
 * staff into this role).
 */
public enum Role {
    OFFICER, ADMIN, LECTURER
}
