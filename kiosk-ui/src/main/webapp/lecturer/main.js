// The lecturer's workspace, opened by an LTI launch from a university's LMS. The server renders the
// page (the launch's answer) with the base and console stylesheets only; the stylesheets of the
// components are named here, beside the imports, so the list lives with the UI that needs it.
import '../components/lecturer-workspace/lecturer-workspace.js';

const STYLESHEETS = [
  '/components/language-switch/language-switch.css',
  '/components/a11y-settings/a11y-settings.css',
  '/components/idle-warning/idle-warning.css',
  '/components/course-preview/course-preview.css',
  '/components/pdf-viewer/pdf-viewer.css',
  '/components/deep-linking-picker/deep-linking-picker.css',
  '/components/confirm-dialog/confirm-dialog.css',
  '/components/course-editor/course-editor.css',
  '/components/submission-list/submission-list.css',
  '/components/submission-grader/submission-grader.css',
  '/components/essay-list/essay-list.css',
  '/components/essay-grader/essay-grader.css',
  '/components/grade-deliveries/grade-deliveries.css',
  '/components/lecturer-workspace/lecturer-workspace.css',
];

for (const href of STYLESHEETS) {
  if (!document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
}
