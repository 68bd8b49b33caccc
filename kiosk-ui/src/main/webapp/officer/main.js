// The education officer's console: the shell and the views its routes name.
import '../components/staff-console/staff-console.js';
import '../components/learner-list/learner-list.js';
import '../components/learner-editor/learner-editor.js';
import '../components/kiosk-list/kiosk-list.js';
import '../components/audit-log/audit-log.js';
