// The administrator's console: the shell and the views its routes name.
import '../components/staff-console/staff-console.js';
import '../components/facility-list/facility-list.js';
import '../components/facility-editor/facility-editor.js';
import '../components/staff-accounts/staff-accounts.js';
import '../components/staff-account-editor/staff-account-editor.js';
import '../components/audit-log/audit-log.js';
import '../components/search-index/search-index.js';
import '../components/lti-connections/lti-connections.js';
import '../components/lti-registration/lti-registration.js';
