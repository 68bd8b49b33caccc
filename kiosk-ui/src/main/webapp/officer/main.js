// The education officer's console: the shell and the views its routes name.
import '../components/staff-console/staff-console.js';
import '../components/learner-list/learner-list.js';
import '../components/learner-editor/learner-editor.js';
import '../components/kiosk-list/kiosk-list.js';
import '../components/audit-log/audit-log.js';
import '../components/course-list/course-list.js';
import '../components/course-preview/course-preview.js';
import '../components/course-import/course-import.js';
import '../components/import-job/import-job.js';
import '../components/course-enrolment/course-enrolment.js';
import '../components/submission-list/submission-list.js';
import '../components/submission-grader/submission-grader.js';
import '../components/course-search/course-search.js';
