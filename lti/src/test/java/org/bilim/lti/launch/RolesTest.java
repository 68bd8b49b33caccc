package org.bilim.lti.launch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolesTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({
            // role,                                                                              instructor-like, learner, platform admin
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor,                        true,  false, false",
            "Instructor,                                                                           true,  false, false",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant,      true,  false, false",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#Grader,                 true,  false, false",
            "TeachingAssistant,                                                                    true,  false, false",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper,                  true,  false, false",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/ContentDeveloper#ContentExpert,    true,  false, false",
            "ContentDeveloper,                                                                     true,  false, false",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner,                           false, true,  false",
            "Learner,                                                                              false, true,  false",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#NonCreditLearner,          false, true,  false",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor,                            false, false, false",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator,                     false, false, false",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor,                false, false, false",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student,                   false, false, false",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator,                  false, false, true",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin,                       false, false, true",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator,             false, false, true",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#instructor,                        false, false, false",
            "https://purl.imsglobal.org/vocab/lis/v2/membership#Instructor,                       false, false, false",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor,                        false, false, false",
            "http://example.com/roles#Instructor,                                                  false, false, false",
            "'',                                                                                   false, false, false"})
    void aRoleIsReadAsLtiCoreAppendixA2Says(String role, boolean instructorLike, boolean learner, boolean platformAdmin) {
        Roles roles = new Roles(List.of(role));

        assertThat(roles.isInstructorLike()).as("instructor-like").isEqualTo(instructorLike);
        assertThat(roles.isLearner()).as("learner").isEqualTo(learner);
        assertThat(roles.isPlatformAdmin()).as("platform admin").isEqualTo(platformAdmin);
    }
}
